/**
 * /{tenant}/oauth2/v2.0/authorize and the two form posts behind its pages (account picked, consent answered).
 * Protocol: learn.microsoft.com "Microsoft identity platform and OAuth 2.0 authorization code flow" (v2-oauth2-auth-code-flow).
 */
import { randomBytes } from 'node:crypto';
import { type HttpReply, htmlReply, type IncomingCall, redirectReply } from '../http';
import { ROLE } from '../roles';
import { type PendingAuthorization, type TenantRuntime, tokenTenantId } from '../runtime';
import { SIGN_IN_ACCOUNTS } from '../seed';
import { findApp, findUser } from '../state';
import { AADSTS, appendResponse, errorRedirect } from './errors';
import { accountPickerPage, consentPage, errorPage } from './pages';
import { graphScopesOf, missingConsent, parseScopes } from './scopes';
import { currentSession, startSession } from './session';
import { acceptsTenantSegment } from './tenant-segment';
import { clientInfo } from './tokens';

/** Authorization codes live 10 minutes (v2-oauth2-auth-code-flow: "Authorization codes are short lived"). */
export const AUTH_CODE_LIFETIME_MS = 10 * 60_000;
/**
 * [U] Whether only admins may accept the consent page. Delegated *.All scopes need admin consent in Entra
 * (AADSTS90094 for other users); off by default so any seeded admin can complete incremental consent.
 */
export const CONSENT_REQUIRES_ADMIN_ROLE = false;
const ADMIN_CONSENT_ROLES: string[] = [
  ROLE.globalAdministrator,
  ROLE.privilegedRoleAdministrator,
  ROLE.cloudApplicationAdministrator,
  ROLE.applicationAdministrator,
];

export function handleAuthorize(runtime: TenantRuntime, call: IncomingCall, tenantSegment: string): HttpReply {
  const q = call.url.searchParams;
  const { state } = runtime;
  if (!acceptsTenantSegment(state, tenantSegment)) return htmlReply(400, errorPage(AADSTS.tenantNotFound(tenantSegment)));
  const clientId = q.get('client_id');
  if (!clientId) return htmlReply(400, errorPage(AADSTS.missingParameter('client_id')));
  const app = findApp(state, clientId);
  if (!app) return htmlReply(400, errorPage(AADSTS.appNotFound(clientId, state.tenant.displayName)));
  const redirectUri = q.get('redirect_uri') ?? '';
  if (![...app.spaRedirectUris, ...app.webRedirectUris].includes(redirectUri)) {
    return htmlReply(400, errorPage(AADSTS.redirectMismatch(redirectUri, clientId)));
  }
  const target = {
    redirectUri,
    responseMode: q.get('response_mode') === 'query' ? ('query' as const) : ('fragment' as const),
    state: q.get('state'),
  };
  if (q.get('response_type') !== 'code')
    return errorRedirect(target, 'unsupported_response_type', AADSTS.missingParameter('response_type'));
  const codeChallenge = q.get('code_challenge');
  if (!codeChallenge) return errorRedirect(target, 'invalid_request', AADSTS.pkceRequired);
  if (q.get('code_challenge_method') !== 'S256') return errorRedirect(target, 'invalid_request', AADSTS.pkceMethod);
  const parsed = parseScopes(q.get('scope'), state.tenant.displayName);
  if (!parsed.ok) return errorRedirect(target, parsed.error, parsed.description);
  const pending: PendingAuthorization = {
    clientId: app.clientId,
    redirectUri,
    responseMode: target.responseMode,
    state: target.state,
    nonce: q.get('nonce'),
    codeChallenge,
    scopes: graphScopesOf(parsed.scopes, state.consents[app.clientId] ?? []),
    loginHint: q.get('login_hint'),
    prompt: q.get('prompt'),
    tenantSegment,
  };
  const session = currentSession(runtime, call);
  const hinted = pending.loginHint ? findUser(state, pending.loginHint) : undefined;

  if (pending.prompt === 'none') {
    if (!session || (pending.loginHint && hinted?.id !== session.userId))
      return errorRedirect(target, 'login_required', AADSTS.noSession);
    if (needsConsent(runtime, pending)) {
      // OIDC Core 3.1.2.6 consent_required (MSAL InteractionRequiredAuthErrorCodes.consentRequired), AADSTS65001.
      return errorRedirect(target, 'consent_required', AADSTS.consentMissing(app.clientId, app.displayName));
    }
    return completeWithCode(runtime, { ...pending, userId: session.userId }, session.id);
  }
  const ctx = remember(runtime, pending);
  const wantsPicker = !session || pending.prompt === 'select_account' || pending.prompt === 'login';
  if (wantsPicker) return pickerReply(runtime, ctx, pending, hinted?.id ?? null);
  const withUser = { ...pending, userId: session.userId };
  runtime.pending.set(ctx, withUser);
  if (pending.prompt === 'consent' || needsConsent(runtime, withUser)) return consentReply(runtime, ctx, withUser);
  runtime.pending.delete(ctx);
  return completeWithCode(runtime, withUser, session.id);
}

