import { i18n } from '#i18n';
import { NotConfiguredError, SignInRequiredError, WrongTenantError } from '../auth/errors';
import { hasPermission, POLICY_WRITE_PERMISSION, SIGN_IN_PERMISSIONS } from '../auth/scopes';
import type { ErrorInfo } from '../messages';
import { AADSTS_KIND, type AadstsRule, aadstsRuleOf, type GraphTextRule, matchesSignInText, matchGraphText } from './error-rules';
import { AppError, GraphError } from './errors';

/** What the failed call was for: the 403 and 404 sentences depend on it. */
export type GraphAction = 'readUser' | 'readMethods' | 'issue' | 'revoke' | 'readPolicy' | 'writePolicy' | 'signIn';

export interface ErrorContext {
  action?: GraphAction;
  /** The delegated permission the call needs, e.g. "UserAuthMethod-TAP.ReadWrite.All". */
  permission?: string;
  /** Scopes of the token that was used. */
  grantedScopes?: readonly string[];
  /** navigator.onLine, injectable for tests. */
  isOnline?: () => boolean;
  /**
   * The target as the panel read it (eligibility.ts externalKind): Graph's refusal names only external guests, so an
   * external member's refusal is told apart by the user, not by Graph's text.
   */
  targetExternal?: 'guest' | 'member';
}

/** A Graph permission the app registration lacks consent for (a 403, or the setup check's reading of the token). */
export const consentMissingSentence = (permission: string) => i18n.t('graph.errors.consentMissing', { permission });

export const NOT_CONFIGURED_MESSAGE = i18n.t('graph.errors.notConfigured');

/** The 403 sentence for each action: which roles can do it, and where to get or activate one. */
const roleSentence = (action: GraphAction): string => {
  switch (action) {
    case 'readUser':
      return i18n.t('graph.errors.role.readUser');
    case 'readMethods':
      return i18n.t('graph.errors.role.readMethods');
    case 'issue':
      return i18n.t('graph.errors.role.issue');
    case 'revoke':
      return i18n.t('graph.errors.role.revoke');
    case 'readPolicy':
      return i18n.t('graph.errors.role.readPolicy');
    case 'writePolicy':
      return i18n.t('graph.errors.role.writePolicy');
    case 'signIn':
      return i18n.t('graph.errors.role.signIn');
  }
};

/** The actions whose 403 sentence tells the admin to activate a role in Privileged Identity Management (it gets the link). */
export const ROLE_ACTIVATION_ACTIONS: ReadonlySet<GraphAction> = new Set<GraphAction>([
  'readUser',
  'readMethods',
  'issue',
  'revoke',
  'writePolicy',
]);

/** The 404 sentence: what was not found depends on the action; a user by default. */
function notFoundSentence(action: GraphAction | undefined): string {
  if (action === 'revoke') return i18n.t('graph.errors.notFound.revoke');
  if (action === 'readPolicy') return i18n.t('graph.errors.notFound.readPolicy');
  return i18n.t('graph.errors.notFound.user');
}

/** "1 hour", "8 hours", "2 days", "90 minutes": the largest whole unit. */
function minutesInWords(minutes: number): string {
  if (minutes % 1440 === 0) return i18n.t('graph.duration.days', minutes / 1440);
  if (minutes % 60 === 0) return i18n.t('graph.duration.hours', minutes / 60);
  return i18n.t('graph.duration.minutes', minutes);
}

/**
 * A 429 without Retry-After (the authentication-methods APIs send none): throttling.md says to back off exponentially;
 * the reads already did (middleware.ts), so the admin is asked to wait this long before clicking again. [U] the figure.
 */
export const DEFAULT_THROTTLE_WAIT_SECONDS = 10;

/** A lifetime outside the policy's range: the same sentence whether the extension or Graph catches it. */
export const lifetimeOutOfRangeInfo = (min: number, max: number): ErrorInfo => ({
  kind: 'lifetimeOutOfRange',
  message: i18n.t('graph.errors.lifetimeOutOfRange', {
    min: minutesInWords(min),
    max: minutesInWords(max),
    minMinutes: min,
    maxMinutes: max,
  }),
});

/** A reusable pass asked for under a one-time-only policy: the same sentence whether the extension or Graph catches it. */
export const ONE_TIME_ONLY_INFO: ErrorInfo = { kind: 'invalidInput', message: i18n.t('graph.errors.oneTimeOnly') };

/** The sentences for Graph refusals told apart only by their text (error-rules.ts names each text's source). */
const TEXT_RULE_INFO: Record<GraphTextRule, (match: RegExpExecArray, ctx: ErrorContext) => ErrorInfo> = {
  policyBlocked: () => ({
    kind: 'policyBlocked',
    message: i18n.t('graph.errors.policyBlocked'),
  }),
  lifetimeOutOfRange: (match) => lifetimeOutOfRangeInfo(Number(match[1]), Number(match[2])),
  externalGuest: (_match, ctx) =>
    ctx.targetExternal === 'member'
      ? { kind: 'externalMember', message: i18n.t('graph.errors.externalMember') }
      : { kind: 'externalGuest', message: i18n.t('graph.errors.externalGuest') },
  oneTimeOnly: () => ONE_TIME_ONLY_INFO,
};

