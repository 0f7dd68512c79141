import { describe, expect, it } from 'vitest';
import { describePassStatus, unusableSentence } from '@/utils/ui/pass-status';
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

describe('unusableSentence', () => {
  it.each([
    ['DisabledByPolicy', /policy doesn't include them/],
    ['Expired', /has expired\. Issue a new one/],
    ['OneTimeUsed', /it has been used\. Issue a new one/],
  ])('%s → a sentence that says what to do', (reason, sentence) => {
    expect(unusableSentence(existingPass({ methodUsabilityReason: reason, isUsable: false }))).toMatch(sentence);
  });

  it('nothing for a usable pass or a later start', () => {
    expect(unusableSentence(existingPass())).toBeNull();
    expect(unusableSentence(existingPass({ methodUsabilityReason: 'NotYetValid', isUsable: false }))).toBeNull();
  });
});
