import { describe, expect, it } from 'vitest';
import { parseRequest } from '@/utils/background/parse-request';

const USER = '22222222-0000-4000-8000-000000000001';
const ATTEMPT = 'c0ffee00-0000-4000-8000-000000000001';
const TICKET = 'q8Zb7c1Xy0-_aaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const DIGEST = 'a'.repeat(64);

describe('parseRequest: protocol', () => {
  it('ignores messages of other protocols', () => {
    expect(parseRequest({ type: 'somethingElse' })).toEqual({ ok: 'ignore' });
    expect(parseRequest('hello')).toEqual({ ok: 'ignore' });
    expect(parseRequest({ type: 'toString' })).toEqual({ ok: 'ignore' });
    expect(parseRequest({ type: 'constructor' })).toEqual({ ok: 'ignore' });
  });
});

describe('parseRequest: shapes', () => {
  it.each([
    [{ type: 'signIn' }, { type: 'signIn' }],
    [
      { type: 'signIn', ticket: TICKET },
      { type: 'signIn', ticket: TICKET },
    ],
    [
      { type: 'getPolicy', refresh: true },
      { type: 'getPolicy', refresh: true },
    ],
    [{ type: 'getPolicy' }, { type: 'getPolicy' }],
    [
      { type: 'introduceFrame', nonce: TICKET, userRef: USER.toUpperCase() },
      { type: 'introduceFrame', nonce: TICKET, userRef: USER },
    ],
    // The Microsoft 365 admin center may show a UPN where the object id goes: kept as written, Graph resolves it.
    [
      { type: 'introduceFrame', nonce: TICKET, userRef: 'AdeleV@contoso.onmicrosoft.com' },
      { type: 'introduceFrame', nonce: TICKET, userRef: 'AdeleV@contoso.onmicrosoft.com' },
    ],
    [
      { type: 'introduceFrame', nonce: TICKET, userRef: USER, tenant: 'Fabrikam.OnMicrosoft.com' },
      { type: 'introduceFrame', nonce: TICKET, userRef: USER, tenant: 'fabrikam.onmicrosoft.com' },
    ],
    [
      { type: 'introduceFrame', nonce: TICKET, userRef: USER, tenant: '7C2B5FF5-4D46-4F9B-8B4E-1E2F6C3A8B21' },
      { type: 'introduceFrame', nonce: TICKET, userRef: USER, tenant: '7c2b5ff5-4d46-4f9b-8b4e-1e2f6c3a8b21' },
    ],
    [
      { type: 'releaseFrame', nonce: TICKET },
      { type: 'releaseFrame', nonce: TICKET },
    ],
    [{ type: 'claimPanel' }, { type: 'claimPanel' }],
    [
      { type: 'claimPanel', ticket: TICKET },
      { type: 'claimPanel', ticket: TICKET },
    ],
    [{ type: 'getPanelState' }, { type: 'getPanelState' }],
    [
      { type: 'getPanelState', ticket: TICKET, fresh: true },
      { type: 'getPanelState', ticket: TICKET, fresh: true },
    ],
    [
      { type: 'issueTap', userId: USER, attemptId: ATTEMPT, options: {} },
      { type: 'issueTap', userId: USER, attemptId: ATTEMPT, options: {} },
    ],
    [
      {
        type: 'issueTap',
        ticket: TICKET,
        userId: USER.toUpperCase(),
        attemptId: ATTEMPT,
        options: { lifetimeInMinutes: 120, isUsableOnce: true, startDateTime: '2030-01-01T08:00:00.000Z' },
      },
      {
        type: 'issueTap',
        ticket: TICKET,
        userId: USER,
        attemptId: ATTEMPT,
        options: { lifetimeInMinutes: 120, isUsableOnce: true, startDateTime: '2030-01-01T08:00:00.000Z' },
      },
    ],
    [
      { type: 'revokeTap', userId: USER, methodId: 'bdaede67-61e0-4349-9347-d2d6afd84009' },
      { type: 'revokeTap', userId: USER, methodId: 'bdaede67-61e0-4349-9347-d2d6afd84009' },
    ],
    [
      { type: 'openPanelWindow', userRef: 'AdeleV@contoso.onmicrosoft.com', mode: 'issue' },
      { type: 'openPanelWindow', userRef: 'AdeleV@contoso.onmicrosoft.com', mode: 'issue' },
    ],
    [
      { type: 'clearClipboard', ticket: TICKET, digest: DIGEST, when: 'later' },
      { type: 'clearClipboard', ticket: TICKET, digest: DIGEST, when: 'later' },
    ],
  ])('accepts %j', (msg, request) => {
    expect(parseRequest(msg)).toEqual({ ok: true, request });
  });

  it.each([
    ['extra field on an empty request', { type: 'signOut', force: true }],
    ['refresh not boolean', { type: 'getPolicy', refresh: 'yes' }],
    ['a panel naming its own user', { type: 'getPanelState', userRef: USER }],
    ['fresh not boolean', { type: 'getPanelState', fresh: 1 }],
    ['a short ticket', { type: 'getPanelState', ticket: 'abc' }],
    ['a ticket with URL characters', { type: 'claimPanel', ticket: `${TICKET}/../x` }],
    ['a ticket that is not a string', { type: 'issueTap', ticket: 42, userId: USER, attemptId: ATTEMPT, options: {} }],
    ['introduceFrame with a path in its UPN', { type: 'introduceFrame', nonce: TICKET, userRef: 'AdeleV@contoso.com/../me' }],
    ['introduceFrame with a percent-encoded UPN', { type: 'introduceFrame', nonce: TICKET, userRef: 'AdeleV%40contoso.com' }],
    ['introduceFrame with a user reference that is not a string', { type: 'introduceFrame', nonce: TICKET, userRef: 42 }],
    ['introduceFrame without a nonce', { type: 'introduceFrame', userRef: USER }],
    ['introduceFrame with a tenant path', { type: 'introduceFrame', nonce: TICKET, userRef: USER, tenant: 'contoso.com/../x' }],
    ['introduceFrame with tenant common', { type: 'introduceFrame', nonce: TICKET, userRef: USER, tenant: 'common' }],
    [
      'introduceFrame with a tenant URL',
      { type: 'introduceFrame', nonce: TICKET, userRef: USER, tenant: 'https://evil.example' },
    ],
    ['introduceFrame with a tenant number', { type: 'introduceFrame', nonce: TICKET, userRef: USER, tenant: 42 }],
    ['introduceFrame with an empty tenant', { type: 'introduceFrame', nonce: TICKET, userRef: USER, tenant: '' }],
    ['userId a UPN', { type: 'issueTap', userId: 'AdeleV@contoso.onmicrosoft.com', attemptId: ATTEMPT, options: {} }],
    ['attemptId missing', { type: 'issueTap', userId: USER, options: {} }],
    ['options missing', { type: 'issueTap', userId: USER, attemptId: ATTEMPT }],
    ['unknown option', { type: 'issueTap', userId: USER, attemptId: ATTEMPT, options: { temporaryAccessPass: 'x' } }],
    ['lifetime not integer', { type: 'issueTap', userId: USER, attemptId: ATTEMPT, options: { lifetimeInMinutes: 60.5 } }],
    ['lifetime as string', { type: 'issueTap', userId: USER, attemptId: ATTEMPT, options: { lifetimeInMinutes: '60' } }],
    ['bad start', { type: 'issueTap', userId: USER, attemptId: ATTEMPT, options: { startDateTime: 'tomorrow' } }],
    ['methodId with a slash', { type: 'revokeTap', userId: USER, methodId: '../../x' }],
    ['mode unknown', { type: 'openPanelWindow', userRef: USER, mode: 'edit' }],
    ['options an array', { type: 'issueTap', userId: USER, attemptId: ATTEMPT, options: [] }],
    ['a digest that could be the pass', { type: 'clearClipboard', digest: '+drkzqAD', when: 'now' }],
    ['when unknown', { type: 'clearClipboard', digest: DIGEST, when: 'soon' }],
  ])('refuses %s', (_name, msg) => {
    expect(parseRequest(msg)).toMatchObject({ ok: false, error: { kind: 'invalidInput' } });
  });
});
