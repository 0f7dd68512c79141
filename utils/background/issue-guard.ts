import type { IssuedTap } from '../graph/types';
import { createSessionState, newest, type StateStore } from './session-state';

/** A user the background resolved through Graph in this browser session (getPanelState). */
export interface ResolvedUser {
  id: string;
  /** The pass Graph listed when the panel loaded: tells a new pass from the old one when reconciling. */
  passId: string | null;
  resolvedAt: number;
  /** How Graph named the user when the panel loaded: what the history records. */
  displayName?: string;
  userPrincipalName?: string;
  /** A B2B user as the panel read them (eligibility.ts externalKind): the sentence of Graph's refusal depends on it. */
  external?: 'guest' | 'member';
}

export type UserNames = Pick<ResolvedUser, 'displayName' | 'userPrincipalName' | 'external'>;

/** What the guard keeps across service-worker restarts (storage.session; no pass values). */
export interface GuardState {
  users: Record<string, ResolvedUser>;
  /** attemptId -> epoch ms it was consumed. */
  attempts: Record<string, number>;
}

export type GuardStore = StateStore<GuardState>;

/**
 * A bulk list resolves every user before any is issued, and each row spends an attempt id: the bounds hold a few hundred
 * rows with room for the panels' own, so a long list's first users aren't forgotten (and their row ids aren't fresh
 * again) before its last are issued. A user is a few hundred bytes here; storage.session holds 10 MB.
 */
const MAX_USERS = 1000;
const MAX_ATTEMPTS = 2000;

function record(s: GuardState, id: string, passId: string | null, names: UserNames | undefined, at: number): void {
  const key = id.toLowerCase();
  const known = Object.hasOwn(s.users, key) ? s.users[key] : undefined;
  const { displayName, userPrincipalName, external } = names ?? known ?? {};
  s.users[key] = {
    id: key,
    passId,
    resolvedAt: at,
    ...(displayName !== undefined && { displayName }),
    ...(userPrincipalName !== undefined && { userPrincipalName }),
    ...(external !== undefined && { external }),
  };
}

/**
 * Never issues twice: one in-flight issue per user (a repeated message joins it), every attemptId is used
 * at most once, and only users this session resolved through Graph can be targeted.
 */
export function createIssueGuard(store: GuardStore, now: () => number = Date.now) {
  // by: who issues. A panel's click joins another panel's issue of the same pass, never a list's: a pass the bulk page
  // issued is shown there only, not in a frame on the portal's page.
  const inFlight = new Map<string, { promise: Promise<IssuedTap>; by: 'panel' | 'bulk' }>();
  // A restarted worker still knows which users were resolved and which attempts were used.
  const { read: state, update } = createSessionState<GuardState>(
    store,
    () => ({ users: {}, attempts: {} }),
    (current) => {
      current.users = newest(current.users, MAX_USERS, (u) => u.resolvedAt);
      current.attempts = newest(current.attempts, MAX_ATTEMPTS, (t) => t);
    },
  );

  return {
    /** names: from a fresh load; absent (after an issue or revoke), the ones already known are kept. */
    recordResolved(id: string, passId: string | null, names?: UserNames): Promise<void> {
      return update((s) => record(s, id, passId, names, now()));
    },
    /** A bulk list's users in one write. */
    recordResolvedAll(users: { id: string; passId: string | null; names: UserNames }[]): Promise<void> {
      return update((s) => {
        for (const user of users) record(s, user.id, user.passId, user.names, now());
      });
    },
    async resolved(id: string): Promise<ResolvedUser | null> {
      const users = (await state()).users;
      return Object.hasOwn(users, id.toLowerCase()) ? (users[id.toLowerCase()] ?? null) : null;
    },
    /** A panel's issue already running for this user, to join; never a bulk row's. */
    joining(userId: string): Promise<IssuedTap> | undefined {
      const running = inFlight.get(userId.toLowerCase());
      return running?.by === 'panel' ? running.promise : undefined;
    },
    /** Who is issuing for this user right now, if anyone. */
    issuing(userId: string): 'panel' | 'bulk' | undefined {
      return inFlight.get(userId.toLowerCase())?.by;
    },
    /** Marks the attempt used; false when it already was. */
    async consumeAttempt(attemptId: string): Promise<boolean> {
      let fresh = false;
      await update((s) => {
        // Own keys only: `in` also sees Object.prototype, so an attempt id named "constructor" counted as used.
        fresh = !Object.hasOwn(s.attempts, attemptId);
        if (fresh) s.attempts[attemptId] = now();
      });
      return fresh;
    },
    track(userId: string, issue: Promise<IssuedTap>, by: 'panel' | 'bulk' = 'panel'): Promise<IssuedTap> {
      const key = userId.toLowerCase();
      const tracked = issue.finally(() => {
        if (inFlight.get(key)?.promise === tracked) inFlight.delete(key);
      });
      inFlight.set(key, { promise: tracked, by });
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
