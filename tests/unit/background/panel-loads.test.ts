import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPanelLoads, type PanelLoadsOptions } from '@/utils/background/panel-loads';
import type { PanelState } from '@/utils/messages';
import { panelState } from '../components/fixtures';

function setup(options: Partial<Omit<PanelLoadsOptions, 'load'>> = {}) {
  const loads: string[] = [];
  const pending: ((state: PanelState) => void)[] = [];
  const panelLoads = createPanelLoads({
    load: (userRef) => {
      loads.push(userRef);
      return new Promise<PanelState>((resolve) => pending.push(resolve));
    },
    ...options,
  });
  const finish = (id = '22222222-0000-4000-8000-000000000001') => {
    const state = panelState();
    pending.shift()?.({ ...state, user: { ...state.user, id } });
  };
  return { panelLoads, loads, finish };
}

describe('panel loads', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a prefetch and the panel that asks next share one load', async () => {
    const { panelLoads, loads, finish } = setup();
    panelLoads.prefetch('22222222-0000-4000-8000-000000000001', 1);
    const asked = panelLoads.get('22222222-0000-4000-8000-000000000001', { tabId: 1 });
    await vi.advanceTimersByTimeAsync(0);
    finish();
    await asked;
    expect(loads).toHaveLength(1);
  });

  it('reuses a finished view for 10 s, then loads again; `fresh` and invalidate always read anew', async () => {
    const { panelLoads, loads, finish } = setup();
    const user = 'AdeleV@contoso.onmicrosoft.com';
    const first = panelLoads.get(user);
    finish();
    await first;
    await panelLoads.get(user.toUpperCase());
    expect(loads).toHaveLength(1);
    vi.advanceTimersByTime(10_001);
    const later = panelLoads.get(user);
    finish();
    await later;
    expect(loads).toHaveLength(2);
    const fresh = panelLoads.get(user, { fresh: true });
    finish();
    await fresh;
    expect(loads).toHaveLength(3);
    // invalidate by the object id Graph resolved the UPN to
    panelLoads.invalidate('22222222-0000-4000-8000-000000000001');
    const afterIssue = panelLoads.get(user);
    finish();
    await afterIssue;
    expect(loads).toHaveLength(4);
  });

  it('never shares a failure after it happened', async () => {
    let fail = true;
    const panelLoads = createPanelLoads({
      load: async () => {
        if (fail) throw new Error('503');
        return panelState();
      },
    });
    await expect(panelLoads.get('x@contoso.com')).rejects.toThrow('503');
    fail = false;
    await expect(panelLoads.get('x@contoso.com')).resolves.toBeTruthy();
  });

  it('limits a tab to a small burst of new loads; past it, only the newest request loads, once the tab is quiet', async () => {
    const { panelLoads, loads, finish } = setup({ tabBurst: 3, tabRefillMs: 3_000 });
    const ids = Array.from({ length: 60 }, (_, i) => `22222222-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const results = ids.map((id) =>
      panelLoads.get(id, { tabId: 1 }).then(
        () => 'ok',
        (error: Error) => error.message,
      ),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(loads).toEqual(ids.slice(0, 3));
    for (let i = 0; i < 3; i++) finish(ids[i]);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(loads).toEqual([...ids.slice(0, 3), ids[59]]); // only the newest of the 57 that waited
    finish(ids[59]);
    const outcomes = await Promise.all(results);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(loads).toHaveLength(4); // nothing more came of the churn
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(4);
    expect(outcomes.filter((o) => /moved to another user/.test(o))).toHaveLength(56);
    // The background's own windows (no tab) are not limited.
    const windowLoad = panelLoads.get('w@contoso.com');
    expect(loads.at(-1)).toBe('w@contoso.com');
    finish();
    await windowLoad;
  });

  it('by default a churning tab costs its burst of two and its last user: three loads', async () => {
    const { panelLoads, loads, finish } = setup();
    const ids = Array.from({ length: 60 }, (_, i) => `22222222-0000-4000-8000-${String(i).padStart(12, '0')}`);
    for (const id of ids) {
      panelLoads.prefetch(id, 1);
      await vi.advanceTimersByTimeAsync(20); // 1.2 s of churn, never quiet
    }
    expect(loads).toEqual(ids.slice(0, 2));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(loads).toEqual([...ids.slice(0, 2), ids[59]]);
    for (let i = 0; i < 3; i++) finish();
  });

  it('an admin going user by user at a human pace is never held back', async () => {
    const { panelLoads, loads, finish } = setup();
    for (let i = 0; i < 10; i++) {
      panelLoads.prefetch(`22222222-0000-4000-8000-${String(i).padStart(12, '0')}`, 1);
      await vi.advanceTimersByTimeAsync(0);
      expect(loads).toHaveLength(i + 1);
      finish();
      await vi.advanceTimersByTimeAsync(2_000);
    }
  });

  it('all portal tabs together are limited too: a page that opens tab after tab gets no fresh allowance from each', async () => {
    const { panelLoads, loads } = setup({ globalBurst: 6, globalRefillMs: 1_000 });
    for (let tab = 1; tab <= 20; tab++) panelLoads.prefetch(`22222222-0000-4000-8000-${String(tab).padStart(12, '0')}`, tab);
    await vi.advanceTimersByTimeAsync(0);
    expect(loads).toHaveLength(6);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(loads.length).toBeLessThanOrEqual(6 + 5 + 1);
  });
});
