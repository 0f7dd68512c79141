/**
 * /{tenant}/oauth2/v2.0/authorize and the two form posts behind its pages (account picked, consent answered).
 * Protocol: learn.microsoft.com "Microsoft identity platform and OAuth 2.0 authorization code flow" (v2-oauth2-auth-code-flow).
 */
import { randomBytes } from 'node:crypto';
import { activeRoleIds } from '../graph/role-scope';
import { type HttpReply, htmlReply, type IncomingCall, redirectReply } from '../http';
import { ROLE } from '../roles';
import { type PendingAuthorization, type TenantRuntime, tokenTenantId } from '../runtime';
import { SIGN_IN_ACCOUNTS } from '../seed';
import type { IdpSession } from '../state';
import { cloudOf, findApp, findUser } from '../state';
import { clientCapabilitiesOf, evaluateConditionalAccess } from './conditional-access';
import { AADSTS, appendResponse, errorRedirect } from './errors';
import { accountPickerPage, blockedPage, consentPage, errorPage, mfaPage } from './pages';
import { graphScopesOf, missingConsent, needsAdminConsent, parseScopes } from './scopes';
import { currentSession, startSession } from './session';
import { acceptsTenantSegment } from './tenant-segment';
import { clientInfo } from './tokens';

/** Authorization codes live 10 minutes (v2-oauth2-auth-code-flow: "Authorization codes are short lived"). */
export const AUTH_CODE_LIFETIME_MS = 10 * 60_000;
/**
 * Who can grant consent for the whole organization: entra-docs grant-admin-consent.md ("Prerequisites": Privileged Role
 * Administrator; Cloud Application Administrator or Application Administrator for delegated permissions) and Global
 * Administrator. Anyone else meets "Need admin approval" for a permission that needs an admin (scopes.ts).
 */
export const ADMIN_CONSENT_ROLES: readonly string[] = [
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
  const parsed = parseScopes(q.get('scope'), state.tenant.displayName, cloudOf(state));
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
    claims: q.get('claims'),
  };
  let session = currentSession(runtime, call);
  const hinted = pending.loginHint ? findUser(state, pending.loginHint) : undefined;

  if (pending.prompt === 'none') {
    if (!session || (pending.loginHint && hinted?.id !== session.userId))
      return errorRedirect(target, 'login_required', AADSTS.noSession);
    const verdict = evaluateConditionalAccess(runtime, session.userId, session);
    // OIDC Core 3.1.2.6: prompt=none can't show the interrupt, so interaction_required (MSAL InteractionRequiredAuthError).
    if (verdict.kind === 'mfa') return errorRedirect(target, 'interaction_required', verdict.description);
    if (verdict.kind === 'reauth') return errorRedirect(target, 'interaction_required', verdict.silentDescription);
    // [U] A block has nothing to interact with: access_denied, as the interactive Continue returns it.
    if (verdict.kind === 'block') return errorRedirect(target, 'access_denied', verdict.description);
    if (needsConsent(runtime, pending)) {
      // OIDC Core 3.1.2.6 consent_required (MSAL InteractionRequiredAuthErrorCodes.consentRequired), AADSTS65001.
      return errorRedirect(target, 'consent_required', AADSTS.consentMissing(app.clientId, app.displayName));
    }
    return completeWithCode(runtime, { ...pending, userId: session.userId }, session.id);
  }
  // Sign-in frequency: an older session no longer signs anyone in; the picker asks for the credential again.
  if (session && evaluateConditionalAccess(runtime, session.userId, session).kind === 'reauth') session = null;
  const ctx = remember(runtime, pending);
  const wantsPicker = !session || pending.prompt === 'select_account' || pending.prompt === 'login';
  if (wantsPicker) return pickerReply(runtime, ctx, pending, hinted?.id ?? null);
  return afterAccount(runtime, ctx, { ...pending, userId: session?.userId }, session as IdpSession);
}

/**
 * The account is known: Conditional Access interrupts first, then consent, then the code. The /adminconsent endpoint
 * goes straight to its own consent page.
 */
function afterAccount(
  runtime: TenantRuntime,
  ctx: string,
  pending: PendingAuthorization,
  session: IdpSession,
  headers: Record<string, string | string[]> = {},
): HttpReply {
  runtime.pending.set(ctx, pending);
  const withHeaders = (reply: HttpReply) => ({ ...reply, headers: { ...reply.headers, ...headers } });
  if (pending.kind === 'adminConsent') return withHeaders(adminConsentReply(runtime, ctx, pending));
  const verdict = evaluateConditionalAccess(runtime, session.userId, session);
  const tenant = pending.tenantSegment;
  if (verdict.kind === 'mfa')
    return withHeaders(htmlReply(200, mfaPage({ action: `/${tenant}/mfa`, ctx, registration: verdict.registration })));
  if (verdict.kind === 'block') {
    return withHeaders(
      htmlReply(
        200,
        blockedPage({ action: `/${tenant}/blocked`, ctx, heading: verdict.heading, description: verdict.description }),
      ),
    );
  }
  if (pending.prompt === 'consent' || needsConsent(runtime, pending)) return withHeaders(consentReply(runtime, ctx, pending));
  runtime.pending.delete(ctx);
  return completeWithCode(runtime, pending, session.id, headers);
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
  return afterAccount(runtime, ctx, { ...pending, userId: user.id }, session, { 'set-cookie': cookie });
}

