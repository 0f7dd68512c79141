import { effect } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHistoryStore } from '@/utils/ui/history-store';
import { ADELE, DIEGO, entry, fakeBackground, threeEntries } from './fixtures';

/** Every non-empty text the live region held, in order. */
function spoken(store: ReturnType<typeof createHistoryStore>): string[] {
  const said: string[] = [];
  effect(() => {
    if (store.announcement.value) said.push(store.announcement.value);
  });
  return said;
}

describe('history store', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('loads newest first and counts without announcing the first view', async () => {
    const { send } = fakeBackground(threeEntries());
    const store = createHistoryStore(send);
    const said = spoken(store);
    await store.load();
    expect(store.phase.value).toBe('ready');
    expect(store.shown.value.map((e) => e.action)).toEqual(['revoke', 'replace', 'issue']);
    expect(store.count.value).toBe('3 entries');
    expect(store.users.value.map((u) => u.label)).toEqual([
      'Adele Vance (AdeleV@contoso.onmicrosoft.com)',
      'Diego Siciliani (DiegoS@contoso.onmicrosoft.com)',
    ]);
    vi.advanceTimersByTime(5_000);
    expect(said).toEqual([]);
  });

  it('narrows by name, UPN, id or result sentence, and says the count once typing pauses', async () => {
    const store = createHistoryStore(fakeBackground(threeEntries()).send);
    const said = spoken(store);
    await store.load();
    for (const text of ['d', 'di', 'die', 'dieg']) {
      store.search(text);
      vi.advanceTimersByTime(300);
    }
    expect(store.count.value).toBe('1 of 3 entries');
    expect(said).toEqual([]);
    vi.advanceTimersByTime(800);
    expect(said).toEqual(['1 of 3 entries']);

    store.search('graph is busy');
    vi.advanceTimersByTime(800);
    expect(store.matching.value.map((e) => e.user.id)).toEqual([DIEGO.id]);
    store.search('adelev@');
    vi.advanceTimersByTime(800);
    expect(store.count.value).toBe('2 of 3 entries');
    store.search(ADELE.id.toUpperCase());
    // The same words as last time: emptied first, so the live region says them again.
    vi.advanceTimersByTime(900);
    expect(said).toEqual(['1 of 3 entries', '1 of 3 entries', '2 of 3 entries', '2 of 3 entries']);
  });

  it('filters by user, with the search on top', async () => {
    const store = createHistoryStore(fakeBackground(threeEntries()).send);
    await store.load();
    store.filterUser(ADELE.id);
    expect(store.matching.value.map((e) => e.action)).toEqual(['revoke', 'issue']);
    store.search('nobody');
    expect(store.matching.value).toEqual([]);
    expect(store.count.value).toBe('0 of 3 entries');
    store.search('');
    store.filterUser('');
    expect(store.count.value).toBe('3 entries');
  });

  it('shows a page of rows at a time out of 10 000, and searches them all', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => entry({ user: i === 9_999 ? DIEGO : ADELE }));
    const store = createHistoryStore(fakeBackground(many).send);
    await store.load();
    expect(store.shown.value).toHaveLength(100);
    expect(store.showMore()).toBe(100);
    expect(store.shown.value).toHaveLength(200);
    const started = performance.now();
    store.search('diego');
    expect(store.matching.value).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(200);
    // A new search starts again at the first page.
    store.search('');
    expect(store.shown.value).toHaveLength(100);
  });

  it('clears, says how many once, and forgets the search; quiet when the caller says it', async () => {
    const background = fakeBackground(threeEntries());
    const store = createHistoryStore(background.send);
    const said = spoken(store);
    await store.load();
    store.search('adele');
    expect(await store.clear()).toBe(3);
    vi.advanceTimersByTime(2_000);
    expect(said).toEqual(['History cleared (3 entries)']);
    expect(store.entries.value).toEqual([]);
    expect(store.text.value).toBe('');

    const again = createHistoryStore(fakeBackground(threeEntries()).send);
    const quiet = spoken(again);
    await again.load();
    expect(await again.clear({ quiet: true })).toBe(3);
    expect(quiet).toEqual([]);
  });

  it('an answer that left before the clear does not bring the entries back', async () => {
    const { send } = fakeBackground(threeEntries());
    let release: (() => void) | undefined;
    const slow = vi.fn(async (type: string, req: unknown) => {
      if (type === 'getHistory') await new Promise<void>((resolve) => (release = resolve));
      return send(type as 'getHistory', req as Record<string, never>);
    });
    const store = createHistoryStore(slow as unknown as typeof send);
    const loading = store.load();
    await store.clear();
    release?.();
    await loading;
    expect(store.entries.value).toEqual([]);
  });

  it('says what failed: a first load that fails, a clear that fails', async () => {
    const failing = vi.fn(async () => {
      throw new Error('gone');
    });
    const store = createHistoryStore(failing as never);
    await store.load();
    expect(store.phase.value).toBe('failed');
    expect(store.loadError.value).toMatch(/went wrong/);
    expect(await store.clear()).toBeNull();
    expect(store.actionError.value).toMatch(/went wrong/);
  });

  it('exports what matches, all of it, not only the page', async () => {
    const many = Array.from({ length: 150 }, () => entry());
    const store = createHistoryStore(fakeBackground([...many, entry({ user: DIEGO })]).send);
    await store.load();
    store.search('adele');
    const { text, count } = store.csv();
    expect(count).toBe(150);
    expect(text.trim().split('\r\n')).toHaveLength(151);
    expect(text).not.toContain('Diego');
  });
});
