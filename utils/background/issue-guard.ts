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
  // The state lives in memory (the issue path must not wait on storage) and is written behind to storage.session
  // so a restarted worker still knows which users were resolved and which attempts were used.
  let loaded: Promise<GuardState> | undefined;
  let persisting: Promise<unknown> = Promise.resolve();
  const state = () => {
    loaded ??= store.getValue().then((saved) => saved ?? { users: {}, attempts: {} });
    return loaded;
  };

  async function update(change: (state: GuardState) => void): Promise<void> {
    const current = await state();
    change(current);
    current.users = newest(current.users, MAX_USERS, (u) => u.resolvedAt);
    current.attempts = newest(current.attempts, MAX_ATTEMPTS, (t) => t);
    const snapshot = structuredClone(current);
    persisting = persisting.then(() => store.setValue(snapshot)).catch(() => undefined);
  }

  return {
    recordResolved(id: string, passId: string | null): Promise<void> {
      return update((s) => {
        s.users[id.toLowerCase()] = { id: id.toLowerCase(), passId, resolvedAt: now() };
      });
    },
    async resolved(id: string): Promise<ResolvedUser | null> {
      return (await state()).users[id.toLowerCase()] ?? null;
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
