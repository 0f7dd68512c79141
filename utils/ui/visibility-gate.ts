import { type Signal, signal } from '@preact/signals';

/** How long a portal panel must have been visible and unobscured before its actions work. */
export const ARMING_DELAY_MS = 500;

/** IntersectionObserver v2 (Chromium): isVisible is false when anything covers, fades, filters or transforms the frame. */
const supportsTrackVisibility = () =>
  typeof IntersectionObserverEntry !== 'undefined' && 'isVisible' in IntersectionObserverEntry.prototype;

/**
 * Whether this browser can prove a portal frame is visible. Without IntersectionObserver v2 (Firefox) it can't: an
 * overlay with pointer-events: none, a host pseudo-element, a flipped or blended page all pass any geometry check
 * (elementFromPoint skips them), and a security review issued and copied a pass under each. There, a portal panel never
 * arms: it shows who and what, and its actions happen in a window of their own, which no page can draw over.
 */
export const canProveVisibility = supportsTrackVisibility;

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
  // Without v2 a portal frame (needsHost) is never observed visible (canProveVisibility); a window needs no proof.
  let observed = !needsHost && !supportsTrackVisibility();
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
