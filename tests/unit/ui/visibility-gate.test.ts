// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARMING_DELAY_MS, canProveVisibility, createVisibilityGate } from '@/utils/ui/visibility-gate';

type Report = (entries: { isIntersecting: boolean; isVisible: boolean }[]) => void;

/** IntersectionObserver v2 as Chromium has it: entries carry isVisible. The test says what the observer sees. */
function installV2(): { see(visible: boolean): void } {
  let report: Report = () => {};
  class FakeEntry {}
  Object.defineProperty(FakeEntry.prototype, 'isVisible', { value: false });
  class FakeObserver {
    constructor(callback: Report) {
      report = callback;
    }
    observe() {}
    disconnect() {}
  }
  vi.stubGlobal('IntersectionObserverEntry', FakeEntry);
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  return { see: (visible) => report([{ isIntersecting: visible, isVisible: visible }]) };
}

describe('visibility gate', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  describe('without IntersectionObserver v2 (Firefox): nothing can prove the frame is seen', () => {
    it('a portal frame never arms, whatever its host reports', () => {
      vi.stubGlobal('IntersectionObserverEntry', class {});
      expect(canProveVisibility()).toBe(false);
      const gate = createVisibilityGate(document.body, { needsHost: true });
      gate.reportHost(true);
      vi.advanceTimersByTime(10 * ARMING_DELAY_MS);
      expect(gate.armed.value).toBe(false);
      gate.stop();
    });
  });

  describe('with IntersectionObserver v2 (Chromium): the observer and the host must both see it', () => {
    it('arms after both have seen it for the whole delay; every break starts over, and disarms at once', () => {
      const observer = installV2();
      expect(canProveVisibility()).toBe(true);
      const gate = createVisibilityGate(document.body, { needsHost: true });
      observer.see(true);
      gate.reportHost(true);
      vi.advanceTimersByTime(ARMING_DELAY_MS - 10);
      gate.reportHost(false); // moved for a moment
      gate.reportHost(true);
      vi.advanceTimersByTime(ARMING_DELAY_MS - 10);
      expect(gate.armed.value).toBe(false);
      vi.advanceTimersByTime(20);
      expect(gate.armed.value).toBe(true);
      observer.see(false); // covered
      expect(gate.armed.value).toBe(false);
      gate.stop();
    });

    it('a portal frame whose host never reports stays inert even when the observer sees it', () => {
      const observer = installV2();
      const gate = createVisibilityGate(document.body, { needsHost: true });
      observer.see(true);
      vi.advanceTimersByTime(10 * ARMING_DELAY_MS);
      expect(gate.armed.value).toBe(false);
      gate.stop();
    });
  });
});
