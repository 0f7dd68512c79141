/**
 * The only places Graph and Entra errors are told apart by their text. Graph's documented contract is the status and
 * error code (graph-docs concepts/errors.md: "codes ... may change"; match the top-level code), but for the Temporary
 * Access Pass refusals Graph answers a generic 400 "badRequest" and only the message says which rule it was. Each text
 * match names where that text is documented or seen.
 */
import type { ErrorKind } from '../messages';

export type GraphTextRule = 'policyBlocked' | 'lifetimeOutOfRange' | 'externalGuest' | 'oneTimeOnly';

export interface GraphTextMatch {
  rule: GraphTextRule;
  status: number;
  /** Graph's top-level code, compared case-insensitively; Microsoft documents "badRequest". */
  code: string;
  pattern: RegExp;
  source: string;
}

export const GRAPH_TEXT_RULES: readonly GraphTextMatch[] = [
  {
    rule: 'policyBlocked',
    status: 400,
    code: 'badRequest',
    pattern: /Converged UserCredentialPolicy/i,
    source: 'MicrosoftDocs/azure-docs#111778 (message seen for a user outside the policy or a disabled policy)',
  },
  {
    rule: 'lifetimeOutOfRange',
    status: 400,
    code: 'badRequest',
    pattern: /LifetimeInMinutes[^0-9]*?(\d+)\D+(\d+)/i,
    source: 'graph-tap-detail.md §8: "Invalid LifetimeInMinutes specified. The valid range between 60 and 480."',
  },
  {
    rule: 'externalGuest',
    status: 400,
    code: 'badRequest',
    pattern: /external guest/i,
    source:
      'entra-docs howto-authentication-temporary-access-pass.md: "Temporary Access Pass cannot be added to an external guest user."',
  },
  {
    rule: 'oneTimeOnly',
    status: 400,
    code: 'badRequest',
    pattern: /usable ?once|one-time/i,
    source: 'graph-docs temporaryaccesspassauthenticationmethod.md (a multi-use pass only if the policy allows); text [U]',
  },
];

export function matchGraphText(
  status: number,
  code: string,
  message: string,
): { rule: GraphTextRule; match: RegExpExecArray } | null {
  for (const rule of GRAPH_TEXT_RULES) {
    if (rule.status !== status || rule.code.toLowerCase() !== code.toLowerCase()) continue;
    const match = rule.pattern.exec(message);
    if (match) return { rule: rule.rule, match };
  }
  return null;
}

/**
 * Entra sign-in answers, by AADSTS number (entra-docs reference-error-codes.md). The number is the documented part; the
 * page warns texts change. MSAL puts it in errorMessage/errorCode, so the number is read out of the text.
 */
export type AadstsRule =
  | 'adminApprovalNeeded'
  | 'approvalRequested'
  | 'consentMissing'
  | 'consentDeclined'
  | 'compliantDeviceRequired'
  | 'blockedByConditionalAccess'
  | 'mfaRequired'
  | 'mfaNotPassed'
  | 'signInFrequency'
  | 'spaPlatformRequired'
  | 'redirectUriMissing'
  | 'unknownAppOrTenant';

export const AADSTS_RULES: Readonly<Record<number, AadstsRule>> = {
  90094: 'adminApprovalNeeded', // AdminConsentRequired
  90095: 'approvalRequested', // AdminConsentRequiredRequestAccess (admin consent workflow)
  65001: 'consentMissing', // DelegationDoesNotExist
  90008: 'consentMissing', // TokenForItselfRequiresGraphPermission
  65004: 'consentDeclined', // UserDeclinedConsent
  53000: 'compliantDeviceRequired', // DeviceNotCompliant
  53001: 'compliantDeviceRequired', // DeviceNotDomainJoined
  53003: 'blockedByConditionalAccess', // BlockedByConditionalAccess
  530032: 'blockedByConditionalAccess', // BlockedByConditionalAccessOnSecurityPolicy
  50076: 'mfaRequired', // UserStrongAuthClientAuthNRequired
  50079: 'mfaRequired', // UserStrongAuthEnrollmentRequired
  50074: 'mfaNotPassed', // UserStrongAuthClientAuthNRequiredInterrupt
  70043: 'signInFrequency', // BadTokenDueToSignInFrequency
  70044: 'signInFrequency', // [U] its session-side twin
  9002326: 'spaPlatformRequired', // cross-origin redemption only for the SPA client type
  50011: 'redirectUriMissing', // InvalidReplyTo
  700016: 'unknownAppOrTenant', // UnauthorizedClient_DoesNotMatchRequest
  90002: 'unknownAppOrTenant', // InvalidTenantName
  900023: 'unknownAppOrTenant', // invalid tenant identifier
};

