import { describe, expect, it } from 'vitest';
import { checkIssueForm, EMPTY_ISSUE_FORM } from '@/utils/ui/issue-options';
import { POLICY } from '../components/fixtures';

const now = Date.now();

describe('checkIssueForm', () => {
  it('sends nothing when nothing is set (the policy defaults apply)', () => {
    expect(checkIssueForm(EMPTY_ISSUE_FORM, POLICY, now)).toEqual({ ok: true, options: {} });
  });

  it('converts hours to minutes within the bounds', () => {
    expect(checkIssueForm({ ...EMPTY_ISSUE_FORM, lifetime: '8' }, POLICY, now)).toEqual({
      ok: true,
      options: { lifetimeInMinutes: 480 },
    });
    expect(checkIssueForm({ ...EMPTY_ISSUE_FORM, lifetime: '90', unit: 'minutes' }, POLICY, now)).toEqual({
      ok: true,
      options: { lifetimeInMinutes: 90 },
    });
  });

  it.each([
    ['9', 'hours'],
    ['30', 'minutes'],
    ['0', 'hours'],
    ['-1', 'hours'],
    ['abc', 'hours'],
  ] as const)('refuses %s %s', (lifetime, unit) => {
    const result = checkIssueForm({ ...EMPTY_ISSUE_FORM, lifetime, unit }, POLICY, now);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.field).toBe('lifetime');
  });

  it('names the allowed range in the refusal', () => {
    const result = checkIssueForm({ ...EMPTY_ISSUE_FORM, lifetime: '9' }, POLICY, now);
    expect(result).toMatchObject({ ok: false, message: '9 hours is outside the allowed range. The policy allows 1–8 hours.' });
  });

  it('sends a future start as ISO and refuses one in the past', () => {
    const later = new Date(now + 3_600_000);
    const local = `${later.getFullYear()}-${String(later.getMonth() + 1).padStart(2, '0')}-${String(later.getDate()).padStart(2, '0')}T${String(later.getHours()).padStart(2, '0')}:${String(later.getMinutes()).padStart(2, '0')}`;
    const ok = checkIssueForm({ ...EMPTY_ISSUE_FORM, start: local }, POLICY, now);
    expect(ok.ok && ok.options.startDateTime).toBe(new Date(local).toISOString());
    const past = checkIssueForm({ ...EMPTY_ISSUE_FORM, start: '2001-01-01T10:00' }, POLICY, now);
    expect(past).toMatchObject({ ok: false, field: 'start' });
  });

  it('sends one-time use only when touched, and never when the policy forces it', () => {
    expect(checkIssueForm({ ...EMPTY_ISSUE_FORM, oneTime: true }, POLICY, now)).toEqual({
      ok: true,
      options: { isUsableOnce: true },
    });
    expect(checkIssueForm({ ...EMPTY_ISSUE_FORM, oneTime: true }, { ...POLICY, isUsableOnce: true }, now)).toEqual({
      ok: true,
      options: {},
    });
  });
});
