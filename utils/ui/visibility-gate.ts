import { type Signal, signal } from '@preact/signals';

/** How long a portal panel must have been visible and unobscured before its actions work. */
export const ARMING_DELAY_MS = 500;

/** IntersectionObserver v2 (Chromium): isVisible is false when anything covers, fades, filters or transforms the frame. */
const supportsTrackVisibility = () =>
  typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;

export interface VisibilityGate {
  /** True once the panel has been visible, whole and on top, for ARMING_DELAY_MS without a break. */
  armed: Signal<boolean>;
  /** The content script's own check of the frame (on screen, not faded or covered), for browsers without v2. */
  reportHost(visible: boolean): void;
  stop(): void;
}

/**
 * Issue, Replace, Revoke and Copy act only while `armed`: a page that frames the panel invisibly, under a decoy, or
 * off screen can't turn the admin's click or keystroke into an action. Every break restarts the delay.
 */
export function createVisibilityGate(target: Element, { needsHost }: { needsHost: boolean }): VisibilityGate {
  const armed = signal(false);
  let observed = !supportsTrackVisibility(); // without v2, the host's report alone decides
  let host = !needsHost;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const evaluate = () => {
    const visible = observed && host && document.visibilityState === 'visible';
    if (!visible) {
      clearTimeout(timer);
      timer = undefined;
      armed.value = false;
    } else if (!armed.value && timer === undefined) {
      timer = setTimeout(() => {
        timer = undefined;
        armed.value = true;
      }, ARMING_DELAY_MS);
    }
  };

  let observer: IntersectionObserver | undefined;
  if (supportsTrackVisibility()) {
    observer = new IntersectionObserver(
      (entries) => {
        const entry = entries.at(-1) as (IntersectionObserverEntry & { isVisible?: boolean }) | undefined;
        observed = !!entry?.isIntersecting && entry.isVisible === true;
        evaluate();
      },
      { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    observer.observe(target);
  }
  document.addEventListener('visibilitychange', evaluate);
  evaluate();

  return {
    armed,
    reportHost(visible) {
      host = visible;
      evaluate();
    },
    stop() {
      observer?.disconnect();
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', evaluate);
    },
  };
}
