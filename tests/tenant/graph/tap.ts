/**
 * Temporary Access Pass methods of a user. graph-docs: authentication-post-temporaryaccesspassmethods.md,
 * authentication-list-temporaryaccesspassmethods.md, temporaryaccesspassauthenticationmethod-get.md, -delete.md.
 */
import { randomUUID } from 'node:crypto';
import type { DirectoryUser, TapRecord } from '../state';
import { graphError, MESSAGES } from './errors';
import { graphV1, ok } from './odata';
import { canManageMethodsOf, canReadMethodsOf, denied, requireScopes, SCOPES } from './permissions';
import { passWillChange, visiblePass } from './replication';
import { generatePassValue, isExternalUser, isUserInPolicyScope, usability } from './tap-rules';
import type { GraphCall, GraphResult } from './types';

export const TAP_TYPE = '#microsoft.graph.temporaryAccessPassAuthenticationMethod';
/** [U] Code for an unknown pass id; the docs do not show one. */
export const TAP_NOT_FOUND_CODE = 'itemNotFound';
/** [U] A clock-skew allowance before a startDateTime counts as "in the past". */
export const START_IN_PAST_TOLERANCE_MS = 5 * 60_000;
/**
 * [U] The docs set no rule for disabled accounts: neither the v1.0 create page nor the TAP how-to (2025-03) mentions
 * accountEnabled, and methodUsabilityReason has no value for it. So a pass can be created for one (it reads
 * EnabledByPolicy); the user just cannot sign in until the account is enabled (sign-in is blocked for the account).
 */
export const ALLOW_PASS_FOR_DISABLED_ACCOUNT = true;

export function tapEntity(call: GraphCall, record: TapRecord, value: string | null, withType: boolean): Record<string, unknown> {
  return {
    ...(withType ? { '@odata.type': TAP_TYPE } : {}),
    id: record.id,
    temporaryAccessPass: value,
    createdDateTime: record.createdDateTime,
    startDateTime: record.startDateTime,
    lifetimeInMinutes: record.lifetimeInMinutes,
    isUsableOnce: record.isUsableOnce,
    ...usability(call.runtime.state, record),
  };
}

function collectionContext(call: GraphCall, user: DirectoryUser): string {
  return `${graphV1(call)}/$metadata#users('${user.id}')/authentication/temporaryAccessPassMethods`;
}

function checkRead(call: GraphCall, user: DirectoryUser, viaMe: boolean): GraphResult | null {
  const self = viaMe || user.id === call.caller.user.id;
  const scopeDenied = requireScopes(call.caller, self ? SCOPES.tapReadSelf : SCOPES.tapReadOthers, call.meta, 'authMethods');
  if (scopeDenied) return scopeDenied;
  if (!self && !canReadMethodsOf(call.runtime.state, call.caller.user, user)) return denied(call.meta, 'authMethods');
  return null;
}

export function listPasses(call: GraphCall, user: DirectoryUser, viaMe: boolean): GraphResult {
  const refused = checkRead(call, user, viaMe);
  if (refused) return refused;
  const record = visiblePass(call.runtime.state, user.id);
  return ok({ '@odata.context': collectionContext(call, user), value: record ? [tapEntity(call, record, null, false)] : [] });
}

export function getPass(call: GraphCall, user: DirectoryUser, methodId: string, viaMe: boolean): GraphResult {
  const refused = checkRead(call, user, viaMe);
  if (refused) return refused;
  const record = visiblePass(call.runtime.state, user.id);
  if (!record || record.id !== methodId.toLowerCase())
    return graphError(call.meta, 404, TAP_NOT_FOUND_CODE, MESSAGES.tapNotFound);
  return ok({ '@odata.context': `${collectionContext(call, user)}/$entity`, ...tapEntity(call, record, null, true) });
}

export function deletePass(call: GraphCall, user: DirectoryUser, methodId: string, viaMe: boolean): GraphResult {
  const self = viaMe || user.id === call.caller.user.id;
  if (viaMe) {
    const scopeDenied = requireScopes(call.caller, SCOPES.tapWriteSelf, call.meta, 'authMethods');
    if (scopeDenied) return scopeDenied;
  } else {
    const scopeDenied = requireScopes(call.caller, SCOPES.tapWriteOthers, call.meta, 'authMethods');
    if (scopeDenied) return scopeDenied;
    if (self || !canManageMethodsOf(call.runtime.state, call.caller.user, user)) return denied(call.meta, 'authMethods');
  }
  const record = call.runtime.state.passes[user.id];
  if (!record || record.id !== methodId.toLowerCase())
    return graphError(call.meta, 404, TAP_NOT_FOUND_CODE, MESSAGES.tapNotFound);
  passWillChange(call.runtime.state, user.id);
  delete call.runtime.state.passes[user.id];
  return { status: 204 };
}

