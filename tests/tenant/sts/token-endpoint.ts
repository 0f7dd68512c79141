/**
 * POST /{tenant}/oauth2/v2.0/token: authorization_code (PKCE) and refresh_token grants for SPA clients.
 * learn.microsoft.com: v2-oauth2-auth-code-flow ("Redeem a code", "Refresh the access token", SPA redirect URIs).
 */
import { createHash } from 'node:crypto';
import { CLOUDS } from '../hosts';
import { corsHeaders, type HttpReply, header, type IncomingCall, jsonReply } from '../http';
import { allDirectories, type TenantRuntime, tokenTenantId } from '../runtime';
import { type AppRegistration, cloudOf, type DirectoryUser, findApp, findUser, type TenantState } from '../state';
import { clientCapabilitiesOf, evaluateConditionalAccess } from './conditional-access';
import { AADSTS, entraErrorReply } from './errors';
import { graphScopesOf, missingConsent, parseScopes } from './scopes';
import { acceptsTenantSegment } from './tenant-segment';
import { clientInfo, issueTokens, newRefreshToken } from './tokens';

/** Entra only redeems SPA codes and refresh tokens cross-origin, i.e. with an Origin header (AADSTS9002327). */
export const REQUIRE_ORIGIN_FOR_SPA_REDEMPTION = true;

export function handleToken(runtime: TenantRuntime, call: IncomingCall, tenantSegment: string): HttpReply {
  const cors = corsHeaders(call);
  const fail: Fail = (status, error, description, extra) => entraErrorReply(status, error, description, cors, extra);
  const { state } = runtime;
  if (!acceptsTenantSegment(state, tenantSegment)) return fail(400, 'invalid_request', AADSTS.tenantNotFound(tenantSegment));
  const form = new URLSearchParams(call.body);
  const clientId = form.get('client_id');
  if (!clientId) return fail(400, 'invalid_request', AADSTS.missingParameter('client_id'));
  const app = findApp(state, clientId);
  if (!app) return fail(400, 'unauthorized_client', AADSTS.appNotFound(clientId, state.tenant.displayName));
  if (REQUIRE_ORIGIN_FOR_SPA_REDEMPTION && !header(call, 'origin')) return fail(400, 'invalid_request', AADSTS.spaNeedsOrigin);
  const parsed = parseScopes(form.get('scope'), state.tenant.displayName, cloudOf(state));
  if (!parsed.ok) return fail(400, parsed.error, parsed.description);
  const grantType = form.get('grant_type') ?? '';
  if (grantType === 'authorization_code') return redeemCode(runtime, call, app, form, parsed.scopes, cors, fail);
  if (grantType === 'refresh_token') return redeemRefreshToken(runtime, app, form, parsed.scopes, cors, fail);
  return fail(400, 'unsupported_grant_type', AADSTS.unsupportedGrant(grantType));
}

type Fail = (status: number, error: string, description: string, extra?: Record<string, unknown>) => HttpReply;
type Requested = Extract<ReturnType<typeof parseScopes>, { ok: true }>['scopes'];

