// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadText, REVOKE_AFTER_MS } from '@/utils/ui/download';
import { formatAgo } from '@/utils/ui/format';
import { formatDateTime } from '@/utils/ui/format-pass';
import { maxEntriesProblem, retentionDaysProblem } from '@/utils/ui/history-settings-validation';
import { countWords, detailsWords } from '@/utils/ui/history-words';
import { entry } from './fixtures';

describe('history words', () => {
  it('details: what an issue asked for, the policy defaults when nothing, nothing for a revoke', () => {
    const start = '2027-01-04T09:00:00.000Z';
    expect(detailsWords(entry({ options: { lifetimeInMinutes: 120, isUsableOnce: true, startDateTime: start } }))).toBe(
      `2 hours, one-time, starts ${formatDateTime(start)}`,
    );
    expect(detailsWords(entry({ options: { isUsableOnce: false } }))).toBe('reusable');
    expect(detailsWords(entry({ options: {} }))).toBe('Policy defaults');
    expect(detailsWords(entry({ action: 'revoke', options: undefined }))).toBe('');
  });

  it('count: "n of m entries" only while narrowed', () => {
    expect(countWords(12, 340, true)).toBe('12 of 340 entries');
    expect(countWords(1, 1, false)).toBe('1 entry');
    expect(countWords(340, 340, false)).toBe('340 entries');
  });

  it('ago: minutes, hours, days', () => {
    expect(formatAgo(20_000)).toBe('just now');
    expect(formatAgo(5 * 60_000)).toBe('5 min ago');
    expect(formatAgo(3 * 3_600_000)).toBe('3 h ago');
    expect(formatAgo(50 * 3_600_000)).toBe('2 d ago');
  });
});

describe('history settings validation', () => {
  it('days 1–3650, entries 10–10000, whole numbers only', () => {
    expect(retentionDaysProblem('90')).toBeNull();
    expect(retentionDaysProblem('1')).toBeNull();
    expect(retentionDaysProblem('3650')).toBeNull();
    for (const bad of ['', '0', '3651', '1.5', 'abc', '-3']) {
      expect(retentionDaysProblem(bad)).toBe('Enter a whole number of days from 1 to 3,650.');
    }
    expect(maxEntriesProblem('10')).toBeNull();
    expect(maxEntriesProblem('10000')).toBeNull();
    for (const bad of ['9', '10001', '', '100.1']) {
      expect(maxEntriesProblem(bad)).toBe('Enter a whole number of entries from 10 to 10,000.');
    }
  });
});

describe('downloadText', () => {
  afterEach(() => vi.useRealTimers());

  it('downloads through a Blob URL and revokes it afterwards', async () => {
    vi.useFakeTimers();
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:fake');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: { href: string; download: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    downloadText('a,b\r\n', 'history.csv', 'text/csv');
    const blob = create.mock.calls[0]?.[0] as Blob;
    expect(await blob.text()).toBe('a,b\r\n');
    expect(blob.type).toBe('text/csv');
    expect(clicked).toEqual([{ href: 'blob:fake', download: 'history.csv' }]);
    expect(document.querySelector('a')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(REVOKE_AFTER_MS);
    expect(revoke).toHaveBeenCalledWith('blob:fake');
    click.mockRestore();
    create.mockRestore();
    revoke.mockRestore();
  });
});
