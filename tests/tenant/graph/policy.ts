/**
 * The TAP policy and the authentication methods policy. graph-docs: temporaryaccesspassauthenticationmethodconfiguration-get.md,
 * -update.md (PATCH needs @odata.type, answers 204), resource page (DELETE reverts to the default), authenticationmethodspolicy-get.md.
 */
import type { TapPolicy } from '../state';
import { graphError } from './errors';
import { graphV1, ok } from './odata';
import { denied, hasAnyRole, POLICY_READ_ROLES, POLICY_WRITE_ROLES, requireScopes, SCOPES } from './permissions';
import { policyWillChange, visiblePolicy } from './replication';
import type { GraphCall, GraphResult } from './types';

export const TAP_POLICY_TYPE = '#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration';

/** [U] What DELETE reverts to: the Entra defaults table with the method off, as in a new tenant. */
export function defaultTapPolicy(): TapPolicy {
  return {
    state: 'disabled',
    defaultLifetimeInMinutes: 60,
    minimumLifetimeInMinutes: 60,
    maximumLifetimeInMinutes: 480,
    defaultLength: 8,
    isUsableOnce: false,
    includeTargets: [{ targetType: 'group', id: 'all_users', isRegistrationRequired: false }],
    excludeTargets: [],
  };
}

export function tapPolicyEntity(call: GraphCall, policy: TapPolicy): Record<string, unknown> {
  return {
    '@odata.type': TAP_POLICY_TYPE,
    id: 'TemporaryAccessPass',
    state: policy.state,
    defaultLifetimeInMinutes: policy.defaultLifetimeInMinutes,
    defaultLength: policy.defaultLength,
    minimumLifetimeInMinutes: policy.minimumLifetimeInMinutes,
    maximumLifetimeInMinutes: policy.maximumLifetimeInMinutes,
    isUsableOnce: policy.isUsableOnce,
    excludeTargets: policy.excludeTargets.map((target) => ({ ...target })),
    'includeTargets@odata.context': `${graphV1(call)}/$metadata#policies/authenticationMethodsPolicy/authenticationMethodConfigurations('TemporaryAccessPass')/microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration/includeTargets`,
    includeTargets: policy.includeTargets.map((target) => ({ isRegistrationRequired: false, ...target })),
  };
}

function checkRead(call: GraphCall): GraphResult | null {
  const scopeDenied = requireScopes(call.caller, SCOPES.policyRead, call.meta, 'authMethods');
  if (scopeDenied) return scopeDenied;
  return hasAnyRole(call.runtime.state, call.caller.user, POLICY_READ_ROLES) ? null : denied(call.meta, 'authMethods');
}

function checkWrite(call: GraphCall): GraphResult | null {
  const scopeDenied = requireScopes(call.caller, SCOPES.policyWrite, call.meta, 'authMethods');
  if (scopeDenied) return scopeDenied;
  return hasAnyRole(call.runtime.state, call.caller.user, POLICY_WRITE_ROLES) ? null : denied(call.meta, 'authMethods');
}

export function getTapPolicy(call: GraphCall): GraphResult {
  return (
    checkRead(call) ??
    ok({
      '@odata.context': `${graphV1(call)}/$metadata#authenticationMethodConfigurations/$entity`,
      ...tapPolicyEntity(call, visiblePolicy(call.runtime.state)),
    })
  );
}

const INT_FIELDS = ['defaultLifetimeInMinutes', 'minimumLifetimeInMinutes', 'maximumLifetimeInMinutes', 'defaultLength'] as const;