interface CreateBody {
  startDateTime?: unknown;
  lifetimeInMinutes?: unknown;
  isUsableOnce?: unknown;
}

/**
 * Checks in the order of graph-tap-detail.md §8: scope, role, target, external user, policy state, lifetime, one-time.
 * The policy's targets decide only whether the pass can be used, not whether it can be created (see below).
 */
export function createPass(call: GraphCall, user: DirectoryUser): GraphResult {
  const { state } = call.runtime;
  const { meta } = call;
  const scopeDenied = requireScopes(call.caller, SCOPES.tapWriteOthers, meta, 'authMethods');
  if (scopeDenied) return scopeDenied;
  if (!canManageMethodsOf(state, call.caller.user, user)) return denied(meta, 'authMethods');
  const bad = (message: string, innerMessage = false) => graphError(meta, 400, 'badRequest', message, { innerMessage });
  // entra-docs howto-authentication-temporary-access-pass.md, Guest access: "You can add a TAP as a sign-in method to an
  // internal guest, but not other types of guests"; external guests get this message. External members: see isExternalUser.
  if (isExternalUser(state, user)) return bad(MESSAGES.externalGuest);
  if (!user.accountEnabled && !ALLOW_PASS_FOR_DISABLED_ACCOUNT) return bad(MESSAGES.convergedPolicy);
  const policy = state.policy;
  // entra-docs how-to: "After you enable a TAP policy, you can create a TAP"; the refusal's text is azure-docs #111778's.
  if (policy.state !== 'enabled') return bad(MESSAGES.convergedPolicy);
  // entra-docs how-to, "Enable the Temporary Access Pass policy": "Although you can create a TAP for any user, only users
  // included in the policy can sign-in with it." So the pass is created and reads isUsable false, DisabledByPolicy
  // (usability() below). settings.refuseOutOfPolicyPass: the refusal observed in 2023 (azure-docs issue #111778).
  if (state.settings.refuseOutOfPolicyPass && !isUserInPolicyScope(state, policy, user)) return bad(MESSAGES.convergedPolicy);

  const body = (call.body ?? {}) as CreateBody;
  const now = Date.now();
  let start = now;
  if (body.startDateTime !== undefined && body.startDateTime !== null) {
    const parsed = typeof body.startDateTime === 'string' ? Date.parse(body.startDateTime) : Number.NaN;
    if (Number.isNaN(parsed)) return bad(MESSAGES.invalidStartDateTime);
    if (parsed < now - START_IN_PAST_TOLERANCE_MS) return bad(MESSAGES.startDateTimeInPast);
    start = parsed;
  }
  const lifetime = body.lifetimeInMinutes ?? policy.defaultLifetimeInMinutes;
  if (
    typeof lifetime !== 'number' ||
    !Number.isInteger(lifetime) ||
    lifetime < policy.minimumLifetimeInMinutes ||
    lifetime > policy.maximumLifetimeInMinutes
  ) {
    return bad(MESSAGES.invalidLifetime(policy.minimumLifetimeInMinutes, policy.maximumLifetimeInMinutes), true);
  }
  if (body.isUsableOnce !== undefined && typeof body.isUsableOnce !== 'boolean')
    return bad("Invalid value for property 'isUsableOnce'.");
  if (policy.isUsableOnce && body.isUsableOnce === false) return bad(MESSAGES.multiUseForbidden, true);
  const isUsableOnce = typeof body.isUsableOnce === 'boolean' ? body.isUsableOnce : policy.isUsableOnce;

  // One pass per user: a new POST deletes the current pass and creates a new one (v1.0 create page).
  const record: TapRecord = {
    id: randomUUID(),
    userId: user.id,
    createdDateTime: new Date(now).toISOString(),
    startDateTime: new Date(start).toISOString(),
    lifetimeInMinutes: lifetime,
    isUsableOnce,
    used: false,
  };
  passWillChange(state, user.id);
  state.passes[user.id] = record;
  const value = generatePassValue(policy.defaultLength);
  return ok({ '@odata.context': `${collectionContext(call, user)}/$entity`, ...tapEntity(call, record, value, true) }, 201);
}
