// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadText, resultsFileName } from '@/utils/bulk/download';
import { REVOKE_AFTER_MS } from '@/utils/ui/download';

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('downloadText', () => {
  it('saves through a Blob whose object URL is revoked shortly after the click (Firefox reads it after), leaving nothing in the page', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const create = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:chrome-extension://id/1');
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    downloadText('temporary-access-passes-2030-06-03.csv', 'a,b\r\n');
    expect(clicked).toEqual([{ href: 'blob:chrome-extension://id/1', download: 'temporary-access-passes-2030-06-03.csv' }]);
    const blob = create.mock.calls[0]?.[0] as Blob;
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(await blob.text()).toBe('\uFEFFa,b\r\n');
    expect(document.querySelector('a')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(REVOKE_AFTER_MS);
    expect(revoke).toHaveBeenCalledWith('blob:chrome-extension://id/1');
  });

  it('names the file by the day only', () => {
    expect(resultsFileName(new Date(2030, 5, 3, 9, 0))).toBe('temporary-access-passes-2030-06-03.csv');
  });
});
