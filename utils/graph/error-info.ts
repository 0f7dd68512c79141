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
export const consentMissingSentence = (permission: string) =>
  `The extension's app registration hasn't been granted the ${permission} permission. An admin must grant consent for the app (App registrations › API permissions › Grant admin consent), then sign in again.`;

export const NOT_CONFIGURED_MESSAGE =
  "Open the extension's options and enter your Application (client) ID and Directory (tenant) ID.";

const ROLE_SENTENCES: Record<GraphAction, string> = {
  readUser:
    "Your admin role can't read this user. Ask for a role that can read users (for example Global Reader), or activate it in Privileged Identity Management.",
  readMethods:
    "Your admin role can't read this user's authentication methods. Authentication Administrator, Privileged Authentication Administrator or Global Reader can (activate the role in Privileged Identity Management if it's eligible; a role limited to an administrative unit reads only its members).",
  issue:
    "Your admin role can't issue a Temporary Access Pass for this user. Authentication Administrators can act on users without admin roles; for admins you need Privileged Authentication Administrator or Global Administrator. If your role is eligible in Privileged Identity Management, activate it in My roles and try again; if it is limited to an administrative unit, this user is outside it or in a restricted management unit that only its own admins can change.",
  revoke:
    "Your admin role can't remove this user's Temporary Access Pass. Authentication Administrators can act on users without admin roles; for admins you need Privileged Authentication Administrator or Global Administrator. If your role is eligible in Privileged Identity Management, activate it in My roles and try again; if it is limited to an administrative unit, this user is outside it or in a restricted management unit.",
  readPolicy:
    'Your admin role can’t read the Temporary Access Pass policy. Global Reader, Authentication Policy Administrator or Global Administrator can read it.',
  writePolicy:
    'Only an Authentication Policy Administrator or Global Administrator can turn the Temporary Access Pass policy on. Ask one of them, or activate that role in Privileged Identity Management.',
  signIn: "You don't have permission for this. Ask an administrator for the right role.",
};

/** The actions whose 403 sentence tells the admin to activate a role in Privileged Identity Management (it gets the link). */
export const ROLE_ACTIVATION_ACTIONS: ReadonlySet<GraphAction> = new Set(
  (Object.keys(ROLE_SENTENCES) as GraphAction[]).filter((action) =>
    ROLE_SENTENCES[action].includes('Privileged Identity Management'),
  ),
);

const NOT_FOUND_SENTENCES: Partial<Record<GraphAction, string>> = {
  revoke: 'That Temporary Access Pass is already gone. Nothing else to do.',
  readPolicy:
    "Microsoft Graph didn't find the Temporary Access Pass policy in this tenant. Open Authentication methods › Policies in the Entra admin center to check it.",
};

function minutesInWords(minutes: number): string {
  if (minutes % 1440 === 0) return `${minutes / 1440} day${minutes === 1440 ? '' : 's'}`;
  if (minutes % 60 === 0) return `${minutes / 60} hour${minutes === 60 ? '' : 's'}`;
  return `${minutes} minutes`;
}

/** "between 1 hour and 8 hours (60–480 minutes)" */
export function lifetimeRangeInWords(min: number, max: number): string {
  return `between ${minutesInWords(min)} and ${minutesInWords(max)} (${min}–${max} minutes)`;
}

/**
 * A 429 without Retry-After (the authentication-methods APIs send none): throttling.md says to back off exponentially;
 * the reads already did (middleware.ts), so the admin is asked to wait this long before clicking again. [U] the figure.
 */
export const DEFAULT_THROTTLE_WAIT_SECONDS = 10;

/** A lifetime outside the policy's range: the same sentence whether the extension or Graph catches it. */
export const lifetimeOutOfRangeInfo = (min: number, max: number): ErrorInfo => ({
  kind: 'lifetimeOutOfRange',
  message: `The lifetime must be ${lifetimeRangeInWords(min, max)}, as the policy sets. Choose a lifetime in that range.`,
});

/** A reusable pass asked for under a one-time-only policy: the same sentence whether the extension or Graph catches it. */
export const ONE_TIME_ONLY_INFO: ErrorInfo = {
  kind: 'invalidInput',
  message: 'The policy makes every pass one-time use. Issue a one-time pass instead.',
};

