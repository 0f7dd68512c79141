/** Entra ID (AADSTS) error bodies and redirects. Codes and texts from learn.microsoft.com "Microsoft Entra authentication and authorization error codes". */
import { randomUUID } from 'node:crypto';
import { type HttpReply, jsonReply, redirectReply } from '../http';

export const AADSTS = {
  tenantNotFound: (tenant: string) =>
    `AADSTS90002: Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
  appNotFound: (clientId: string, tenant: string) =>
    `AADSTS700016: Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
  redirectMismatch: (redirectUri: string, clientId: string) =>
    `AADSTS50011: The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`,
  missingParameter: (name: string) => `AADSTS900144: The request body must contain the following parameter: '${name}'.`,
  pkceRequired: 'AADSTS9002325: Proof Key for Code Exchange is required for cross-origin authorization code redemption.',
  /** [U] exact text for a non-S256 challenge method. */
  pkceMethod:
    "AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request. Only 'S256' is supported.",
  noSession: 'AADSTS50058: A silent sign-in request was sent but no user is signed in.',
  consentMissing: (clientId: string, appName: string) =>
    `AADSTS65001: The user or administrator has not consented to use the application with ID '${clientId}' named '${appName}'. Send an interactive authorization request for this user and resource.`,
  consentDeclined: 'AADSTS65004: User declined to consent to access the app.',
  adminApprovalNeeded: (appName: string) =>
    `AADSTS90094: The grant requires admin permission. ${appName} needs permission to access resources in your organization that only an admin can grant.`,
  /** [U] exact text; the code is AdminConsentRequiredRequestAccess (reference-error-codes.md). */
  adminApprovalRequested: (appName: string) =>
    `AADSTS90095: Admin consent is required for the permissions requested by ${appName}. An approval request has been sent to your admins.`,
  /** reference-error-codes.md AADSTS9002326; the "Request origin" tail as Entra appends it (MicrosoftDocs/azure-docs#100859). */
  spaOnlyCrossOrigin: (origin: string) =>
    `AADSTS9002326: Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type. Request origin: '${origin}'.`,
  codeRedeemed:
    'AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
  codeExpired:
    'AADSTS70008: The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
  codeInvalid: 'AADSTS9002313: Invalid request. Request is malformed or invalid.',
  verifierMismatch:
    'AADSTS50148: The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.',
  /** [U] exact text when the token request's redirect_uri differs from the authorize request's. */
  redirectUriChanged:
    "AADSTS70000: Provided value for the input parameter 'redirect_uri' is not valid. It does not match the value sent in the authorization request.",
  clientMismatch: 'AADSTS700005: Provided Authorization Code is intended to use against other tenant or client, thus rejected.',
  spaNeedsOrigin:
    "AADSTS9002327: Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
  /** errors AADSTS50020: the account has no user in this directory (not invited). */
  userNotInTenant: (tenantName: string) =>
    `AADSTS50020: User account from identity provider does not exist in tenant '${tenantName}' and cannot access the application in that tenant. The account needs to be added as an external user in the tenant first.`,
  refreshRevoked:
    'AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.',
  spaRefreshExpired:
    'AADSTS700084: The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page.',
  unsupportedGrant: (grant: string) => `AADSTS70003: The app requested an unsupported grant type '${grant}'.`,
  transient: 'AADSTS90033: A transient error has occurred. Please try again.',
} as const;

export function aadstsCode(description: string): number {
  const match = /^AADSTS(\d+)/.exec(description);
  return match ? Number(match[1]) : 0;
}

function entraTimestamp(date = new Date()): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

/** The JSON body /token answers with on failure. */
export function entraErrorBody(error: string, description: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = entraTimestamp();
  return {
    error,
    error_description: `${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [aadstsCode(description)],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${aadstsCode(description)}`,
    ...extra,
  };
}

export function entraErrorReply(
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
  extra: Record<string, unknown> = {},
): HttpReply {
  return jsonReply(status, entraErrorBody(error, description, extra), headers);
}

/** Authorization errors go back to the app: redirect_uri + error, error_description, state (fragment for MSAL). */
export function errorRedirect(
  target: { redirectUri: string; responseMode: 'fragment' | 'query'; state: string | null },
  error: string,
  description: string,
  headers: Record<string, string | string[]> = {},
): HttpReply {
  const params = new URLSearchParams({ error, error_description: description });
  if (target.state !== null) params.set('state', target.state);
  return redirectReply(appendResponse(target.redirectUri, target.responseMode, params), headers);
}

export function appendResponse(redirectUri: string, mode: 'fragment' | 'query', params: URLSearchParams): string {
  if (mode === 'fragment') return `${redirectUri}#${params.toString()}`;
  return `${redirectUri}${redirectUri.includes('?') ? '&' : '?'}${params.toString()}`;
}