/** POST /{tenant}/mfa: the MFA (or registration) interrupt was answered. */
export function handleMfaAnswer(runtime: TenantRuntime, call: IncomingCall, form: URLSearchParams): HttpReply {
  const ctx = form.get('ctx') ?? '';
  const pending = runtime.pending.get(ctx);
  const session = currentSession(runtime, call);
  if (!pending?.userId || !session)
    return htmlReply(400, errorPage('AADSTS90015: The sign-in request expired. Start the sign-in again.'));
  if (form.get('action') !== 'approve') {
    runtime.pending.delete(ctx);
    // reference-error-codes.md AADSTS50074: strong authentication required and not passed.
    return errorRedirect(
      targetOf(pending),
      'access_denied',
      'AADSTS50074: Strong Authentication is required. The user did not pass the MFA challenge.',
    );
  }
  session.mfa = true;
  return afterAccount(runtime, ctx, pending, session);
}

/** POST /{tenant}/blocked: Continue on a Conditional Access block returns the error to the app. [U] */
export function handleBlockedContinue(runtime: TenantRuntime, call: IncomingCall, form: URLSearchParams): HttpReply {
  const ctx = form.get('ctx') ?? '';
  const pending = runtime.pending.get(ctx);
  const session = currentSession(runtime, call);
  runtime.pending.delete(ctx);
  if (!pending?.userId || !session)
    return htmlReply(400, errorPage('AADSTS90015: The sign-in request expired. Start the sign-in again.'));
  const verdict = evaluateConditionalAccess(runtime, session.userId, session);
  const description = verdict.kind === 'block' ? verdict.description : AADSTS.transient;
  return errorRedirect(targetOf(pending), 'access_denied', description);
}

const targetOf = (pending: PendingAuthorization) => ({
  redirectUri: pending.redirectUri,
  responseMode: pending.responseMode,
  state: pending.state,
});

/** POST /{tenant}/consent: Accept grants the scopes to the app tenant-wide, Cancel declines. */
export function handleConsentAnswer(runtime: TenantRuntime, call: IncomingCall, form: URLSearchParams): HttpReply {
  const ctx = form.get('ctx') ?? '';
  const pending = runtime.pending.get(ctx);
  const session = currentSession(runtime, call);
  if (!pending?.userId || !session)
    return htmlReply(400, errorPage('AADSTS90015: The sign-in request expired. Start the sign-in again.'));
  runtime.pending.delete(ctx);
  const target = targetOf(pending);
  const action = form.get('action');
  const app = findApp(runtime.state, pending.clientId);
  if (pending.kind === 'adminConsent') {
    if (action !== 'accept' || !isConsentAdmin(runtime, pending.userId) || !app)
      return errorRedirect(target, 'access_denied', AADSTS.consentDeclined);
    grant(runtime, pending.clientId, app.requiredScopes);
    // entra-docs v2-admin-consent.md: success comes back as admin_consent=True&tenant=...&state=...
    const params = new URLSearchParams({ admin_consent: 'True', tenant: runtime.state.tenant.id });
    if (pending.state !== null) params.set('state', pending.state);
    return redirectReply(appendResponse(pending.redirectUri, 'query', params));
  }
  const asked = missingConsent(pending.scopes, runtime.state.consents[pending.clientId] ?? []);
  if (action === 'return') return errorRedirect(target, 'access_denied', AADSTS.adminApprovalNeeded(app?.displayName ?? ''));
  if (action === 'request' && runtime.state.settings.adminConsentWorkflow) {
    runtime.state.consentRequests = [
      ...(runtime.state.consentRequests ?? []),
      { clientId: pending.clientId, userId: pending.userId, at: Date.now() },
    ];
    return errorRedirect(target, 'access_denied', AADSTS.adminApprovalRequested(app?.displayName ?? ''));
  }
  if (action !== 'accept' || !canConsent(runtime, pending.userId, asked)) {
    return errorRedirect(target, 'access_denied', AADSTS.consentDeclined);
  }
  grant(runtime, pending.clientId, asked);
  return completeWithCode(runtime, pending, session.id);
}

/**
 * GET /{tenant}/adminconsent?client_id=…[&redirect_uri=…][&state=…]: an admin grants every permission configured on the
 * registration for the organization (entra-docs grant-admin-consent.md "Construct the URL"; v2-admin-consent.md).
 */