function withIds(info: ErrorInfo, err: GraphError): ErrorInfo {
  const out: ErrorInfo = { ...info, status: err.status || undefined, code: err.code };
  if (err.requestId) out.requestId = err.requestId;
  else if (err.clientRequestId) out.requestId = err.clientRequestId;
  if (out.status === undefined) delete out.status;
  return out;
}

function fromGraphError(err: GraphError, ctx: ErrorContext): ErrorInfo {
  const action = ctx.action;
  const message = err.message ?? '';
  const online = ctx.isOnline ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine !== false));

  if (err.status === 0) {
    if (!online()) return withIds({ kind: 'offline', message: i18n.t('graph.errors.offline') }, err);
    if (err.code === 'timeout') return withIds({ kind: 'offline', message: i18n.t('graph.errors.timeout') }, err);
    return withIds({ kind: 'offline', message: i18n.t('graph.errors.unreachable') }, err);
  }
  const text = matchGraphText(err.status, err.code, message);
  if (text) return withIds(TEXT_RULE_INFO[text.rule](text.match, ctx), err);
  if (err.status === 401) {
    // Still challenged after a token with the claims: the session itself ended (continuous access evaluation).
    if (err.claimsChallenge) return withIds({ kind: 'signedOut', message: i18n.t('graph.errors.sessionEnded') }, err);
    return withIds({ kind: 'signedOut', message: i18n.t('graph.errors.signInExpired') }, err);
  }
  if (err.status === 403) {
    if (
      ctx.permission &&
      ctx.grantedScopes &&
      ctx.grantedScopes.length > 0 &&
      !hasPermission(ctx.grantedScopes, ctx.permission)
    ) {
      return withIds({ kind: 'consentRequired', message: consentMissingSentence(ctx.permission) }, err);
    }
    return withIds({ kind: 'forbidden', message: roleSentence(action ?? 'signIn') }, err);
  }
  if (err.status === 404) {
    return withIds({ kind: 'notFound', message: notFoundSentence(action) }, err);
  }
  if (err.status === 429) {
    const wait = err.retryAfterSeconds;
    return withIds(
      {
        kind: 'throttled',
        message:
          wait !== undefined
            ? i18n.t('graph.errors.throttled', wait)
            : i18n.t('graph.errors.throttledNoWait', DEFAULT_THROTTLE_WAIT_SECONDS),
        retryAfterSeconds: wait ?? DEFAULT_THROTTLE_WAIT_SECONDS,
      },
      err,
    );
  }
  if (err.status >= 500) {
    return withIds(
      {
        kind: 'serverError',
        message: i18n.t('graph.errors.serverError', { status: err.status }),
        ...(err.retryAfterSeconds !== undefined && { retryAfterSeconds: err.retryAfterSeconds }),
      },
      err,
    );
  }
  if (err.status === 400) {
    return withIds({ kind: 'invalidInput', message: i18n.t('graph.errors.refused', { reason: oneSentence(message) }) }, err);
  }
  return withIds({ kind: 'unknown', message: i18n.t('graph.errors.unknownStatus', { status: err.status }) }, err);
}

/** Graph's own message, trimmed to one safe sentence (it never contains a pass value: only errors reach here). */
function oneSentence(message: string): string {
  const first = message.split(/(?<=\.)\s/)[0] ?? message;
  return first.length > 200 ? `${first.slice(0, 197)}…` : first;
}

function aadstsInfo(rule: AadstsRule, ctx: ErrorContext): string {
  // The incremental request (the policy write) names its one permission; the sign-in names all it asks for.
  const policyWrite = ctx.permission === POLICY_WRITE_PERMISSION;
  const permissions = { permission: ctx.permission ?? '', permissions: SIGN_IN_PERMISSIONS.join(', ') };
  switch (rule) {
    case 'adminApprovalNeeded':
      return policyWrite
        ? i18n.t('auth.signIn.adminApprovalPolicyWrite', permissions)
        : i18n.t('auth.signIn.adminApproval', permissions);
    case 'approvalRequested':
      return i18n.t('auth.signIn.approvalRequested');
    case 'consentMissing':
      // Entra doesn't say which scope lacks consent: only an incremental request (the policy write) pins it down.
      return policyWrite
        ? i18n.t('auth.signIn.consentMissingPolicyWrite', permissions)
        : i18n.t('auth.signIn.consentMissing', permissions);
    case 'consentDeclined':
      return i18n.t('auth.signIn.consentDeclined');
    case 'compliantDeviceRequired':
      return i18n.t('auth.signIn.compliantDevice');
    case 'blockedByConditionalAccess':
      return i18n.t('auth.signIn.conditionalAccess');
    case 'mfaRequired':
      return i18n.t('auth.signIn.mfaRequired');
    case 'mfaNotPassed':
      return i18n.t('auth.signIn.mfaNotPassed');
    case 'signInFrequency':
      return i18n.t('auth.signIn.signInFrequency');
    case 'spaPlatformRequired':
      return i18n.t('auth.signIn.spaPlatform');
    case 'redirectUriMissing':
      return i18n.t('auth.signIn.redirectUri');
    case 'unknownAppOrTenant':
      return i18n.t('auth.signIn.unknownAppOrTenant');
  }
}

