/** Bearer validation: our signature, not expired, Graph audience, this tenant (graph-tap-detail.md §4.2: 401 InvalidAuthenticationToken). */
import type { TenantRuntime } from '../runtime';
import { findUser } from '../state';
import { verifyJwt } from '../sts/jwt';
import { GRAPH_AUDIENCES } from '../sts/tokens';
import { graphError, MESSAGES } from './errors';
import type { Caller, GraphResult, RequestMeta } from './types';

/** What graph.microsoft.com sends with a 401. */
export const WWW_AUTHENTICATE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

export function authenticate(runtime: TenantRuntime, authorization: string | undefined, meta: RequestMeta): Caller | GraphResult {
  const unauthorized = (message: string) =>
    graphError(meta, 401, 'InvalidAuthenticationToken', message, { headers: { 'WWW-Authenticate': WWW_AUTHENTICATE } });
  const token = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
  if (!token) return unauthorized(MESSAGES.tokenEmpty);
  if (!token.includes('.')) return unauthorized(MESSAGES.tokenMalformed);
  const claims = verifyJwt(runtime.signingKey, token);
  if (!claims) return unauthorized(MESSAGES.tokenSignature);
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp <= now) return unauthorized(MESSAGES.tokenExpired);
  if (typeof claims.nbf === 'number' && claims.nbf > now + 300) return unauthorized(MESSAGES.tokenSignature);
  if (!GRAPH_AUDIENCES.includes(String(claims.aud))) return unauthorized(MESSAGES.tokenInvalid);
  if (claims.tid !== runtime.state.tenant.id) return unauthorized(MESSAGES.tokenSignature);
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
      'WWW-Authenticate': `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000", error="insufficient_claims", claims="${request}"`,
    },
  });
}

export function isCaller(value: Caller | GraphResult): value is Caller {
  return 'user' in value;
}
