import type { ActivationGuard } from './activation-guard-type';
/** How long the pointer must have been over a portal panel, still in the same place, before a click there acts. */
export const POINTER_DWELL_MS = 150;
/** How long a portal panel must have had the keyboard before a key press acts. */
export const FOCUS_DWELL_MS = 500;

export { type ActivationGuard, ALWAYS } from './activation-guard-type';

/**
 * In a portal frame a click or key press acts only when the admin has been on the panel for a moment. A page that
 * moves the panel under a resting cursor, or walks focus into it with Tab just before an Enter, gets nothing: the
 * pointer only "arrived" with that click, and the focus only with that key. The pointer's screen-to-frame offset
 * (screenX - clientX) also changes when the frame moves while the pointer is in it, which restarts the dwell.
 */
export function createActivationGuard(
  win: Window = window,
  now: () => number = () => performance.now(),
  /** The pointer or the keyboard came to the panel (true) or left it (false). */
  onAttention: (active: boolean) => void = () => {},
): ActivationGuard {
  let pointerSince: number | null = null;
  let offset: string | null = null;
  let focusSince: number | null = win.document.hasFocus() ? now() : null;
  const offsetOf = (event: MouseEvent) => `${event.screenX - event.clientX},${event.screenY - event.clientY}`;

  const attention = () => onAttention(pointerSince !== null || focusSince !== null);
  const onPointer = (event: PointerEvent) => {
    const current = offsetOf(event);
    if (current !== offset || pointerSince === null) {
      const arrived = pointerSince === null;
      offset = current;
      pointerSince = now();
      if (arrived) attention();
    }
  };
  const onLeave = () => {
    pointerSince = null;
    offset = null;
    attention();
  };
  const onFocus = () => {
    focusSince = now();
    attention();
  };
  const onBlur = () => {
    focusSince = null;
    attention();
  };
  win.document.addEventListener('pointermove', onPointer, true);
  win.document.addEventListener('pointerover', onPointer, true);
  win.document.documentElement.addEventListener('pointerleave', onLeave);
  win.addEventListener('focus', onFocus);
  win.addEventListener('blur', onBlur);

  return {
    allows(event) {
      if (event.detail > 0) {
        return pointerSince !== null && offsetOf(event) === offset && now() - pointerSince >= POINTER_DWELL_MS;
      }
      return focusSince !== null && now() - focusSince >= FOCUS_DWELL_MS;
    },
    stop() {
      win.document.removeEventListener('pointermove', onPointer, true);
      win.document.removeEventListener('pointerover', onPointer, true);
      win.document.documentElement.removeEventListener('pointerleave', onLeave);
      win.removeEventListener('focus', onFocus);
      win.removeEventListener('blur', onBlur);
    },
  };
}