/** The first AADSTS number in a text that has a rule. */
export function aadstsRuleOf(text: string): { code: number; rule: AadstsRule } | null {
  for (const match of text.matchAll(/AADSTS(\d+)/g)) {
    const code = Number(match[1]);
    const rule = AADSTS_RULES[code];
    if (rule) return { code, rule };
  }
  return null;
}

/** What kind of error each sign-in rule is, for the panel and popup. */
export const AADSTS_KIND: Readonly<Record<AadstsRule, ErrorKind>> = {
  adminApprovalNeeded: 'consentRequired',
  approvalRequested: 'consentRequired',
  consentMissing: 'consentRequired',
  consentDeclined: 'cancelled',
  compliantDeviceRequired: 'conditionalAccess',
  blockedByConditionalAccess: 'conditionalAccess',
  mfaRequired: 'signedOut',
  mfaNotPassed: 'cancelled',
  signInFrequency: 'signedOut',
  spaPlatformRequired: 'notConfigured',
  redirectUriMissing: 'notConfigured',
  unknownAppOrTenant: 'notConfigured',
};

/**
 * Sign-in failures that carry no AADSTS number and no OAuth / MSAL error code: the browser's identity API (which runs the
 * sign-in window) and fetch report them only as text. These are the only text matches on the sign-in side; each names
 * where its texts come from. They are tried after the AADSTS numbers and the OAuth / MSAL codes.
 */
export type SignInTextRule = 'cancelled' | 'unreachable' | 'needsWindow';

export interface SignInTextMatch {
  rule: SignInTextRule;
  pattern: RegExp;
  source: string;
}

export const SIGN_IN_TEXT_RULES: readonly SignInTextMatch[] = [
  {
    // The person closed the window or declined: not an error to explain, just "sign in again".
    rule: 'cancelled',
    pattern: /user_cancelled|did not approve|cancel/i,
    source:
      'msal-browser BrowserAuthErrorCodes.userCancelled ("user_cancelled"); Chromium extensions/api/identity identity_constants kUserRejected ("The user did not approve access.") and kCanceled ("canceled"); Firefox toolkit/components/extensions ext-identity.js ("User cancelled or denied access.")',
  },
  {
    // The sign-in page or Entra couldn't be reached.
    rule: 'unreachable',
    pattern: /could not be loaded|network|fetch/i,
    source:
      'Chromium identity_constants kPageLoadFailure ("Authorization page could not be loaded."); msal-common ClientAuthErrorCodes.networkError ("network_error"); fetch\'s TypeError (Chromium "Failed to fetch", Firefox "NetworkError when attempting to fetch resource.")',
  },
  {
    // A silent (non-interactive) sign-in window needed the person: a window with them is the next step.
    rule: 'needsWindow',
    pattern: /interaction|approve|could not be loaded|timed? ?out/i,
    source:
      'Chromium identity_constants kInteractionRequired ("User interaction required."), kUserRejected, kPageLoadFailure, kPageLoadTimedOut ("Authorization page load timed out."); Firefox ext-identity.js ("Requires user interaction"); msal-browser BrowserAuthErrorCodes.timedOut ("timed_out")',
  },
];

/** Whether a sign-in failure's text matches `rule` (SIGN_IN_TEXT_RULES names each text's source). */
export function matchesSignInText(rule: SignInTextRule, text: string): boolean {
  return SIGN_IN_TEXT_RULES.some((entry) => entry.rule === rule && entry.pattern.test(text));
}