export function handleAdminConsent(runtime: TenantRuntime, call: IncomingCall, tenantSegment: string): HttpReply {
  const q = call.url.searchParams;
  if (!acceptsTenantSegment(runtime.state, tenantSegment)) return htmlReply(400, errorPage(AADSTS.tenantNotFound(tenantSegment)));
  const clientId = q.get('client_id') ?? '';
  const app = findApp(runtime.state, clientId);
  if (!app) return htmlReply(400, errorPage(AADSTS.appNotFound(clientId, runtime.state.tenant.displayName)));
  const redirectUri = q.get('redirect_uri') ?? app.spaRedirectUris[0] ?? app.webRedirectUris[0] ?? '';
  if (![...app.spaRedirectUris, ...app.webRedirectUris].includes(redirectUri))
    return htmlReply(400, errorPage(AADSTS.redirectMismatch(redirectUri, clientId)));
  const pending: PendingAuthorization = {
    kind: 'adminConsent',
    clientId: app.clientId,
    redirectUri,
    responseMode: 'query',
    state: q.get('state'),
    nonce: null,
    codeChallenge: '',
    scopes: [...app.requiredScopes],
    loginHint: null,
    prompt: null,
    tenantSegment,
  };
  const ctx = remember(runtime, pending);
  const session = currentSession(runtime, call);
  if (!session) return pickerReply(runtime, ctx, pending, null);
  return afterAccount(runtime, ctx, { ...pending, userId: session.userId }, session);
}

function adminConsentReply(runtime: TenantRuntime, ctx: string, pending: PendingAuthorization): HttpReply {
  // [U] The docs show no page for a non-admin on /adminconsent; the error page with AADSTS90094 stands for it.
  if (!isConsentAdmin(runtime, pending.userId ?? '')) {
    runtime.pending.delete(ctx);
    const app = findApp(runtime.state, pending.clientId);
    return htmlReply(403, errorPage(AADSTS.adminApprovalNeeded(app?.displayName ?? pending.clientId)));
  }
  return consentPageReply(runtime, ctx, pending, { scopes: pending.scopes, mode: 'grant', onBehalfOfOrganization: true });
}

function consentPageReply(
  runtime: TenantRuntime,
  ctx: string,
  pending: PendingAuthorization,
  page: Pick<Parameters<typeof consentPage>[0], 'scopes' | 'mode' | 'onBehalfOfOrganization'>,
): HttpReply {
  const app = findApp(runtime.state, pending.clientId);
  const user = findUser(runtime.state, pending.userId ?? '');
  return htmlReply(
    200,
    consentPage({
      action: `/${pending.tenantSegment}/consent`,
      ctx,
      appName: app?.displayName ?? pending.clientId,
      account: user ?? { id: '', displayName: '', userPrincipalName: '' },
      ...page,
    }),
  );
}

function grant(runtime: TenantRuntime, clientId: string, scopes: string[]): void {
  const consented = runtime.state.consents[clientId] ?? [];
  runtime.state.consents[clientId] = [...consented, ...missingConsent(scopes, consented)];
}

function needsConsent(runtime: TenantRuntime, pending: PendingAuthorization): boolean {
  return missingConsent(pending.scopes, runtime.state.consents[pending.clientId] ?? []).length > 0;
}

function isConsentAdmin(runtime: TenantRuntime, userId: string): boolean {
  const user = findUser(runtime.state, userId);
  return Boolean(user && activeRoleIds(runtime.state, user).some((role) => ADMIN_CONSENT_ROLES.includes(role)));
}

/** An admin consents for everyone; others only to scopes that need no admin (user consent, kept tenant-wide here). [U] */
function canConsent(runtime: TenantRuntime, userId: string, scopes: string[]): boolean {
  return isConsentAdmin(runtime, userId) || !scopes.some(needsAdminConsent);
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
  const accounts = [...(runtime.state.signInAccounts ?? SIGN_IN_ACCOUNTS)];
  const hinted = preselectedId ? findUser(runtime.state, preselectedId) : undefined;
  if (hinted && !accounts.some((account) => account.id === hinted.id)) accounts.unshift(hinted);
  return htmlReply(200, accountPickerPage({ action: `/${pending.tenantSegment}/login`, ctx, accounts, preselectedId }));
}

function consentReply(runtime: TenantRuntime, ctx: string, pending: PendingAuthorization): HttpReply {
  const consented = runtime.state.consents[pending.clientId] ?? [];
  const asked = missingConsent(pending.scopes, consented);
  const scopes = asked.length > 0 ? asked : pending.scopes;
  const admin = isConsentAdmin(runtime, pending.userId ?? '');
  let mode: 'grant' | 'approval' | 'request' = 'grant';
  if (!canConsent(runtime, pending.userId ?? '', scopes))
    mode = runtime.state.settings.adminConsentWorkflow ? 'request' : 'approval';
  return consentPageReply(runtime, ctx, pending, {
    scopes,
    mode,
    onBehalfOfOrganization: admin && scopes.some(needsAdminConsent),
  });
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
    clientCapabilities: clientCapabilitiesOf(pending.claims ?? null),
  };
  const user = findUser(runtime.state, userId);
  const params = new URLSearchParams({ code });
  if (user) params.set('client_info', clientInfo(user, tokenTenantId(runtime)));
  if (pending.state !== null) params.set('state', pending.state);
  params.set('session_state', sessionId);
  return redirectReply(appendResponse(pending.redirectUri, pending.responseMode, params), headers);
}