export function patchTapPolicy(call: GraphCall): GraphResult {
  const refused = checkWrite(call);
  if (refused) return refused;
  const body = (call.body ?? {}) as Record<string, unknown>;
  const bad = (message: string) => graphError(call.meta, 400, 'badRequest', message);
  // [U] exact text; the requirement itself is documented.
  if (body['@odata.type'] !== TAP_POLICY_TYPE) return bad(`The request body must specify "@odata.type": "${TAP_POLICY_TYPE}".`);
  const next: TapPolicy = { ...call.runtime.state.policy };
  if (body.state !== undefined) {
    if (body.state !== 'enabled' && body.state !== 'disabled')
      return bad(`Invalid value '${String(body.state)}' for property 'state'.`);
    next.state = body.state;
  }
  for (const field of INT_FIELDS) {
    const value = body[field];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value)) return bad(`Invalid value for property '${field}'.`);
    next[field] = value;
  }
  if (body.isUsableOnce !== undefined) {
    if (typeof body.isUsableOnce !== 'boolean') return bad("Invalid value for property 'isUsableOnce'.");
    next.isUsableOnce = body.isUsableOnce;
  }
  if (Array.isArray(body.includeTargets)) next.includeTargets = body.includeTargets as TapPolicy['includeTargets'];
  if (Array.isArray(body.excludeTargets)) next.excludeTargets = body.excludeTargets as TapPolicy['excludeTargets'];
  // Ranges from the resource page: length 8–48, lifetimes 10–43200, default between min and max. [U] texts.
  if (next.defaultLength < 8 || next.defaultLength > 48) return bad('DefaultLength must be between 8 and 48.');
  const { minimumLifetimeInMinutes: min, maximumLifetimeInMinutes: max, defaultLifetimeInMinutes: def } = next;
  if (min < 10 || max > 43_200 || min > max)
    return bad('Lifetime values must be between 10 and 43200 minutes, minimum not above maximum.');
  if (def < min || def > max)
    return bad('DefaultLifetimeInMinutes must be between MinimumLifetimeInMinutes and MaximumLifetimeInMinutes.');
  policyWillChange(call.runtime.state);
  call.runtime.state.policy = next;
  return { status: 204 };
}

export function resetTapPolicy(call: GraphCall): GraphResult {
  const refused = checkWrite(call);
  if (refused) return refused;
  policyWillChange(call.runtime.state);
  call.runtime.state.policy = defaultTapPolicy();
  return { status: 204 };
}

export function getAuthenticationMethodsPolicy(call: GraphCall): GraphResult {
  const refused = checkRead(call);
  if (refused) return refused;
  return ok({
    '@odata.context': `${graphV1(call)}/$metadata#authenticationMethodsPolicy`,
    id: 'authenticationMethodsPolicy',
    displayName: 'Authentication Methods Policy',
    description:
      'The tenant-wide policy that controls which authentication methods are allowed in the tenant, authentication method registration requirements, and self-service password reset settings',
    lastModifiedDateTime: '2025-01-26T10:47:26.6044384Z',
    policyVersion: '1.5',
    policyMigrationState: 'migrationComplete',
    registrationEnforcement: {
      authenticationMethodsRegistrationCampaign: {
        snoozeDurationInDays: 1,
        state: 'default',
        excludeTargets: [],
        includeTargets: [{ id: 'all_users', targetType: 'group', targetedAuthenticationMethod: 'microsoftAuthenticator' }],
      },
    },
    authenticationMethodConfigurations: [
      {
        '@odata.type': '#microsoft.graph.fido2AuthenticationMethodConfiguration',
        id: 'Fido2',
        state: 'enabled',
        includeTargets: [],
      },
      {
        '@odata.type': '#microsoft.graph.microsoftAuthenticatorAuthenticationMethodConfiguration',
        id: 'MicrosoftAuthenticator',
        state: 'enabled',
        includeTargets: [],
      },
      {
        '@odata.type': '#microsoft.graph.smsAuthenticationMethodConfiguration',
        id: 'Sms',
        state: 'disabled',
        includeTargets: [],
      },
      (({ 'includeTargets@odata.context': _context, ...entity }) => entity)(
        tapPolicyEntity(call, visiblePolicy(call.runtime.state)),
      ),
      {
        '@odata.type': '#microsoft.graph.emailAuthenticationMethodConfiguration',
        id: 'Email',
        state: 'enabled',
        includeTargets: [],
      },
    ],
  });
}