function redeemCode(
  runtime: TenantRuntime,
  call: IncomingCall,
  app: AppRegistration,
  form: URLSearchParams,
  requested: Requested,
  cors: Record<string, string>,
  fail: Fail,
): HttpReply {
  const codeValue = form.get('code');
  if (!codeValue) return fail(400, 'invalid_request', AADSTS.missingParameter('code'));
  const code = runtime.state.codes[codeValue];
  if (!code) return fail(400, 'invalid_grant', codeValue.startsWith('1.AR') ? AADSTS.codeRedeemed : AADSTS.codeInvalid);
  // Codes are single use, whatever the outcome of this redemption.
  delete runtime.state.codes[codeValue];
  if (code.expiresAt < Date.now()) return fail(400, 'invalid_grant', AADSTS.codeExpired);
  if (code.clientId !== app.clientId) return fail(400, 'invalid_grant', AADSTS.clientMismatch);
  if (form.get('redirect_uri') !== code.redirectUri) return fail(400, 'invalid_grant', AADSTS.redirectUriChanged);
  const verifier = form.get('code_verifier');
  if (!verifier) return fail(400, 'invalid_request', AADSTS.pkceRequired);
  if (createHash('sha256').update(verifier).digest('base64url') !== code.codeChallenge) {
    return fail(400, 'invalid_grant', AADSTS.verifierMismatch);
  }
  // A redirect URI registered under "Web" redeems only server-side; from a browser origin Entra refuses (AADSTS9002326).
  const origin = header(call, 'origin');
  if (origin && !app.spaRedirectUris.includes(code.redirectUri))
    return fail(400, 'invalid_request', AADSTS.spaOnlyCrossOrigin(origin));
  const user = findUser(runtime.state, code.userId);
  if (!user) return fail(400, 'invalid_grant', AADSTS.codeInvalid);
  const expiresAt = Date.now() + runtime.state.settings.spaRefreshTokenLifetimeSeconds * 1000;
  return tokenReply(runtime, {
    app,
    user,
    requested,
    nonce: code.nonce,
    sessionId: code.sessionId,
    refreshExpiresAt: expiresAt,
    clientCapabilities: code.clientCapabilities ?? clientCapabilitiesOf(form.get('claims')),
    cors,
    fail,
  });
}

function redeemRefreshToken(
  runtime: TenantRuntime,
  app: AppRegistration,
  form: URLSearchParams,
  requested: Requested,
  cors: Record<string, string>,
  fail: Fail,
): HttpReply {
  const token = form.get('refresh_token');
  if (!token) return fail(400, 'invalid_request', AADSTS.missingParameter('refresh_token'));
  // "Refresh tokens are bound to a combination of user and client, but aren't tied to a resource or tenant" (entra-docs
  // refresh-tokens.md): one issued in the account's home directory redeems at another directory's authority where the
  // account has a (guest) user, and the other way round.
  const found = findRefreshToken(runtime, token);
  if (!found) return fail(400, 'invalid_grant', AADSTS.refreshRevoked);
  const { record } = found;
  if (record.clientId !== app.clientId) return fail(400, 'invalid_grant', AADSTS.clientMismatch);
  if (record.expiresAt <= Date.now()) return fail(400, 'invalid_grant', AADSTS.spaRefreshExpired);
  const user = personIn(runtime.state, found.directory, record.userId);
  if (!user) {
    if (found.directory !== runtime.state) {
      return fail(400, 'invalid_grant', AADSTS.userNotInTenant(runtime.state.tenant.displayName));
    }
    return fail(400, 'invalid_grant', AADSTS.refreshRevoked);
  }
  const session = (record.sessionId && runtime.state.sessions[record.sessionId]) || null;
  const verdict = evaluateConditionalAccess(runtime, user.id, session);
  // A policy added after sign-in applies at the next refresh. MFA: invalid_grant with suberror basic_action and the claims
  // to send back interactively (MSAL InteractionRequiredAuthError.claims; msal-js "Handle errors and exceptions").
  if (verdict.kind === 'mfa')
    return fail(400, 'invalid_grant', verdict.description, { suberror: 'basic_action', claims: verdict.claims });
  if (verdict.kind === 'reauth') return fail(400, 'invalid_grant', verdict.description);
  if (verdict.kind === 'block') return fail(400, 'invalid_grant', verdict.description);
  return tokenReply(runtime, {
    app,
    user,
    requested,
    nonce: null,
    sessionId: record.sessionId,
    refreshExpiresAt: record.expiresAt,
    clientCapabilities: clientCapabilitiesOf(form.get('claims')),
    cors,
    fail,
  });
}

/**
 * A refresh token of any directory of this cloud. Another cloud's token service issued none here: [U] it is as unknown as
 * a made-up one (AADSTS50173 below), graph-docs concepts/deployments.md ("network-isolated instances").
 */
function findRefreshToken(runtime: TenantRuntime, token: string) {
  for (const directory of allDirectories(runtime).filter((d) => cloudOf(d) === cloudOf(runtime.state))) {
    const record = Object.hasOwn(directory.refreshTokens, token) ? directory.refreshTokens[token] : undefined;
    if (record) return { record, directory };
  }
  return null;
}

