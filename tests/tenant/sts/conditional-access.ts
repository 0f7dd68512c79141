/**
 * Conditional Access as this app's sign-ins meet it. Codes and texts: entra-docs reference-error-codes.md (50076, 50079,
 * 53000, 53003, 70043); where each stage answers is named beside it. The simulated browser is never a managed device, so
 * a compliant-device policy can't be met here (as on an admin's unmanaged laptop).
 */
import type { TenantRuntime } from '../runtime';
import type { ConditionalAccessPolicy, IdpSession } from '../state';
import { GRAPH_APP_ID } from './scopes';

export type CaVerdict =
  | { kind: 'ok' }
  /** The user can satisfy it interactively (MFA, or registering for MFA first). */
  | { kind: 'mfa'; policy: ConditionalAccessPolicy; registration: boolean; description: string; claims: string }
  /** A fresh sign-in with credentials is needed (sign-in frequency). */
  | { kind: 'reauth'; policy: ConditionalAccessPolicy; description: string; silentDescription: string }
  /** Nothing the user can do in this browser. */
  | { kind: 'block'; policy: ConditionalAccessPolicy; heading: string; description: string };

export const CA_TEXT = {
  mfa: `AADSTS50076: Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '${GRAPH_APP_ID}'.`,
  mfaRegistration: `AADSTS50079: Due to a configuration change made by your administrator, or because you moved to a new location, you are required to use multi-factor authentication to access '${GRAPH_APP_ID}'.`,
  compliantDevice:
    'AADSTS53000: Device is not in required device state: compliant. Conditional Access policy requires a compliant device, and the device is not compliant. The user must enroll their device with an approved MDM provider like Intune.',
  blocked:
    'AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.',
  signInFrequency: (issued: number, seconds: number) =>
    `AADSTS70043: The refresh token has expired or is invalid due to sign-in frequency checks by conditional access. The token was issued on ${new Date(issued).toISOString()} and the maximum allowed lifetime for this request is ${seconds}.`,
  /** [U] prompt=none under sign-in frequency: the docs name no code; the session-side twin of 70043 is assumed. */
  signInFrequencySilent:
    'AADSTS70044: The session has expired or is invalid due to sign-in frequency checks by conditional access.',
} as const;

/** The claims request Entra puts beside an MFA interrupt on /token ("capolids": the policies to satisfy). */
export function capolidsClaims(policyId: string): string {
  return JSON.stringify({ access_token: { capolids: { essential: true, values: [policyId] } } });
}

const appliesTo = (policy: ConditionalAccessPolicy, userId: string) => policy.users === 'all' || policy.users.includes(userId);

/** The first unmet policy for this user and session; blocks win over what the user could satisfy. */
export function evaluateConditionalAccess(
  runtime: TenantRuntime,
  userId: string,
  session: IdpSession | null,
  now = Date.now(),
): CaVerdict {
  const policies = (runtime.state.conditionalAccess ?? []).filter((policy) => appliesTo(policy, userId));
  for (const policy of policies) {
    if (policy.grant === 'compliantDevice')
      return { kind: 'block', policy, heading: 'Your device is required to be managed', description: CA_TEXT.compliantDevice };
    if (policy.grant === 'blockLocation')
      return { kind: 'block', policy, heading: "You can't get there from here", description: CA_TEXT.blocked };
  }
  for (const policy of policies) {
    if (policy.grant === 'signInFrequency') {
      const seconds = policy.frequencySeconds ?? 3600;
      if (!session || now - session.createdAt > seconds * 1000) {
        return {
          kind: 'reauth',
          policy,
          description: CA_TEXT.signInFrequency(session?.createdAt ?? now, seconds),
          silentDescription: CA_TEXT.signInFrequencySilent,
        };
      }
    }
  }
  for (const policy of policies) {
    if ((policy.grant === 'mfa' || policy.grant === 'mfaRegistration') && !session?.mfa) {
      const registration = policy.grant === 'mfaRegistration';
      return {
        kind: 'mfa',
        policy,
        registration,
        description: registration ? CA_TEXT.mfaRegistration : CA_TEXT.mfa,
        claims: capolidsClaims(policy.id),
      };
    }
  }
  return { kind: 'ok' };
}

/** Client capabilities in a claims request ({"access_token":{"xms_cc":{"values":["CP1"]}}}), per claims-challenge.md. */
export function clientCapabilitiesOf(claims: string | null): string[] {
  if (!claims) return [];
  try {
    const values = (JSON.parse(claims) as { access_token?: { xms_cc?: { values?: unknown } } }).access_token?.xms_cc?.values;
    return Array.isArray(values) ? values.filter((value): value is string => typeof value === 'string') : [];
  } catch {
    return [];
  }
}