/** The sentences for Graph refusals told apart only by their text (error-rules.ts names each text's source). */
const TEXT_RULE_INFO: Record<GraphTextRule, (match: RegExpExecArray, ctx: ErrorContext) => ErrorInfo> = {
  policyBlocked: () => ({
    kind: 'policyBlocked',
    message:
      "The Temporary Access Pass policy doesn't allow a pass for this user: it is turned off, or the user is outside its included groups or in an excluded group. Change the policy (Authentication methods › Policies › Temporary Access Pass) or the user's groups, then try again.",
  }),
  lifetimeOutOfRange: (match) => lifetimeOutOfRangeInfo(Number(match[1]), Number(match[2])),
  externalGuest: (_match, ctx) =>
    ctx.targetExternal === 'member'
      ? {
          kind: 'externalMember',
          message:
            "This user is an external member: a member of this tenant who signs in with another organization's account (B2B or cross-tenant synchronization). Microsoft Entra can't give them a Temporary Access Pass here; their home organization's admins can issue one there.",
        }
      : {
          kind: 'externalGuest',
          message:
            "This user is an external guest, and Microsoft Entra can't give external guests a Temporary Access Pass. They sign in with their home organization's account; ask its admins for a pass there.",
        },
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
    if (!online())
      return withIds({ kind: 'offline', message: 'You appear to be offline. Check your connection, then try again.' }, err);
    if (err.code === 'timeout')
      return withIds(
        { kind: 'offline', message: "Microsoft Graph didn't answer in time. Check your connection, then try again." },
        err,
      );
    return withIds(
      {
        kind: 'offline',
        message: "You appear to be offline, or Microsoft Graph can't be reached. Check your connection, then try again.",
      },
      err,
    );
  }
  const text = matchGraphText(err.status, err.code, message);
  if (text) return withIds(TEXT_RULE_INFO[text.rule](text.match, ctx), err);
  if (err.status === 401) {
    // Still challenged after a token with the claims: the session itself ended (continuous access evaluation).
    if (err.claimsChallenge)
      return withIds(
        {
          kind: 'signedOut',
          message:
            'Microsoft Entra ended your session at once (continuous access evaluation, for example after your sessions were revoked or your password changed). Sign in again.',
        },
        err,
      );
    return withIds({ kind: 'signedOut', message: 'Your sign-in has expired. Sign in again.' }, err);
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
    return withIds({ kind: 'forbidden', message: ROLE_SENTENCES[action ?? 'signIn'] }, err);
  }
  if (err.status === 404) {
    const sentence =
      (action && NOT_FOUND_SENTENCES[action]) ??
      "This user wasn't found in your directory. Check the object ID or user principal name; the account may have been deleted.";
    return withIds({ kind: 'notFound', message: sentence }, err);
  }
  if (err.status === 429) {
    const wait = err.retryAfterSeconds;
    return withIds(
      {
        kind: 'throttled',
        message:
          wait !== undefined
            ? `Microsoft Graph is busy and asked to wait ${wait} second${wait === 1 ? '' : 's'}. Try again in ${wait} second${wait === 1 ? '' : 's'}.`
            : `Microsoft Graph is throttling requests and didn't say how long to wait, so the extension waits ${DEFAULT_THROTTLE_WAIT_SECONDS} seconds. Try again then.`,
        retryAfterSeconds: wait ?? DEFAULT_THROTTLE_WAIT_SECONDS,
      },
      err,
    );
  }
  if (err.status >= 500) {
    return withIds(
      {
        kind: 'serverError',
        message: `Microsoft Graph had a problem (${err.status}); try again in a minute. If it keeps happening, give Microsoft support the request ID.`,
        ...(err.retryAfterSeconds !== undefined && { retryAfterSeconds: err.retryAfterSeconds }),
      },
      err,
    );
  }
  if (err.status === 400) {
    return withIds({ kind: 'invalidInput', message: `Microsoft Graph refused the request: ${oneSentence(message)}` }, err);
  }
  return withIds(
    {
      kind: 'unknown',
      message: `Microsoft Graph answered ${err.status}. Try again; if it keeps happening, note the request ID.`,
    },
    err,
  );
}

/** Graph's own message, trimmed to one safe sentence (it never contains a pass value: only errors reach here). */
function oneSentence(message: string): string {
  const first = message.split(/(?<=\.)\s/)[0] ?? message;
  return first.length > 200 ? `${first.slice(0, 197)}…` : first;
}

const ADMINS_WHO_CAN_CONSENT =
  'a Global Administrator, Privileged Role Administrator, Cloud Application Administrator or Application Administrator';