/** POST /{tenant}/login: an account was clicked on the picker. */
export function handleAccountPicked(runtime: TenantRuntime, form: URLSearchParams): HttpReply {
  const ctx = form.get('ctx') ?? '';
  const pending = runtime.pending.get(ctx);
  const user = findUser(runtime.state, form.get('userId') ?? '');
  if (!pending || !user)
    return htmlReply(
      400,
      errorPage('AADSTS90015: Requested query string is too long or the sign-in request expired. Start the sign-in again.'),
    );
  const { session, cookie } = startSession(runtime, user.id);
  const withUser = { ...pending, userId: user.id };
  runtime.pending.set(ctx, withUser);
  if (pending.prompt === 'consent' || needsConsent(runtime, withUser)) {
    const reply = consentReply(runtime, ctx, withUser);
    reply.headers['set-cookie'] = cookie;
    return reply;
  }
  runtime.pending.delete(ctx);
  return completeWithCode(runtime, withUser, session.id, { 'set-cookie': cookie });
}

/** POST /{tenant}/consent: Accept grants the scopes to the app tenant-wide, Cancel declines. */
export function handleConsentAnswer(runtime: TenantRuntime, call: IncomingCall, form: URLSearchParams): HttpReply {
  const ctx = form.get('ctx') ?? '';
  const pending = runtime.pending.get(ctx);
  const session = currentSession(runtime, call);
  if (!pending?.userId || !session)
    return htmlReply(400, errorPage('AADSTS90015: The sign-in request expired. Start the sign-in again.'));
  runtime.pending.delete(ctx);
  const target = { redirectUri: pending.redirectUri, responseMode: pending.responseMode, state: pending.state };
  if (form.get('action') !== 'accept' || !canConsent(runtime, pending.userId)) {
    return errorRedirect(target, 'access_denied', AADSTS.consentDeclined);
  }
  const consented = runtime.state.consents[pending.clientId] ?? [];
  runtime.state.consents[pending.clientId] = [...consented, ...missingConsent(pending.scopes, consented)];
  return completeWithCode(runtime, pending, session.id);
}

function needsConsent(runtime: TenantRuntime, pending: PendingAuthorization): boolean {
  return missingConsent(pending.scopes, runtime.state.consents[pending.clientId] ?? []).length > 0;
}

function canConsent(runtime: TenantRuntime, userId: string): boolean {
  if (!CONSENT_REQUIRES_ADMIN_ROLE) return true;
  const user = findUser(runtime.state, userId);
  return Boolean(user?.roles.some((role) => ADMIN_CONSENT_ROLES.includes(role)));
}

function remember(runtime: TenantRuntime, pending: PendingAuthorization): string {
  const ctx = randomBytes(18).toString('base64url');
  runtime.pending.set(ctx, pending);
  return ctx;
}

function pickerReply(
  runtime: TenantRuntime,
  ctx: string,
  pending: PendingAuthorization,
  preselectedId: string | null,
): HttpReply {
  const accounts = [...SIGN_IN_ACCOUNTS];
  const hinted = preselectedId ? findUser(runtime.state, preselectedId) : undefined;
  if (hinted && !accounts.some((account) => account.id === hinted.id)) accounts.unshift(hinted);
  return htmlReply(200, accountPickerPage({ action: `/${pending.tenantSegment}/login`, ctx, accounts, preselectedId }));
}

function consentReply(runtime: TenantRuntime, ctx: string, pending: PendingAuthorization): HttpReply {
  const app = findApp(runtime.state, pending.clientId);
  const user = findUser(runtime.state, pending.userId ?? '');
  const consented = runtime.state.consents[pending.clientId] ?? [];
  const asked = missingConsent(pending.scopes, consented);
  return htmlReply(
    200,
    consentPage({
      action: `/${pending.tenantSegment}/consent`,
      ctx,
      appName: app?.displayName ?? pending.clientId,
      account: user ?? { id: '', displayName: '', userPrincipalName: '' },
      scopes: asked.length > 0 ? asked : pending.scopes,
      canConsent: canConsent(runtime, pending.userId ?? ''),
    }),
  );
}

function completeWithCode(
  runtime: TenantRuntime,
  pending: PendingAuthorization,
  sessionId: string,
  headers: Record<string, string | string[]> = {},
): HttpReply {
  const userId = pending.userId as string;
  const code = `1.AR${randomBytes(64).toString('base64url')}`;
  runtime.state.codes[code] = {
    clientId: pending.clientId,
    userId,
    redirectUri: pending.redirectUri,
    codeChallenge: pending.codeChallenge,
    nonce: pending.nonce,
    scopes: pending.scopes,
    sessionId,
    expiresAt: Date.now() + AUTH_CODE_LIFETIME_MS,
  };
  const user = findUser(runtime.state, userId);
  const params = new URLSearchParams({ code });
  if (user) params.set('client_info', clientInfo(user, tokenTenantId(runtime)));
  if (pending.state !== null) params.set('state', pending.state);
  params.set('session_state', sessionId);
  return redirectReply(appendResponse(pending.redirectUri, pending.responseMode, params), headers);
}
