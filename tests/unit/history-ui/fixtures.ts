import { vi } from 'vitest';
import type { HistoryEntry } from '@/utils/history/types';
import { DEFAULT_HISTORY_SETTINGS, type HistorySettings } from '@/utils/history/types';
import type { Send } from '@/utils/ui/panel-store';

export const ADELE = {
  id: '22222222-0000-4000-8000-000000000001',
  displayName: 'Adele Vance',
  userPrincipalName: 'AdeleV@contoso.onmicrosoft.com',
};
export const DIEGO = {
  id: '22222222-0000-4000-8000-000000000002',
  displayName: 'Diego Siciliani',
  userPrincipalName: 'DiegoS@contoso.onmicrosoft.com',
};
export const TENANT = { id: '6b1a4ee4-3c35-4e8a-9a3d-0d1e5b2f7a10', name: 'contoso.onmicrosoft.com' };

let ids = 0;
export function entry(patch: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id: `e${++ids}`,
    when: '2026-12-02T11:00:00.000Z',
    action: 'issue',
    user: ADELE,
    tenant: TENANT,
    options: {},
    result: { status: 'done' },
    source: 'panel',
    ...patch,
  };
}

/** Adele issued, Diego replaced and failed, Adele revoked: newest first, as the background answers. */
export function threeEntries(): HistoryEntry[] {
  return [
    entry({ action: 'revoke', options: undefined, when: '2026-12-02T11:30:00.000Z' }),
    entry({
      action: 'replace',
      user: DIEGO,
      options: { lifetimeInMinutes: 120, isUsableOnce: true },
      result: { status: 'failed', kind: 'throttled', message: 'Microsoft Graph is busy. Wait 30 seconds and try again.' },
      source: 'window',
      when: '2026-12-02T11:20:00.000Z',
    }),
    entry({ when: '2026-12-02T11:10:00.000Z' }),
  ];
}

/** A fake background: getHistory answers what `entries` holds now, clearHistory empties it. */
export function fakeBackground(initial: HistoryEntry[], settings: HistorySettings = DEFAULT_HISTORY_SETTINGS) {
  let entries = initial;
  const send = vi.fn(async (type: string) => {
    if (type === 'getHistory') return { entries, settings };
    if (type === 'clearHistory') {
      const cleared = entries.length;
      entries = [];
      return { cleared };
    }
    throw new Error(`unexpected ${type}`);
  });
  return { send: send as unknown as Send & typeof send, entries: () => entries };
}
