import { type ReadonlySignal, signal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';

/** Live-region text is cleared after this long, so a screen reader browsing later doesn't find a stale sentence. */
export const ANNOUNCEMENT_MS = 8_000;

/** How long an emptied region stays empty before the same words again, so the repeat is heard. */
const REPEAT_GAP_MS = 60;

export interface Announcer {
  /** What the live region says now. */
  readonly text: ReadonlySignal<string>;
  /** Says `text` once, then clears it after ANNOUNCEMENT_MS; '' clears at once. */
  announce(text: string): void;
  /** Shows `text` until the next announce or hold: a sentence about a state that lasts (a failure, a missing grant). */
  hold(text: string): void;
  /** Stops the timers (the page or component is going away). */
  dispose(): void;
}

/**
 * The text of one live region (role=status or aria-live), said once and then cleared: the panel's, the popup's and the
 * options page's status lines all go through one of these.
 */
export function createAnnouncer(clearAfterMs = ANNOUNCEMENT_MS): Announcer {
  const text = signal('');
  let clearTimer: ReturnType<typeof setTimeout> | undefined;
  let repeatTimer: ReturnType<typeof setTimeout> | undefined;

  function set(next: string, clears: boolean): void {
    clearTimeout(clearTimer);
    clearTimeout(repeatTimer);
    if (next && text.value === next) {
      // The same words again change nothing in the live region: empty it first, so the repeat is heard.
      text.value = '';
      repeatTimer = setTimeout(() => {
        text.value = next;
      }, REPEAT_GAP_MS);
    } else text.value = next;
    if (next && clears) clearTimer = setTimeout(() => (text.value = ''), clearAfterMs);
  }

  return {
    text,
    announce: (next) => set(next, true),
    hold: (next) => set(next, false),
    dispose() {
      clearTimeout(clearTimer);
      clearTimeout(repeatTimer);
    },
  };
}

/** A component's own announcer, its timers stopped when it unmounts. */
export function useAnnouncer(clearAfterMs = ANNOUNCEMENT_MS): Announcer {
  const announcer = useMemo(() => createAnnouncer(clearAfterMs), [clearAfterMs]);
  useEffect(() => () => announcer.dispose(), [announcer]);
  return announcer;
}
