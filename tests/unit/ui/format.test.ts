import { describe, expect, it } from 'vitest';
import { formatAge, formatDuration, formatRange } from '@/utils/ui/format';
import { formatCountdown, formatRemaining, groupForReading, passEnd } from '@/utils/ui/format-pass';

describe('formatDuration', () => {
  it.each([
    [1, '1 minute'],
    [45, '45 minutes'],
    [60, '1 hour'],
    [90, '1 hour 30 minutes'],
    [480, '8 hours'],
    [1440, '1 day'],
    [43200, '30 days'],
  ])('%i minutes → %s', (minutes, words) => expect(formatDuration(minutes)).toBe(words));
});

describe('formatRange', () => {
  it.each([
    [60, 480, 'allowed 1–8 hours'],
    [10, 480, 'allowed 10 minutes–8 hours'],
    [10, 45, 'allowed 10–45 minutes'],
    [1440, 43200, 'allowed 1–30 days'],
    [60, 43200, 'allowed 1–720 hours'],
    [60, 60, 'allowed 1 hour only'],
  ])('%i..%i → %s', (min, max, words) => expect(formatRange(min, max)).toBe(words));
});

describe('countdown', () => {
  const start = Date.UTC(2025, 0, 1, 12, 0);
  const end = passEnd(new Date(start).toISOString(), 60);
  it('says how long until expiry, rounding down', () => {
    expect(formatCountdown(start, end, start + 1000)).toBe('expires in 59 min');
    expect(formatCountdown(start, end, end - 30_000)).toBe('expires in less than a minute');
  });
  it('says when it starts, and when it has expired', () => {
    expect(formatCountdown(start, end, start - 10 * 60_000)).toBe('starts in 10 min');
    expect(formatCountdown(start, end, end)).toBe('expired');
  });
  it('uses hours and days for long spans', () => {
    expect(formatRemaining((7 * 60 + 5) * 60_000)).toBe('7 h 5 min');
    expect(formatRemaining(8 * 3_600_000)).toBe('8 h');
    expect(formatRemaining((2 * 24 + 3) * 3_600_000)).toBe('2 d 3 h');
  });
});

describe('groupForReading', () => {
  it('splits into groups of four without changing the characters', () => {
    expect(groupForReading('Ab3dEf7hKm')).toEqual(['Ab3d', 'Ef7h', 'Km']);
    expect(groupForReading('Ab3dEf7hKm').join('')).toBe('Ab3dEf7hKm');
  });
});

describe('formatAge', () => {
  it('counts minutes and hours', () => {
    const now = 10_000_000;
    expect(formatAge(now - 20_000, now)).toBe('Updated just now');
    expect(formatAge(now - 5 * 60_000, now)).toBe('Updated 5 min ago');
    expect(formatAge(now - 130 * 60_000, now)).toBe('Updated 2 h ago');
  });
});
