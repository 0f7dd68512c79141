import { describe, expect, it } from 'vitest';
import { SignInRequiredError } from '@/utils/auth/errors';
import { DEFAULT_THROTTLE_WAIT_SECONDS, toErrorInfo } from '@/utils/graph/error-info';
import { aadstsRuleOf, GRAPH_TEXT_RULES, matchesSignInText, matchGraphText, SIGN_IN_TEXT_RULES } from '@/utils/graph/error-rules';
import { GraphError } from '@/utils/graph/errors';

const msalError = (errorCode: string, errorMessage: string) => ({ errorCode, errorMessage, name: 'ServerError' });

describe('error rules: Graph by status and code first, Entra by AADSTS number', () => {
  it('every text rule names its source', () => {
    for (const rule of GRAPH_TEXT_RULES) expect(rule.source.length).toBeGreaterThan(10);
  });

  it('a Converged text under another status or code is not a policy refusal', () => {
    const text = 'Converged UserCredentialPolicy does not allow creating or updating this authentication method.';
    expect(matchGraphText(400, 'badRequest', text)?.rule).toBe('policyBlocked');
    expect(matchGraphText(403, 'badRequest', text)).toBeNull();
    expect(matchGraphText(400, 'generalException', text)).toBeNull();
  });

  it.each([
    ['AADSTS90094: The grant requires admin permission.', 'consentRequired', /only an administrator can grant/i],
    ['AADSTS90095: Admin consent is required', 'consentRequired', /request for approval/i],
    ['AADSTS53000: Device is not in required device state: compliant.', 'conditionalAccess', /compliant or managed device/],
    ['AADSTS53003: Access has been blocked by Conditional Access policies.', 'conditionalAccess', /location or network/],
    ['AADSTS50076: Due to a configuration change', 'signedOut', /multifactor authentication/],
    ['AADSTS50079: Due to a configuration change', 'signedOut', /multifactor authentication/],
    ['AADSTS70043: The refresh token has expired', 'signedOut', /sign-in frequency/],
    [
      "AADSTS9002326: Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type.",
      'notConfigured',
      /under Single-page application/,
    ],
    ['AADSTS65004: User declined to consent to access the app.', 'cancelled', /choose Accept/],
  ])('%s → %s', (description, kind, sentence) => {
    const info = toErrorInfo(msalError('access_denied', description));
    expect(info.kind).toBe(kind);
    expect(info.message).toMatch(sentence);
    expect(info.code).toBe(`AADSTS${aadstsRuleOf(description)?.code}`);
  });

  it('the number decides, not the OAuth error: access_denied with 53003 is no declined consent', () => {
    expect(toErrorInfo(msalError('access_denied', 'AADSTS53003: blocked')).kind).toBe('conditionalAccess');
  });

  it('a silent sign-in that needs MFA or a fresh sign-in says why', () => {
    expect(toErrorInfo(new SignInRequiredError('session expired', 'mfa')).message).toMatch(/multifactor/);
    expect(toErrorInfo(new SignInRequiredError('session expired', 'signInFrequency')).message).toMatch(/sign-in frequency/);
    expect(toErrorInfo(new SignInRequiredError('no account')).message).toBe("You're signed out. Sign in again.");
  });

  it('a 429 without Retry-After waits a stated default and says Graph gave no time', () => {
    const info = toErrorInfo(new GraphError({ status: 429, code: 'TooManyRequests', message: 'Too many requests' }));
    expect(info).toMatchObject({ kind: 'throttled', retryAfterSeconds: DEFAULT_THROTTLE_WAIT_SECONDS });
    expect(info.message).toMatch(/didn't say how long/);
    const told = toErrorInfo(new GraphError({ status: 429, code: 'TooManyRequests', message: 'x', retryAfterSeconds: 3 }));
    expect(told).toMatchObject({ retryAfterSeconds: 3 });
  });

  it('a 403 at the click names PIM activation and administrative units', () => {
    const info = toErrorInfo(new GraphError({ status: 403, code: 'accessDenied', message: 'Request Authorization failed' }), {
      action: 'issue',
    });
    expect(info.message).toMatch(/Privileged Identity Management/);
    expect(info.message).toMatch(/administrative unit/);
  });
  it('a 429 without Retry-After waits 10 s by default, and says so in seconds', () => {
    expect(DEFAULT_THROTTLE_WAIT_SECONDS).toBe(10);
    const info = toErrorInfo(new GraphError({ status: 429, code: 'TooManyRequests', message: 'Please retry again later.' }));
    expect(info.retryAfterSeconds).toBe(10);
    expect(info.message).toMatch(/the extension waits 10 seconds/);
  });

  it('an external member refused at the POST gets their own sentence; an external guest (or an unknown user) the guest one', () => {
    const refusal = new GraphError({
      status: 400,
      code: 'badRequest',
      message: 'Temporary Access Pass cannot be added to an external guest user.',
    });
    const member = toErrorInfo(refusal, { action: 'issue', targetExternal: 'member' });
    expect(member.kind).toBe('externalMember');
    expect(member.message).toMatch(/is an external member: a member of this tenant who signs in with another organization/);
    expect(member.message).not.toMatch(/external guest/);
    expect(toErrorInfo(refusal, { action: 'issue', targetExternal: 'guest' }).kind).toBe('externalGuest');
    expect(toErrorInfo(refusal, { action: 'issue' }).message).toMatch(/This user is an external guest/);
  });

  it('sign-in texts without a code: one table, each with its source, matching the texts it cites', () => {
    for (const rule of SIGN_IN_TEXT_RULES) expect(rule.source.length).toBeGreaterThan(10);
    expect(matchesSignInText('cancelled', 'The user did not approve access.')).toBe(true);
    expect(matchesSignInText('cancelled', 'User cancelled or denied access.')).toBe(true);
    expect(matchesSignInText('cancelled', 'user_cancelled: User cancelled the flow.')).toBe(true);
    expect(matchesSignInText('unreachable', 'Authorization page could not be loaded.')).toBe(true);
    expect(matchesSignInText('unreachable', 'Failed to fetch')).toBe(true);
    expect(matchesSignInText('needsWindow', 'User interaction required.')).toBe(true);
    expect(matchesSignInText('needsWindow', 'Requires user interaction')).toBe(true);
    expect(matchesSignInText('needsWindow', 'Authorization page load timed out.')).toBe(true);
    expect(matchesSignInText('cancelled', 'AADSTS53003: blocked')).toBe(false);
    // The sentences they lead to.
    expect(toErrorInfo(new Error('The user did not approve access.')).kind).toBe('cancelled');
    expect(toErrorInfo(new Error('Authorization page could not be loaded.'), { isOnline: () => true }).kind).toBe('offline');
  });
});
