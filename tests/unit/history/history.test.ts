import { describe, expect, it } from 'vitest';
import { csvCell, historyCsv } from '@/utils/history/csv';
import { createHistory } from '@/utils/history/history';
import { queryHistory } from '@/utils/history/query';
import { DEFAULT_HISTORY_SETTINGS, type HistoryEntry, type HistoryRecord, type HistorySettings } from '@/utils/history/types';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-02T12:00:00Z');
const adele = {
  id: '22222222-0000-4000-8000-000000000001',
  displayName: 'Adele Vance',
  userPrincipalName: 'AdeleV@contoso.onmicrosoft.com',
};
const diego = {
  id: '22222222-0000-4000-8000-000000000002',
  displayName: 'Diego Siciliani',
  userPrincipalName: 'DiegoS@contoso.onmicrosoft.com',
};
const tenant = { id: '6b1a4ee4-3c35-4e8a-9a3d-0d1e5b2f7a10', name: 'contoso.onmicrosoft.com' };
const issued = (user = adele): HistoryRecord => ({
  action: 'issue',
  user,
  tenant,
  options: { lifetimeInMinutes: 60, isUsableOnce: true },
  result: { status: 'done' },
  source: 'panel',
});

function history(settings: Partial<HistorySettings> = {}, now = () => NOW, current = () => settings) {
  let value: HistoryEntry[] = [];
  let ids = 0;
  const store = {
    getValue: async () => value,
    setValue: async (next: HistoryEntry[]) => {
      value = next;
    },
  };
  const service = createHistory({
    store,
    settings: async () => ({ ...DEFAULT_HISTORY_SETTINGS, ...current() }),
    now,
    newId: () => `e${++ids}`,
  });
  return { service, stored: () => value };
}

describe('local history', () => {
  it('appends newest first with when, and keeps only the allow-listed fields (never a pass, whatever it is handed)', async () => {
    const { service, stored } = history();
    const graphShaped = { ...issued(), temporaryAccessPass: 'it@5 3jAa', user: { ...adele, temporaryAccessPass: 'x' } };
    await service.record(graphShaped as unknown as HistoryRecord);
    await service.record({ ...issued(diego), action: 'revoke', options: undefined });
    expect(stored().map((entry) => [entry.id, entry.action, entry.user.displayName])).toEqual([
      ['e2', 'revoke', 'Diego Siciliani'],
      ['e1', 'issue', 'Adele Vance'],
    ]);
    expect(stored()[1]?.when).toBe('2026-12-02T12:00:00.000Z');
    expect(JSON.stringify(stored())).not.toMatch(/temporaryAccessPass|it@5|3jAa/);
  });

  it('keeps nothing while it is off', async () => {
    const { service, stored } = history({ enabled: false });
    expect(await service.record(issued())).toBeNull();
    expect(stored()).toEqual([]);
  });

  it('prunes by days and by count on every append, and clears', async () => {
    let now = NOW - 40 * DAY;
    const { service, stored } = history({ retentionDays: 30, maxEntries: 3 }, () => now);
    await service.record(issued());
    now = NOW;
    for (let i = 0; i < 4; i++) await service.record(issued(diego));
    expect(stored()).toHaveLength(3);
    expect(stored().every((entry) => entry.user.id === diego.id)).toBe(true);
    expect(await service.clear()).toBe(3);
    expect((await service.list()).entries).toEqual([]);
  });

  it('appends one at a time: concurrent records lose nothing', async () => {
    const { service, stored } = history();
    await Promise.all(Array.from({ length: 25 }, () => service.record(issued())));
    expect(stored()).toHaveLength(25);
    expect(new Set(stored().map((entry) => entry.id)).size).toBe(25);
  });

  it('finds by name, UPN or id, and exports CSV that a spreadsheet reads as text', async () => {
    const { service } = history();
    await service.record(issued());
    await service.record({ ...issued({ ...diego, displayName: '=HYPERLINK("http://evil.example","x")' }), source: 'bulk' });
    const { entries } = await service.list();
    expect(queryHistory(entries, { text: 'adelev@' }).map((e) => e.user.id)).toEqual([adele.id]);
    expect(queryHistory(entries, { text: diego.id }).map((e) => e.user.id)).toEqual([diego.id]);
    const csv = historyCsv(entries);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('plain, text')).toBe('"plain, text"');
    // Excel with ; as its list separator splits there (quotes or not): a formula after ; or a tab is kept text too.
    expect(csvCell("Bob;=cmd|' /C calc'!A0")).toBe(`"Bob;'=cmd|' /C calc'!A0"`);
    expect(csvCell('a\t+1')).toBe(`"a\t'+1"`);
    expect(csvCell('\uFF1D1+1')).toBe("'\uFF1D1+1");
    expect(csvCell('a;b')).toBe('"a;b"');
  });

  it('finds a result by its sentence', async () => {
    const { service } = history();
    await service.record(issued());
    await service.record({
      ...issued(diego),
      result: { status: 'failed', kind: 'throttled', message: 'Graph is busy. Wait 30 s.' },
    });
    const { entries } = await service.list();
    expect(queryHistory(entries, { text: 'graph is BUSY' }).map((e) => e.user.id)).toEqual([diego.id]);
  });

  it('prune deletes from storage what a stricter setting no longer keeps, and writes nothing when all stays', async () => {
    let now = NOW - 40 * DAY;
    let settings: Partial<HistorySettings> = {};
    const { service, stored } = history(
      {},
      () => now,
      () => settings,
    );
    await service.record(issued(diego));
    now = NOW;
    for (let i = 0; i < 12; i++) await service.record(issued());
    const before = stored();
    expect(await service.prune()).toBe(0);
    expect(stored()).toBe(before);
    settings = { retentionDays: 30 };
    expect(await service.prune()).toBe(1);
    expect(stored().some((entry) => entry.user.id === diego.id)).toBe(false);
    settings = { retentionDays: 30, maxEntries: 10 };
    expect(await service.prune()).toBe(2);
    expect(stored()).toHaveLength(10);
  });
});
