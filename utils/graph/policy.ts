import { i18n } from '#i18n';
import { POLICY_WRITE_SCOPES } from '../auth/scopes';
import type { ErrorInfo, IssueOptions, PolicyView } from '../messages';
import { type BatchRequest, itemResult, sendBatch } from './batch';
import type { GraphClient } from './client';
import { type ErrorContext, lifetimeOutOfRangeInfo, ONE_TIME_ONLY_INFO, toErrorInfo } from './error-info';
import { AppError, GraphError } from './errors';
import { isGuid } from './paths';
import { readUntil, type SettleOptions } from './settle';
import type { GroupRef, PolicyTarget, TapPolicy } from './types';

export const POLICY_URL = '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass';
export const POLICY_FRESH_MS = 5 * 60_000;
export const ALL_USERS = 'all_users';

/** Where the last PolicyView is kept (policyCacheItem in storage.session). */
export interface PolicyStore {
  getValue(): Promise<PolicyView | null>;
  setValue(value: PolicyView | null): Promise<void>;
}

const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

function toTargets(v: unknown): PolicyTarget[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter((t) => t && typeof t === 'object')
    .map((t: Record<string, unknown>) => ({
      targetType: String(t.targetType ?? 'group'),
      id: String(t.id ?? ''),
      ...(typeof t.isRegistrationRequired === 'boolean' && { isRegistrationRequired: t.isRegistrationRequired }),
    }));
}

/** Graph's temporaryAccessPassAuthenticationMethodConfiguration, with Entra's documented defaults for gaps. */
export function toTapPolicy(raw: Record<string, unknown>): TapPolicy {
  return {
    state: raw.state === 'enabled' ? 'enabled' : 'disabled',
    defaultLifetimeInMinutes: num(raw.defaultLifetimeInMinutes, 60),
    minimumLifetimeInMinutes: num(raw.minimumLifetimeInMinutes, 60),
    maximumLifetimeInMinutes: num(raw.maximumLifetimeInMinutes, 480),
    defaultLength: num(raw.defaultLength, 8),
    isUsableOnce: raw.isUsableOnce === true,
    includeTargets: toTargets(raw.includeTargets),
    excludeTargets: toTargets(raw.excludeTargets),
  };
}

/** Object ids of every group the policy names (not the all_users pseudo-id). */
export function targetGroupIds(policy: TapPolicy): string[] {
  const ids = [...policy.includeTargets, ...policy.excludeTargets]
    .filter((t) => t.targetType === 'group' && isGuid(t.id))
    .map((t) => t.id);
  return [...new Set(ids)];
}

export const groupUrl = (id: string) => `/groups/${id}?$select=id,displayName`;

export const isFresh = (view: PolicyView | null, now: number) => !!view && now - view.fetchedAt < POLICY_FRESH_MS;

/** The sentence shown instead of the policy when it can't be read. */
export function unreadablePolicy(err: unknown, ctx: ErrorContext): ErrorInfo {
  return toErrorInfo(err, { ...ctx, action: 'readPolicy' });
}

/** Resolves display names for the policy's groups in one batch (names already known are reused). */
export async function resolveGroupNames(client: GraphClient, ids: string[], known: GroupRef[] = []): Promise<GroupRef[]> {
  const names = new Map(known.filter((g) => g.displayName).map((g) => [g.id, g]));
  const missing = ids.filter((id) => !names.has(id)).slice(0, 20);
  if (missing.length > 0) {
    const items = await sendBatch(
      client,
      missing.map((id, i): BatchRequest => ({ id: String(i), method: 'GET', url: groupUrl(id) })),
    );
    missing.forEach((id, i) => {
      const result = itemResult<{ id?: string; displayName?: string }>(items.get(String(i)));
      names.set(id, { id, displayName: result.ok ? (result.value.displayName ?? null) : null });
    });
  }
  return ids.map((id) => names.get(id) ?? { id, displayName: null });
}

