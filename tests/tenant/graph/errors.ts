/** Microsoft Graph's error envelope (graph-docs: concepts/errors.md) and the messages this tenant answers with. */
import type { GraphResult, RequestMeta } from './types';

export function graphError(
  meta: RequestMeta,
  status: number,
  code: string,
  message: string,
  options: { innerMessage?: boolean; headers?: Record<string, string> } = {},
): GraphResult {
  const innerError: Record<string, string> = {
    date: meta.date,
    'request-id': meta.requestId,
    'client-request-id': meta.clientRequestId,
  };
  if (options.innerMessage) innerError.message = message;
  return { status, headers: options.headers, body: { error: { code, message, innerError } } };
}

export const MESSAGES = {
  /** Directory endpoints (graph-docs: concepts/json-batching.md inner 403 sample). */
  insufficientPrivileges: 'Insufficient privileges to complete the operation.',
  /** Authentication-method endpoints: public scripts match "accessDenied" + "Request Authorization failed" (graph-tap-detail.md §4.2). */
  requestAuthorizationFailed: 'Request Authorization failed',
  notFound: (ref: string) => `Resource '${ref}' does not exist or one of its queried reference-property objects are not present.`,
  segmentNotFound: (segment: string) => `Resource not found for the segment '${segment}'.`,
  /** azure-docs issue #111778; glueckkanja/MyWorkID#47. */
  convergedPolicy:
    'Converged UserCredentialPolicy does not allow creating or updating this authentication method. AuthMethodType [TemporaryAccessPass].',
  /** entra-docs: howto-authentication-temporary-access-pass.md */
  externalGuest: 'Temporary Access Pass cannot be added to an external guest user.',
  /** microsoftgraph/microsoft-graph-docs PR #12187 (observed body). */
  invalidLifetime: (min: number, max: number) =>
    `Invalid LifetimeInMinutes specified. The valid range between ${min} and ${max}.`,
  /** [U] The docs only say a multi-use pass needs the policy to allow it; the real text is unknown. */
  multiUseForbidden: 'Invalid IsUsableOnce specified. The Temporary Access Pass policy only allows one-time use passes.',
  /** [U] exact texts for an unusable startDateTime. */
  invalidStartDateTime: 'Invalid StartDateTime specified.',
  startDateTimeInPast: 'Invalid StartDateTime specified. StartDateTime cannot be in the past.',
  /** [U] */
  tapNotFound: 'The requested Temporary Access Pass authentication method was not found.',
  tokenEmpty: 'Access token is empty.',
  tokenInvalid: 'Access token validation failure. Invalid audience.',
  tokenExpired: 'Lifetime validation failed, the token is expired.',
  /** [U] text as seen in CAE answers; the docs show only the header. */
  caeChallenge:
    'Continuous access evaluation resulted in challenge with result: InteractionRequired and code: TokenIssuedBeforeRevocationTimestamp',
  tokenMalformed: 'IDX14100: JWT is not well formed, there are no dots (.).',
  tokenSignature: 'Access token validation failure.',
  throttled: 'Please retry again later.',
} as const;
