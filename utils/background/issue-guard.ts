import type { IssuedTap } from '../graph/types';

/** A user the background resolved through Graph in this browser session (getPanelState). */
export interface ResolvedUser {
  id: string;
  /** The pass Graph listed when the panel loaded: tells a new pass from the old one when reconciling. */
  passId: string | null;
  resolvedAt: number;
}

/** What the guard keeps across service-worker restarts (storage.session; no pass values). */
export interface GuardState {
  users: Record<string, ResolvedUser>;
  /** attemptId -> epoch ms it was consumed. */
  attempts: Record<string, number>;
}

export interface GuardStore {
  getValue(): Promise<GuardState | null>;
  setValue(value: GuardState | null): Promise<void>;
}

const MAX_USERS = 200;
const MAX_ATTEMPTS = 200;

function newest<T>(record: Record<string, T>, limit: number, time: (v: T) => number): Record<string, T> {
  const entries = Object.entries(record);
  if (entries.length <= limit) return record;
  return Object.fromEntries(entries.sort((a, b) => time(b[1]) - time(a[1])).slice(0, limit));
}

/**
 * Never issues twice: one in-flight issue per user (a repeated message joins it), every attemptId is used
 * at most once, and only users this session resolved through Graph can be targeted.
 */
export function createIssueGuard(store: GuardStore, now: () => number = Date.now) {
  const inFlight = new Map<string, Promise<IssuedTap>>();
  let chain: Promise<unknown> = Promise.resolve();

  // storage.session read-modify-write, one at a time.
  function update(change: (state: GuardState) => void): Promise<void> {
    const next = chain.then(async () => {
      const state = (await store.getValue()) ?? { users: {}, attempts: {} };
      change(state);
      state.users = newest(state.users, MAX_USERS, (u) => u.resolvedAt);
      state.attempts = newest(state.attempts, MAX_ATTEMPTS, (t) => t);
      await store.setValue(state);
    });
    chain = next.catch(() => undefined);
    return next;
  }

  return {
    recordResolved(id: string, passId: string | null): Promise<void> {
      return update((s) => {
        s.users[id.toLowerCase()] = { id: id.toLowerCase(), passId, resolvedAt: now() };
      });
    },
    async resolved(id: string): Promise<ResolvedUser | null> {
      await chain;
      return (await store.getValue())?.users[id.toLowerCase()] ?? null;
    },
    /** The issue already running for this user, if any. */
    joining(userId: string): Promise<IssuedTap> | undefined {
      return inFlight.get(userId.toLowerCase());
    },
    /** Marks the attempt used; false when it already was. */
    async consumeAttempt(attemptId: string): Promise<boolean> {
      let fresh = false;
      await update((s) => {
        fresh = !(attemptId in s.attempts);
        if (fresh) s.attempts[attemptId] = now();
      });
      return fresh;
    },
    track(userId: string, issue: Promise<IssuedTap>): Promise<IssuedTap> {
      const key = userId.toLowerCase();
      const tracked = issue.finally(() => {
        if (inFlight.get(key) === tracked) inFlight.delete(key);
      });
      inFlight.set(key, tracked);
      return tracked;
    },
    clear(): Promise<void> {
      inFlight.clear();
      return update((s) => {
        s.users = {};
        s.attempts = {};
      });
    },
  };
}

export type IssueGuard = ReturnType<typeof createIssueGuard>;
