// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportHistory } from '@/components/history/ExportHistory';
import { HistorySection } from '@/components/history/HistorySection';
import { DEFAULT_HISTORY_SETTINGS } from '@/utils/history/types';
import { formatDateTime } from '@/utils/ui/format-pass';
import { createHistoryStore } from '@/utils/ui/history-store';
import { ADELE, DIEGO, entry, fakeBackground, threeEntries } from './fixtures';

afterEach(cleanup);

async function shown(entries = threeEntries(), settings = DEFAULT_HISTORY_SETTINGS) {
  const background = fakeBackground(entries, settings);
  const store = createHistoryStore(background.send, { announceAfterMs: 20 });
  render(<HistorySection store={store} />);
  await store.load();
  return { store, background, status: () => screen.getByTestId('history-status').textContent };
}

const rows = () => screen.queryAllByTestId('history-row');

describe('History section', () => {
  it('lists the entries newest first: when, user, what, details, result with its sentence, from, tenant', async () => {
    await shown();
    await waitFor(() => expect(rows()).toHaveLength(3));
    const headers = screen.getAllByRole('columnheader').map((th) => th.textContent);
    expect(headers).toEqual(['When', 'User', 'What', 'Details', 'Result', 'From', 'Tenant']);
    const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent);
    expect(cells(rows()[0] as HTMLElement)).toEqual([
      formatDateTime('2026-12-02T11:30:00.000Z'),
      `${ADELE.displayName}${ADELE.userPrincipalName}`,
      'Revoked',
      '',
      'Done',
      'Panel',
      'contoso.onmicrosoft.com',
    ]);
    expect(cells(rows()[1] as HTMLElement).slice(2, 6)).toEqual([
      'Replaced',
      '2 hours, one-time',
      'FailedMicrosoft Graph is busy. Wait 30 seconds and try again.',
      'Window',
    ]);
    expect(rows()[0]?.querySelector('time')?.getAttribute('datetime')).toBe('2026-12-02T11:30:00.000Z');
    expect(screen.getByTestId('history-count').textContent).toBe('3 entries');
  });

  it('searching narrows the rows at once and says the count once, when typing pauses', async () => {
    const { status } = await shown();
    const search = await screen.findByLabelText('Search');
    search.focus();
    fireEvent.input(search, { target: { value: 'die' } });
    fireEvent.input(search, { target: { value: 'diego' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(screen.getByTestId('history-count').textContent).toBe('1 of 3 entries');
    expect(status()).toBe('');
    await waitFor(() => expect(status()).toBe('1 of 3 entries'));
    fireEvent.input(search, { target: { value: 'nobody at all' } });
    await screen.findByTestId('history-no-match');
    expect(document.activeElement).toBe(search);
  });

  it('the user filter lists each user once and narrows to one', async () => {
    await shown();
    const select = (await screen.findByLabelText('User')) as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'All users',
      `${ADELE.displayName} (${ADELE.userPrincipalName})`,
      `${DIEGO.displayName} (${DIEGO.userPrincipalName})`,
    ]);
    fireEvent.change(select, { target: { value: DIEGO.id } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]?.textContent).toContain('Replaced');
  });

  it('Export CSV downloads what matches (a BOM, the header, formula-safe cells) and says so once', async () => {
    const background = fakeBackground([entry({ user: { ...DIEGO, displayName: '=cmd|x' } }), entry()]);
    const store = createHistoryStore(background.send);
    await store.load();
    store.search('diego');
    const download = vi.fn();
    render(<ExportHistory store={store} download={download} now={() => new Date(2026, 11, 3)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    const [text, name, type] = download.mock.calls[0] as [string, string, string];
    expect(name).toBe('entra-tap-history-2026-12-03.csv');
    expect(type).toBe('text/csv;charset=utf-8');
    expect(text.startsWith('\uFEFFwhen,action,')).toBe(true);
    expect(text).toContain("'=cmd|x");
    expect(text).not.toContain('Adele');
    expect(store.announcement.value).toBe('Exported 1 entry to entra-tap-history-2026-12-03.csv.');
  });

  it('Clear history…: the confirmation starts on Cancel; Cancel and Escape go back to the button, nothing cleared', async () => {
    const { background } = await shown();
    const clear = await screen.findByRole('button', { name: 'Clear history…' });
    clear.focus();
    fireEvent.click(clear);
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    expect(document.activeElement).toBe(cancel);
    expect(screen.getByRole('group').textContent).toMatch(/Clear all 3 entries from this browser’s history\?/);
    fireEvent.click(cancel);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Clear history…' })));

    fireEvent.click(screen.getByRole('button', { name: 'Clear history…' }));
    fireEvent.keyDown(await screen.findByRole('button', { name: 'Cancel' }), { key: 'Escape' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Clear history…' })));
    expect(background.send).not.toHaveBeenCalledWith('clearHistory', {});
    expect(rows()).toHaveLength(3);
  });

  it('Clear empties it, says "History cleared (3 entries)" once and takes the keyboard to the heading', async () => {
    const { background, status } = await shown();
    fireEvent.click(await screen.findByRole('button', { name: 'Clear history…' }));
    const group = await screen.findByRole('group');
    fireEvent.click(within(group).getByRole('button', { name: 'Clear' }));
    await screen.findByTestId('history-empty');
    expect(background.send).toHaveBeenCalledWith('clearHistory', {});
    expect(status()).toBe('History cleared (3 entries)');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'History' })));
    expect(rows()).toHaveLength(0);
    expect(screen.queryByLabelText('Search')).toBeNull();
  });

  it('says why it is empty: nothing yet, or turned off', async () => {
    await shown([]);
    expect((await screen.findByTestId('history-empty')).textContent).toMatch(/^Nothing recorded yet\./);
    cleanup();
    await shown([], { ...DEFAULT_HISTORY_SETTINGS, enabled: false });
    expect((await screen.findByTestId('history-empty')).textContent).toMatch(/turned off/);
  });

  it('10 000 entries: 100 rows, Show more adds 100 and takes the keyboard to the first new one', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => entry({ user: i % 2 ? DIEGO : ADELE }));
    await shown(many);
    await waitFor(() => expect(rows()).toHaveLength(100));
    expect(screen.getByText('Showing 100 of 10,000.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(rows()).toHaveLength(200));
    await waitFor(() => expect(document.activeElement).toBe(rows()[100]?.querySelector('th')));
    fireEvent.input(screen.getByLabelText('Search'), { target: { value: 'diego' } });
    await waitFor(() => expect(screen.getByTestId('history-count').textContent).toBe('5,000 of 10,000 entries'));
    expect(rows()).toHaveLength(100);
  });

  it('a history that cannot be read says so and offers to try again', async () => {
    const send = vi.fn(async () => {
      throw new Error('no background');
    });
    const store = createHistoryStore(send as never);
    render(<HistorySection store={store} />);
    await store.load();
    await screen.findByText(/Something went wrong/);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(send).toHaveBeenCalledTimes(2);
  });
});
