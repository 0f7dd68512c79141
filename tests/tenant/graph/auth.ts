/** Bearer validation: our signature, not expired, Graph audience, this tenant (graph-tap-detail.md §4.2: 401 InvalidAuthenticationToken). */

import type { Cloud } from '../hosts';
import type { TenantRuntime } from '../runtime';
import { cloudOf, findUser } from '../state';
import { verifyJwt } from '../sts/jwt';
import { graphAudiences, loginOriginOf } from '../sts/tokens';
import { graphError, MESSAGES } from './errors';
import type { Caller, GraphResult, RequestMeta } from './types';

/** What a cloud's Graph sends with a 401: its own sign-in host in authorization_uri ([U] for graph.microsoft.us). */
export function wwwAuthenticate(cloud: Cloud): string {
  return `Bearer realm="", authorization_uri="${loginOriginOf(cloud)}/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"`;
}

/** What graph.microsoft.com sends with a 401. */
export const WWW_AUTHENTICATE = wwwAuthenticate('global');

export function authenticate(runtime: TenantRuntime, authorization: string | undefined, meta: RequestMeta): Caller | GraphResult {
  const unauthorized = (message: string) =>
    graphError(meta, 401, 'InvalidAuthenticationToken', message, {
      headers: { 'WWW-Authenticate': wwwAuthenticate(runtime.hostCloud) },
    });
  const token = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
  if (!token) return unauthorized(MESSAGES.tokenEmpty);
  if (!token.includes('.')) return unauthorized(MESSAGES.tokenMalformed);
  const claims = verifyJwt(runtime.signingKey, token);
  if (!claims) return unauthorized(MESSAGES.tokenSignature);
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp <= now) return unauthorized(MESSAGES.tokenExpired);
  if (typeof claims.nbf === 'number' && claims.nbf > now + 300) return unauthorized(MESSAGES.tokenSignature);
  if (!graphAudiences(runtime.hostCloud).includes(String(claims.aud))) return unauthorized(MESSAGES.tokenInvalid);
  // A token of another cloud's directory never gets here in one piece: each cloud signs with its own key (runtime.ts
  // signingKeys), so verifyJwt above refuses it. [U] graph-docs concepts/deployments.md: national-cloud tokens "are not
  // interchangeable" with the global service's; the 401 is this Graph's usual invalid-token answer.
  if (claims.tid !== runtime.state.tenant.id || cloudOf(runtime.state) !== runtime.hostCloud)
    return unauthorized(MESSAGES.tokenSignature);
  const user = findUser(runtime.state, String(claims.oid ?? ''));
  if (!user) return unauthorized(MESSAGES.tokenSignature);
  const challenge = caeChallenge(runtime, user.id, claims, meta);
  if (challenge) return challenge;
  const scopes = new Set(
    String(claims.scp ?? '')
      .split(' ')
      .filter(Boolean)
      .map((scope) => scope.toLowerCase()),
  );
  return { user, scopes };
}

/**
 * Continuous access evaluation (entra-docs concept-continuous-access-evaluation.md; claims-challenge.md): a CAE-capable
 * token (xms_cc contains CP1) issued before a critical event is refused at once with a claims challenge; other tokens
 * live out their lifetime. The claims ask for a token issued after the event (nbf).
 */
function caeChallenge(
  runtime: TenantRuntime,
  userId: string,
  claims: Record<string, unknown>,
  meta: RequestMeta,
): GraphResult | null {
  const revokedBefore = runtime.state.caeRevokedBefore?.[userId];
  const capable = Array.isArray(claims.xms_cc) && claims.xms_cc.some((value) => String(value).toLowerCase() === 'cp1');
  if (!revokedBefore || !capable || Number(claims.iat) >= revokedBefore) return null;
  const request = Buffer.from(
    JSON.stringify({ access_token: { nbf: { essential: true, value: String(revokedBefore) } } }),
  ).toString('base64');
  return graphError(meta, 401, 'InvalidAuthenticationToken', MESSAGES.caeChallenge, {
    headers: {
      'WWW-Authenticate': `${wwwAuthenticate(runtime.hostCloud)}, error="insufficient_claims", claims="${request}"`,
    },
  });
}

export function isCaller(value: Caller | GraphResult): value is Caller {
  return 'user' in value;
}
