// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createActivationGuard, FOCUS_DWELL_MS, POINTER_DWELL_MS } from '@/utils/ui/activation-guard';

function pointer(type: string, screenX: number, clientX: number) {
  return new PointerEvent(type, { screenX, clientX, screenY: 100, clientY: 40, bubbles: true });
}
const click = (screenX: number, clientX: number) =>
  new MouseEvent('click', { detail: 1, screenX, clientX, screenY: 100, clientY: 40 });
const keyClick = () => new MouseEvent('click', { detail: 0 });

describe('activation guard', () => {
  it('a click counts only from a pointer that rested on the panel, in the same place', () => {
    let now = 1_000;
    const attention: boolean[] = [];
    const guard = createActivationGuard(
      window,
      () => now,
      (active) => attention.push(active),
    );
    window.dispatchEvent(new FocusEvent('blur')); // the keyboard is elsewhere
    expect(guard.allows(click(500, 100))).toBe(false); // no pointer seen at all: it arrived with the click
    document.dispatchEvent(pointer('pointermove', 500, 100));
    now += POINTER_DWELL_MS - 1;
    expect(guard.allows(click(500, 100))).toBe(false);
    now += 2;
    expect(guard.allows(click(500, 100))).toBe(true);
    // The frame moved under the pointer (its screen-to-frame offset changed): the dwell starts over.
    document.dispatchEvent(pointer('pointermove', 540, 100));
    expect(guard.allows(click(540, 100))).toBe(false);
    now += POINTER_DWELL_MS;
    expect(guard.allows(click(540, 100))).toBe(true);
    expect(guard.allows(click(500, 100))).toBe(false); // a click from where the frame was before
    document.documentElement.dispatchEvent(new PointerEvent('pointerleave'));
    expect(guard.allows(click(540, 100))).toBe(false);
    expect(attention).toEqual([false, true, false]);
    guard.stop();
  });

  it('a key press counts only once the panel has had the keyboard a moment', () => {
    let now = 1_000;
    const guard = createActivationGuard(window, () => now);
    window.dispatchEvent(new FocusEvent('blur'));
    expect(guard.allows(keyClick())).toBe(false);
    window.dispatchEvent(new FocusEvent('focus'));
    now += FOCUS_DWELL_MS - 1;
    expect(guard.allows(keyClick())).toBe(false);
    now += 2;
    expect(guard.allows(keyClick())).toBe(true);
    guard.stop();
  });
});
