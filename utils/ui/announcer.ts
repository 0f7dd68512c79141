import { signal } from '@preact/signals';

const ANNOUNCEMENT_MS = 8_000;

/** One polite live region's text: each event said once, a repeat of the same words heard again, then emptied. */
export function createAnnouncer() {
  const announcement = signal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  function announce(text: string): void {
    clearTimeout(timer);
    if (text && announcement.value === text) {
      // The same words again change nothing in a live region: empty it first, so the repeat is heard.
      announcement.value = '';
      setTimeout(() => {
        announcement.value = text;
      }, 60);
    } else announcement.value = text;
    if (text) timer = setTimeout(() => (announcement.value = ''), ANNOUNCEMENT_MS);
  }
  return { announcement, announce };
}