/** Reads the policy (and its groups' names) from Graph: one batch, a second only for groups not named before. */
export async function fetchPolicyView(client: GraphClient, previous: PolicyView | null, now = Date.now()): Promise<PolicyView> {
  const knownIds = previous?.policy ? targetGroupIds(previous.policy) : [];
  const requests: BatchRequest[] = [
    { id: 'policy', method: 'GET', url: POLICY_URL },
    ...knownIds.slice(0, 19).map((id, i): BatchRequest => ({ id: `g${i}`, method: 'GET', url: groupUrl(id) })),
  ];
  const items = await sendBatch(client, requests);
  const policyResult = itemResult<Record<string, unknown>>(items.get('policy'));
  if (!policyResult.ok) {
    const info = unreadablePolicy(policyResult.error, {
      permission: 'Policy.Read.AuthenticationMethod',
      grantedScopes: client.grantedScopes(),
    });
    // Only "you may not read it" becomes an unreadable view; throttling, outages and sign-in problems are errors.
    if (info.kind !== 'forbidden' && info.kind !== 'consentRequired') throw new AppError(info);
    return { policy: null, groups: [], unreadable: info, fetchedAt: now, fromCache: false };
  }
  const policy = toTapPolicy(policyResult.value);
  const named: GroupRef[] = knownIds.slice(0, 19).flatMap((id, i) => {
    const r = itemResult<{ displayName?: string }>(items.get(`g${i}`));
    return r.ok ? [{ id, displayName: r.value.displayName ?? null }] : [];
  });
  const groups = await resolveGroupNames(client, targetGroupIds(policy), named).catch(() =>
    targetGroupIds(policy).map((id) => named.find((g) => g.id === id) ?? { id, displayName: null }),
  );
  return { policy, groups, unreadable: null, fetchedAt: now, fromCache: false };
}

/**
 * Entra's answer when the admin clicks Cancel on the consent page (AADSTS65004). access_denied alone is not enough: it
 * also carries "Need admin approval" (AADSTS90094) and Conditional Access blocks (53003), which have their own sentences.
 */
const CONSENT_DECLINED = /AADSTS65004/i;

export const CONSENT_DECLINED_MESSAGE = i18n.t('graph.policy.consentDeclined');

function isConsentDeclined(err: unknown): boolean {
  if (!err || typeof err !== 'object' || err instanceof GraphError) return false;
  const e = err as { errorCode?: unknown; errorMessage?: unknown; message?: unknown };
  return [e.errorCode, e.errorMessage, e.message].some((text) => typeof text === 'string' && CONSENT_DECLINED.test(text));
}

/** After the write was accepted (204) but the reads still show the policy off. */
export const POLICY_STILL_APPLYING_MESSAGE = i18n.t('graph.policy.stillApplying');

/**
 * Turns the policy on (asking for Policy.ReadWrite.AuthenticationMethod only now), then reads it back until it shows
 * the change: one PATCH, never repeated, then a few bounded reads (replication). When the reads still show it off, the
 * view says so (pending) instead of claiming either state.
 */
export async function enablePolicy(
  client: GraphClient,
  previous: PolicyView | null,
  settle: SettleOptions & { now?: () => number } = {},
): Promise<PolicyView> {
  try {
    await client.request('PATCH', POLICY_URL, {
      body: { '@odata.type': '#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration', state: 'enabled' },
      scopes: POLICY_WRITE_SCOPES,
      interactive: true,
    });
  } catch (err) {
    // A declined consent is the admin's answer, not a sign-in failure: say what it means for the policy.
    if (isConsentDeclined(err)) throw new AppError({ kind: 'consentRequired', message: CONSENT_DECLINED_MESSAGE });
    throw err;
  }
  const now = settle.now ?? Date.now;
  let known = previous;
  const outcome = await readUntil(
    async () => {
      const view = await fetchPolicyView(client, known, now());
      known = view;
      return view;
    },
    (view) => view.policy?.state === 'enabled' || (!view.policy && !!view.unreadable),
    settle,
  );
  if (outcome.seen && outcome.last) return outcome.last;
  if (!outcome.last) throw outcome.error; // no read succeeded: that failure is the answer (the PATCH is done)
  return { ...outcome.last, pending: { state: 'enabled', message: POLICY_STILL_APPLYING_MESSAGE } };
}

const MIN_LIFETIME = 10;
const MAX_LIFETIME = 43_200;

/** Checks the admin's options against the policy before the POST, so Graph's refusal is rarely needed. */
export function validateIssueOptions(options: IssueOptions, policy: TapPolicy | null, now = Date.now()): void {
  const { lifetimeInMinutes, isUsableOnce, startDateTime } = options;
  if (lifetimeInMinutes !== undefined) {
    const min = policy?.minimumLifetimeInMinutes ?? MIN_LIFETIME;
    const max = policy?.maximumLifetimeInMinutes ?? MAX_LIFETIME;
    if (!Number.isInteger(lifetimeInMinutes) || lifetimeInMinutes < min || lifetimeInMinutes > max) {
      throw new AppError(lifetimeOutOfRangeInfo(min, max));
    }
  }
  if (policy?.isUsableOnce && isUsableOnce === false) {
    throw new AppError({ ...ONE_TIME_ONLY_INFO });
  }
  if (startDateTime !== undefined) {
    const at = Date.parse(startDateTime);
    if (Number.isNaN(at)) throw new AppError({ kind: 'invalidInput', message: i18n.t('graph.policy.startInvalid') });
    if (at < now - 5 * 60_000) throw new AppError({ kind: 'invalidInput', message: i18n.t('graph.policy.startPast') });
  }
}
