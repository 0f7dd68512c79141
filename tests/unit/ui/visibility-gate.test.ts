// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ARMING_DELAY_MS, createVisibilityGate } from '@/utils/ui/visibility-gate';

describe('visibility gate (without IntersectionObserver v2: the host decides)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('arms after the frame has been reported visible for the whole delay; every break starts over', () => {
    const gate = createVisibilityGate(document.body, { needsHost: true });
    expect(gate.armed.value).toBe(false);
    gate.reportHost(true);
    vi.advanceTimersByTime(ARMING_DELAY_MS - 10);
    gate.reportHost(false); // covered for a moment
    gate.reportHost(true);
    vi.advanceTimersByTime(ARMING_DELAY_MS - 10);
    expect(gate.armed.value).toBe(false);
    vi.advanceTimersByTime(20);
    expect(gate.armed.value).toBe(true);
    gate.reportHost(false);
    expect(gate.armed.value).toBe(false); // disarmed at once
    gate.stop();
  });

  it('a portal frame whose host never reports stays inert', () => {
    const gate = createVisibilityGate(document.body, { needsHost: true });
    vi.advanceTimersByTime(10 * ARMING_DELAY_MS);
    expect(gate.armed.value).toBe(false);
    gate.stop();
  });
});
