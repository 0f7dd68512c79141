import { i18n } from '#i18n';
import { AppError } from '../graph/errors';
import type { PanelState } from '../messages';

export interface PanelLoadsOptions {
  /** The first view of one user (one $batch), for the signed-in admin. */
  load(userRef: string): Promise<PanelState>;
  now?: () => number;
  /** A finished view is shared this long: a page that builds many frames for one user costs one request. */
  reuseMs?: number;
  /** Loads a portal tab may start at once, and how often it earns another. */
  tabBurst?: number;
  tabRefillMs?: number;
  /** Past its burst, a tab's newest request waits until the tab has been this quiet (no newer request). */
  tabQuietMs?: number;
  /** All portal tabs together: a page that opens many tabs gets no more than this burst and rate. */
  globalBurst?: number;
  globalRefillMs?: number;
}

interface Entry {
  promise: Promise<PanelState>;
  settledAt: number | null;
  userId: string | null;
}

interface Bucket {
  tokens: number;
  refilledAt: number;
}

interface TabBudget extends Bucket {
  lastRequestAt: number;
  waiter: { resolve(): void; reject(error: unknown): void; timer?: ReturnType<typeof setTimeout> } | null;
}

const superseded = () =>
  new AppError({
    kind: 'unknown',
    message: i18n.t('background.panel.movedOn'),
  });

/**
 * The panel's first views, coalesced: one load per user in flight, its result reused for a few seconds, and a portal
 * tab limited to a small burst of new loads (latest wins while it waits), so a page that churns through users or frames
 * can't turn into a stream of Graph requests. The background's own windows are not limited.
 */
export function createPanelLoads(options: PanelLoadsOptions) {
  const now = options.now ?? Date.now;
  const reuseMs = options.reuseMs ?? 10_000;
  const burst = options.tabBurst ?? 2;
  const refillMs = options.tabRefillMs ?? 2_000;
  const quietMs = options.tabQuietMs ?? 400;
  const globalBucket: Bucket = { tokens: options.globalBurst ?? 6, refilledAt: now() };
  const globalBurst = options.globalBurst ?? 6;
  const globalRefillMs = options.globalRefillMs ?? 1_000;
  const entries = new Map<string, Entry>();
  const tabs = new Map<number, TabBudget>();

  function refill(bucket: Bucket, capacity: number, everyMs: number): void {
    if (bucket.tokens >= capacity) bucket.refilledAt = now(); // a full bucket earns nothing more
    const earned = Math.floor((now() - bucket.refilledAt) / everyMs);
    if (earned > 0) {
      bucket.tokens = Math.min(capacity, bucket.tokens + earned);
      bucket.refilledAt += earned * everyMs;
    }
  }

  function budget(tabId: number): TabBudget {
    let tab = tabs.get(tabId);
    if (!tab) {
      tab = { tokens: burst, refilledAt: now(), lastRequestAt: 0, waiter: null };
      tabs.set(tabId, tab);
    }
    refill(tab, burst, refillMs);
    refill(globalBucket, globalBurst, globalRefillMs);
    return tab;
  }

  /** Time until both the tab and all tabs together have a load to spend. */
  const untilTokens = (tab: TabBudget) =>
    Math.max(
      tab.tokens > 0 ? 0 : tab.refilledAt + refillMs - now(),
      globalBucket.tokens > 0 ? 0 : globalBucket.refilledAt + globalRefillMs - now(),
      0,
    );
  const spend = (tab: TabBudget) => {
    tab.tokens -= 1;
    globalBucket.tokens -= 1;
  };

  /**
   * Resolves when the tab may start a load. Within its burst at once; past it, only the tab's newest request waits,
   * until the tab has been quiet and has earned a load: a page churning through users gets its burst and its last.
   */
  function admit(tabId: number): Promise<void> {
    const tab = budget(tabId);
    tab.lastRequestAt = now();
    if (!tab.waiter && untilTokens(tab) === 0) {
      spend(tab);
      return Promise.resolve();
    }
    if (tab.waiter) {
      clearTimeout(tab.waiter.timer);
      tab.waiter.reject(superseded());
      tab.waiter = null;
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: NonNullable<TabBudget['waiter']> = { resolve, reject };
      const attempt = () => {
        const current = budget(tabId);
        const quietFor = now() - current.lastRequestAt;
        if (untilTokens(current) === 0 && quietFor >= quietMs) {
          spend(current);
          current.waiter = null;
          resolve();
          return;
        }
        waiter.timer = setTimeout(attempt, Math.max(quietMs - quietFor, untilTokens(current), 1));
      };
      tab.waiter = waiter;
      attempt();
    });
  }

  const keyOf = (userRef: string) => userRef.toLowerCase();

  function usable(entry: Entry | undefined): entry is Entry {
    return !!entry && (entry.settledAt === null || now() - entry.settledAt <= reuseMs);
  }

  function start(userRef: string, tabId: number | undefined): Promise<PanelState> {
    const key = keyOf(userRef);
    const run = async () => {
      if (tabId !== undefined) await admit(tabId);
      return options.load(userRef);
    };
    const entry: Entry = { promise: run(), settledAt: null, userId: null };
    entries.set(key, entry);
    entry.promise.then(
      (state) => {
        entry.settledAt = now();
        entry.userId = state.user.id.toLowerCase();
      },
      () => {
        if (entries.get(key) === entry) entries.delete(key); // a failure is never shared after the fact
      },
    );
    return entry.promise;
  }

  return {
    /** The user's view: joins a load in flight or a recent one, unless `fresh` (after an action) asks for a new one. */
    get(userRef: string, { tabId, fresh = false }: { tabId?: number; fresh?: boolean } = {}): Promise<PanelState> {
      const entry = entries.get(keyOf(userRef));
      if (!fresh && usable(entry)) return entry.promise;
      return start(userRef, tabId);
    },
    /** Starts the view as the frame is being mounted, so the panel's own request finds it under way. */
    prefetch(userRef: string, tabId: number): void {
      if (usable(entries.get(keyOf(userRef)))) return;
      start(userRef, tabId).catch(() => undefined);
    },
    /** The user's pass changed: the next view reads Graph again. */
    invalidate(userId: string): void {
      const id = userId.toLowerCase();
      for (const [key, entry] of entries) {
        if (entry.userId === id || key === id) entries.delete(key);
      }
    },
    /** Sign-in, sign-out or another app registration: nothing read for the previous admin is shown to the next. */
    clear(): void {
      entries.clear();
    },
    /** A closed tab's own allowance goes with it; what it spent of all tabs' allowance does not come back. */
    forgetTab(tabId: number): void {
      const tab = tabs.get(tabId);
      if (tab?.waiter) {
        clearTimeout(tab.waiter.timer);
        tab.waiter.reject(superseded());
      }
      tabs.delete(tabId);
    },
  };
}

export type PanelLoads = ReturnType<typeof createPanelLoads>;
