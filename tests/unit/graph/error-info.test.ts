import { describe, expect, it } from 'vitest';
import { NotConfiguredError, SignInRequiredError } from '@/utils/auth/errors';
import { toErrorInfo } from '@/utils/graph/error-info';
import { AppError, GraphError, graphErrorFrom, parseRetryAfter } from '@/utils/graph/errors';
import { envelope, GRANTED } from './fake-graph';

const graphError = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  graphErrorFrom(status, headers, envelope(code, message, 'rid-1'));

describe('graphErrorFrom', () => {
  it('reads code, message and innerError ids', () => {
    const e = graphError(404, 'Request_ResourceNotFound', "Resource 'x' does not exist.");
    expect(e).toMatchObject({ status: 404, code: 'Request_ResourceNotFound', requestId: 'rid-1', clientRequestId: 'client-1' });
  });
  it('falls back to headers and a generic code for bodies without the envelope', () => {
    const e = graphErrorFrom(503, { 'request-id': 'h-1', 'Retry-After': '7' }, 'oops');
    expect(e).toMatchObject({ status: 503, code: 'http503', requestId: 'h-1', retryAfterSeconds: 7 });
  });
  it('parses Retry-After as seconds (fractions round up) or an HTTP date', () => {
    expect(parseRetryAfter('2.128')).toBe(3);
    expect(parseRetryAfter('10')).toBe(10);
    expect(parseRetryAfter(new Date(60_000).toUTCString(), 0)).toBe(60);
    expect(parseRetryAfter(undefined)).toBeUndefined();
  });
});

describe('toErrorInfo', () => {
  const offline = { isOnline: () => false };
  const online = { isOnline: () => true };

  it.each([
    [
      'policy blocks',
      graphError(
        400,
        'badRequest',
        'Converged UserCredentialPolicy does not allow creating or updating this authentication method. AuthMethodType [TemporaryAccessPass].',
      ),
      'policyBlocked',
      /policy doesn't allow a pass for this user/,
    ],
    [
      'lifetime out of range',
      graphError(400, 'badRequest', 'Invalid LifetimeInMinutes specified. The valid range between 60 and 480.'),
      'lifetimeOutOfRange',
      /between 1 hour and 8 hours \(60–480 minutes\)/,
    ],
    [
      'external guest',
      graphError(400, 'badRequest', 'Temporary Access Pass cannot be added to an external guest user.'),
      'externalGuest',
      /external guest/,
    ],
    ['401', graphError(401, 'InvalidAuthenticationToken', 'Access token has expired.'), 'signedOut', /Sign in again/],
    ['404 user', graphError(404, 'Request_ResourceNotFound', 'nope'), 'notFound', /wasn't found in your directory/],
    [
      '500',
      graphError(500, 'generalException', 'boom'),
      'serverError',
      /Microsoft Graph had a problem \(500\); try again in a minute/,
    ],
    ['503', graphError(503, 'serviceNotAvailable', 'x'), 'serverError', /\(503\)/],
  ])('%s', (_name, err, kind, sentence) => {
    const info = toErrorInfo(err, online);
    expect(info.kind).toBe(kind);
    expect(info.message).toMatch(sentence);
    expect(info.requestId).toBe('rid-1');
  });

  it('429 says how long to wait and carries retryAfterSeconds', () => {
    const info = toErrorInfo(graphError(429, 'TooManyRequests', 'Please retry again later.', { 'Retry-After': '12' }));
    expect(info).toMatchObject({ kind: 'throttled', retryAfterSeconds: 12, status: 429 });
    expect(info.message).toMatch(/12 seconds/);
  });

  it('403 with the permission missing from the token asks an admin to grant consent, naming it', () => {
    const granted = GRANTED.filter((s) => !s.endsWith('UserAuthMethod-TAP.ReadWrite.All'));
    const info = toErrorInfo(graphError(403, 'accessDenied', 'Request Authorization failed'), {
      action: 'issue',
      permission: 'UserAuthMethod-TAP.ReadWrite.All',
      grantedScopes: granted,
    });
    expect(info.kind).toBe('consentRequired');
    expect(info.message).toMatch(
      /admin must grant consent.*UserAuthMethod-TAP\.ReadWrite\.All|UserAuthMethod-TAP\.ReadWrite\.All.*admin must grant consent/,
    );
  });

  it('403 with the permission granted names the role needed', () => {
    const info = toErrorInfo(
      graphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
      {
        action: 'issue',
        permission: 'UserAuthMethod-TAP.ReadWrite.All',
        grantedScopes: GRANTED,
      },
    );
    expect(info.kind).toBe('forbidden');
    expect(info.message).toMatch(/Privileged Authentication Administrator/);
  });

  it('403 on the policy names the roles that can read it', () => {
    const info = toErrorInfo(graphError(403, 'accessDenied', 'x'), {
      action: 'readPolicy',
      permission: 'Policy.Read.AuthenticationMethod',
      grantedScopes: GRANTED,
    });
    expect(info.message).toMatch(/Global Reader, Authentication Policy Administrator or Global Administrator/);
  });

  it('network failures say offline', () => {
    const net = new GraphError({ status: 0, code: 'networkError', message: 'x' });
    expect(toErrorInfo(net, offline)).toMatchObject({
      kind: 'offline',
      message: expect.stringMatching(/^You appear to be offline/),
    });
    expect(toErrorInfo(new TypeError('Failed to fetch'), offline).kind).toBe('offline');
    expect(toErrorInfo(new GraphError({ status: 0, code: 'timeout', message: 'x' }), online).message).toMatch(
      /didn't answer in time/,
    );
  });

  it('auth failures', () => {
    expect(toErrorInfo(new NotConfiguredError())).toEqual({
      kind: 'notConfigured',
      message: "Open the extension's options and enter your Application (client) ID and Directory (tenant) ID.",
    });
    expect(toErrorInfo(new SignInRequiredError('no account')).kind).toBe('signedOut');
    expect(toErrorInfo({ errorCode: 'interaction_required', message: 'x' }).kind).toBe('signedOut');
    const consent = toErrorInfo(
      { errorCode: 'consent_required', message: 'AADSTS65001: The user or administrator has not consented' },
      { permission: 'Policy.ReadWrite.AuthenticationMethod' },
    );
    expect(consent.kind).toBe('consentRequired');
    expect(consent.message).toMatch(/Policy\.ReadWrite\.AuthenticationMethod/);
    // At sign-in Entra doesn't say which scope lacks consent: the sentence lists what the extension asks for.
    const atSignIn = toErrorInfo(
      {
        errorCode: 'interaction_required',
        message: 'interaction_required: AADSTS65001: The user or administrator has not consented',
      },
      { action: 'readUser', permission: 'User.Read.All' },
    );
    expect(atSignIn.kind).toBe('consentRequired');
    expect(atSignIn.message).toMatch(
      /User\.Read, User\.Read\.All, .*UserAuthMethod-TAP\.ReadWrite\.All, Policy\.Read\.AuthenticationMethod/,
    );
    expect(toErrorInfo(new Error('The user did not approve access.')).kind).toBe('cancelled');
  });

  it('AppError passes its info through; anything else is unknown', () => {
    expect(toErrorInfo(new AppError({ kind: 'ambiguous', message: 'm' }))).toEqual({ kind: 'ambiguous', message: 'm' });
    expect(toErrorInfo('weird').kind).toBe('unknown');
  });
});