/** The same person's user in `target`: the home user, or the guest whose home is that user. */
function personIn(target: TenantState, from: TenantState, userId: string): DirectoryUser | undefined {
  const user = findUser(from, userId);
  if (!user) return undefined;
  if (target === from) return user;
  const home = user.home ?? { tenantId: from.tenant.id, userId: user.id };
  if (target.tenant.id === home.tenantId) return findUser(target, home.userId);
  return target.users.find((u) => u.home?.tenantId === home.tenantId && u.home.userId === home.userId);
}

function tokenReply(
  runtime: TenantRuntime,
  args: {
    app: AppRegistration;
    user: DirectoryUser;
    requested: Requested;
    nonce: string | null;
    sessionId: string | null;
    refreshExpiresAt: number;
    clientCapabilities: string[];
    cors: Record<string, string>;
    fail: Fail;
  },
): HttpReply {
  const consented = runtime.state.consents[args.app.clientId] ?? [];
  let graphScopes = graphScopesOf(args.requested, consented);
  if (missingConsent(graphScopes, consented).length > 0) {
    // Entra adds suberror consent_required to AADSTS65001 invalid_grant (MSAL maps it to InteractionRequiredAuthError;
    // learn.microsoft.com "Handle errors and exceptions in MSAL.js", msal-common InteractionRequiredAuthSubErrorMessage).
    return args.fail(400, 'invalid_grant', AADSTS.consentMissing(args.app.clientId, args.app.displayName), {
      suberror: 'consent_required',
    });
  }
  // Only OIDC scopes asked for: Entra still returns a Graph token for the basic profile.
  if (graphScopes.length === 0) graphScopes = consented.filter((scope) => scope === 'User.Read');
  // The token carries every consented scope of the resource, not only those asked for (msal-js "Resources and scopes":
  // the response may list consented scopes that weren't requested). [U] that it is always the whole consented set.
  else graphScopes = [...graphScopes, ...consented.filter((scope) => !graphScopes.includes(scope))];
  const tokens = issueTokens(runtime, {
    user: args.user,
    app: args.app,
    graphScopes,
    nonce: args.nonce,
    sessionId: args.sessionId,
    clientCapabilities: args.clientCapabilities,
  });
  const qualified = args.requested.some((scope) => scope.graph !== null && scope.original.includes('/'));
  const extra = graphScopes
    .filter((name) => !args.requested.some((scope) => scope.graph === name))
    // Qualified with the cloud's Graph resource (https://graph.microsoft.us/… in US Gov; scopes.ts).
    .map((name) => (qualified ? `${CLOUDS[cloudOf(runtime.state)].graphResource}/${name}` : name));
  const granted = [
    ...args.requested.filter((scope) => scope.graph === null || graphScopes.includes(scope.graph)).map((scope) => scope.original),
    ...extra,
  ];
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    scope: granted.join(' '),
    expires_in: tokens.expiresIn,
    ext_expires_in: tokens.expiresIn,
    access_token: tokens.accessToken,
    id_token: tokens.idToken,
    // client_info names the account's home (uid, utid): MSAL's homeAccountId, the same in every directory.
    client_info: args.user.home
      ? clientInfo({ ...args.user, id: args.user.home.userId }, args.user.home.tenantId)
      : clientInfo(args.user, tokenTenantId(runtime)),
  };
  if (args.requested.some((scope) => scope.original.toLowerCase() === 'offline_access')) {
    const refreshToken = newRefreshToken();
    runtime.state.refreshTokens[refreshToken] = {
      clientId: args.app.clientId,
      userId: args.user.id,
      expiresAt: args.refreshExpiresAt,
      sessionId: args.sessionId,
    };
    body.refresh_token = refreshToken;
    body.refresh_token_expires_in = Math.max(0, Math.floor((args.refreshExpiresAt - Date.now()) / 1000));
  }
  return jsonReply(200, body, { ...args.cors, 'cache-control': 'no-store, no-cache', pragma: 'no-cache' });
}