function aadstsInfo(rule: AadstsRule, ctx: ErrorContext): string {
  const permissions =
    ctx.permission === POLICY_WRITE_PERMISSION
      ? `the ${ctx.permission} permission`
      : `the permissions it signs in with: ${SIGN_IN_PERMISSIONS.join(', ')}`;
  switch (rule) {
    case 'adminApprovalNeeded':
      return `Only an administrator can grant the extension's app ${permissions}, and your account can't. Send the admin-consent link to ${ADMINS_WHO_CAN_CONSENT}; once they accept, sign in again.`;
    case 'approvalRequested':
      return "Your request for approval went to your organization's admins. Once one of them approves the extension's app, sign in again.";
    case 'consentMissing':
      // Entra doesn't say which scope lacks consent: only an incremental request (the policy write) pins it down.
      return `An admin must grant consent for the extension's app for ${permissions}: ${ADMINS_WHO_CAN_CONSENT} can open the admin-consent link (or Entra admin center › App registrations › API permissions › Grant admin consent). Then sign in again.`;
    case 'consentDeclined':
      return 'The permissions weren’t granted, so you aren’t signed in. Sign in again and choose Accept, or send the admin-consent link to an administrator.';
    case 'compliantDeviceRequired':
      return "Your organization's Conditional Access requires a compliant or managed device for this app, and this browser isn't on one. Sign in from a managed device, or ask your admin which policy applies (the sign-in logs name it).";
    case 'blockedByConditionalAccess':
      return 'Conditional Access blocks this sign-in, for example from this location or network. Connect from an allowed network or location, or ask your admin which policy applies (the sign-in logs name it).';
    case 'mfaRequired':
      return 'Your organization now requires multifactor authentication for this app. Sign in again and complete the verification.';
    case 'mfaNotPassed':
      return "The multifactor verification wasn't completed, so you aren't signed in. Sign in again and approve the request.";
    case 'signInFrequency':
      return 'Your organization asks you to sign in again after a set time (Conditional Access sign-in frequency). Sign in again.';
    case 'spaPlatformRequired':
      return "The app registration lists this extension's redirect URI under Web, and Microsoft Entra lets a browser extension finish a sign-in only as a Single-page application. In App registrations › Authentication, remove the URI from Web and add it under Single-page application, then sign in again.";
    case 'redirectUriMissing':
      return "The app registration doesn't list this extension's redirect URI. Copy it from the extension's options and add it as a Single-page application redirect URI.";
    case 'unknownAppOrTenant':
      return "Microsoft Entra doesn't know this Application (client) ID or Directory (tenant) ID. Check both in the extension's options.";
  }
}

/** The sentence for an Entra sign-in answer by its rule (the setup check reports them without an error in hand). */
export const signInSentence = (rule: AadstsRule): string => aadstsInfo(rule, {});

const SIGN_IN_AGAIN_SENTENCES: Record<NonNullable<SignInRequiredError['reason']>, string> = {
  mfa: aadstsInfo('mfaRequired', {}),
  signInFrequency: aadstsInfo('signInFrequency', {}),
};

function fromAuthError(err: unknown, ctx: ErrorContext): ErrorInfo | null {
  const e = err as { errorCode?: string; subError?: string; errorMessage?: string; message?: string; name?: string } | null;
  const text = `${e?.errorCode ?? ''} ${e?.subError ?? ''} ${e?.errorMessage ?? ''} ${e?.message ?? ''}`;
  if (err instanceof SignInRequiredError && err.reason)
    return { kind: 'signedOut', message: SIGN_IN_AGAIN_SENTENCES[err.reason] };
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
    return { kind: 'cancelled', message: 'Sign-in was cancelled. Click Sign in to try again.' };
  }
  if (
    err instanceof SignInRequiredError ||
    /interaction_required|login_required|no_account|no_tokens_found|invalid_grant|refresh_token_expired|AADSTS50058|AADSTS700082/i.test(
      text,
    )
  ) {
    return { kind: 'signedOut', message: "You're signed out. Sign in again." };
  }
  if (matchesSignInText('unreachable', text)) {
    const online = ctx.isOnline ?? (() => (typeof navigator === 'undefined' ? true : navigator.onLine !== false));
    return online()
      ? { kind: 'offline', message: "The Microsoft sign-in page couldn't be reached. Check your connection, then sign in again." }
      : { kind: 'offline', message: 'You appear to be offline. Check your connection, then try again.' };
  }
  if (e?.errorCode) {
    return {
      kind: 'unknown',
      message: 'Signing in to Microsoft Entra failed. Sign in again; if it keeps failing, note the error code.',
      code: e.errorCode,
    };
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
      message: `You signed in with an account of another directory (tenant ${err.accountTenantId}), so nothing was done with it. Entra TAP is set up for ${err.configuredTenant}: sign in with an account of that directory, or change the Directory (tenant) ID in the options.`,
    };
  }
  if (err instanceof GraphError) return fromGraphError(err, ctx);
  if (err instanceof TypeError)
    return fromGraphError(new GraphError({ status: 0, code: 'networkError', message: err.message }), ctx);
  const auth = fromAuthError(err, ctx);
  if (auth) return auth;
  return { kind: 'unknown', message: 'Something went wrong in the extension. Try again.' };
}
