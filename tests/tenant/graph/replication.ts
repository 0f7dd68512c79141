/**
 * Replication lag: for `settings.replicationLagMs` after a write, reads answer from a replica that still holds the state
 * from before it. entra-docs howto-authentication-temporary-access-pass.md, Limitations: "It can take a few minutes for
 * changes to replicate." [U] that Graph's own reads lag (the docs speak of the sign-in prompt), how long, and that a
 * replica is consistent per object; the switch exists so clients prove they never take a stale read for the truth.
 *
 * Writes go to the primary at once: what Graph enforces (the POST's policy checks) is always the live state.
 */
import type { TapPolicy, TapRecord, TenantState } from '../state';

interface Stale<T> {
  /** What a replica shows until `until`: the state before the first write it hasn't caught up with. */
  before: T;
  until: number;
}

interface Replica {
  policy: Stale<TapPolicy> | null;
  passes: Map<string, Stale<TapRecord | null>>;
}

// Keyed by the state object: a reset builds a new state, so it starts with nothing pending.
const replicas = new WeakMap<TenantState, Replica>();

function replicaOf(state: TenantState): Replica {
  let replica = replicas.get(state);
  if (!replica) {
    replica = { policy: null, passes: new Map() };
    replicas.set(state, replica);
  }
  return replica;
}

function lagOf(state: TenantState): number {
  return Math.max(0, state.settings.replicationLagMs ?? 0);
}

/** Call before a PATCH or DELETE of the TAP policy changes `state.policy`. */
export function policyWillChange(state: TenantState, now = Date.now()): void {
  const lag = lagOf(state);
  if (lag === 0) return;
  const replica = replicaOf(state);
  const pending = replica.policy && replica.policy.until > now ? replica.policy : null;
  // A second write before the first replicated: the replica still shows the oldest state, for longer.
  replica.policy = { before: pending?.before ?? structuredClone(state.policy), until: now + lag };
}

/** Call before a POST or DELETE changes `state.passes[userId]`. */
export function passWillChange(state: TenantState, userId: string, now = Date.now()): void {
  const lag = lagOf(state);
  if (lag === 0) return;
  const replica = replicaOf(state);
  const pending = replica.passes.get(userId);
  const live = pending && pending.until > now ? pending : null;
  const current = state.passes[userId];
  replica.passes.set(userId, { before: live ? live.before : current ? { ...current } : null, until: now + lag });
}

/** The policy as a read sees it. */
export function visiblePolicy(state: TenantState, now = Date.now()): TapPolicy {
  const stale = replicas.get(state)?.policy;
  return stale && stale.until > now ? stale.before : state.policy;
}

/** The user's pass as a read sees it (the live record keeps its own `used` flag when it is the same pass). */
export function visiblePass(state: TenantState, userId: string, now = Date.now()): TapRecord | undefined {
  const stale = replicas.get(state)?.passes.get(userId);
  if (!stale || stale.until <= now) return state.passes[userId];
  const live = state.passes[userId];
  if (stale.before && live && live.id === stale.before.id) return live;
  return stale.before ?? undefined;
}

/** Everything pending replicates now (the control's way to end a lag early). */
export function replicateNow(state: TenantState): void {
  replicas.delete(state);
}
