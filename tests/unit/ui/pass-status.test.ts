import { describe, expect, it } from 'vitest';
import { describePassStatus } from '@/utils/ui/pass-status';
import { existingPass } from '../components/fixtures';

describe('describePassStatus', () => {
  const now = Date.now();
  it.each([
    ['EnabledByPolicy', true, 'Active'],
    ['Expired', false, 'Expired'],
    ['OneTimeUsed', false, 'Used'],
    ['DisabledByPolicy', false, 'Blocked by policy'],
  ])('%s → %s', (reason, isUsable, label) => {
    expect(describePassStatus(existingPass({ methodUsabilityReason: reason, isUsable: isUsable as boolean }), now).label).toBe(
      label,
    );
  });

  it('says when a pass that is not yet valid starts', () => {
    const start = new Date(now + 3_600_000).toISOString();
    const status = describePassStatus(
      existingPass({ startDateTime: start, methodUsabilityReason: 'NotYetValid', isUsable: false }),
      now,
    );
    expect(status.label).toMatch(/^Not yet valid — starts /);
  });

  it('calls a pass whose window has passed Expired even if Graph read it earlier as enabled', () => {
    const start = new Date(now - 2 * 3_600_000).toISOString();
    expect(describePassStatus(existingPass({ startDateTime: start }), now).label).toBe('Expired');
  });
});