/** The sentence for an Entra sign-in answer by its rule (the setup check reports them without an error in hand). */
export const signInSentence = (rule: AadstsRule): string => aadstsInfo(rule, {});

const SIGN_IN_AGAIN_RULES: Record<NonNullable<SignInRequiredError['reason']>, AadstsRule> = {
  mfa: 'mfaRequired',
  signInFrequency: 'signInFrequency',
};

function fromAuthError(err: unknown, ctx: ErrorContext): ErrorInfo | null {
  const e = err as { errorCode?: string; subError?: string; errorMessage?: string; message?: string; name?: string } | null;
  const text = `${e?.errorCode ?? ''} ${e?.subError ?? ''} ${e?.errorMessage ?? ''} ${e?.message ?? ''}`;
  if (err instanceof SignInRequiredError && err.reason)
    return { kind: 'signedOut', message: aadstsInfo(SIGN_IN_AGAIN_RULES[err.reason], {}) };
  const aadsts = aadstsRuleOf(text);
  if (aadsts) return { kind: AADSTS_KIND[aadsts.rule], message: aadstsInfo(aadsts.rule, ctx), code: `AADSTS${aadsts.code}` };
  // MSAL's own codes and OAuth 2.0 error codes when Entra's number is absent (msal-common InteractionRequiredAuthErrorCodes,
  // ClientAuthErrorCodes; RFC 6749 §4.1.2.1, OIDC Core §3.1.2.6): documented codes, not free text.
  if (/consent_required/i.test(text))
    return { kind: 'consentRequired', message: aadstsInfo('consentMissing', ctx), code: e?.errorCode };
  if (/unauthorized_client|invalid_tenant/i.test(text))
    return { kind: 'notConfigured', message: aadstsInfo('unknownAppOrTenant', ctx), code: e?.errorCode };
  if (/redirect_uri/i.test(text))
    return { kind: 'notConfigured', message: aadstsInfo('redirectUriMissing', ctx), code: e?.errorCode };
  // Text only (error-rules.ts SIGN_IN_TEXT_RULES names the sources).
  if (matchesSignInText('cancelled', text)) {
    return { kind: 'cancelled', message: i18n.t('auth.signIn.cancelled') };
  }
  if (
    err instanceof SignInRequiredError ||
    /interaction_required|login_required|no_account|no_tokens_found|invalid_grant|refresh_token_expired|AADSTS50058|AADSTS700082/i.test(
      text,
    )
  ) {
    return { kind: 'signedOut', message: i18n.t('auth.signIn.signedOut') };
  }
  if (matchesSignInText('unreachable', text)) {
    const online = ctx.isOnline ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine !== false));
    return online()
      ? { kind: 'offline', message: i18n.t('auth.signIn.unreachable') }
      : { kind: 'offline', message: i18n.t('graph.errors.offline') };
  }
  if (e?.errorCode) {
    return { kind: 'unknown', message: i18n.t('auth.signIn.failed'), code: e.errorCode };
  }
  return null;
}

/** Turns every failure into a plain sentence that says what to do. Never includes tokens or response bodies. */
export function toErrorInfo(err: unknown, ctx: ErrorContext = {}): ErrorInfo {
  if (err instanceof AppError) return err.info;
  if (err instanceof NotConfiguredError) return { kind: 'notConfigured', message: NOT_CONFIGURED_MESSAGE };
  if (err instanceof WrongTenantError) {
    return {
      kind: 'wrongTenant',
      message: i18n.t('auth.signIn.wrongTenant', {
        accountTenant: err.accountTenantId,
        configuredTenant: err.configuredTenant,
      }),
    };
  }
  if (err instanceof GraphError) return fromGraphError(err, ctx);
  if (err instanceof TypeError)
    return fromGraphError(new GraphError({ status: 0, code: 'networkError', message: err.message }), ctx);
  const auth = fromAuthError(err, ctx);
  if (auth) return auth;
  return { kind: 'unknown', message: i18n.t('graph.errors.extension') };
}
