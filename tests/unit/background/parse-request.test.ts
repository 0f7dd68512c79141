import { describe, expect, it } from 'vitest';
import { parseRequest } from '@/utils/background/parse-request';

const SELF = { id: 'bjppmkdmnkjkahflgkhdahmcejhldfnh', pagesBaseUrl: 'chrome-extension://bjppmkdmnkjkahflgkhdahmcejhldfnh/' };
const PAGE = { id: SELF.id, url: 'chrome-extension://bjppmkdmnkjkahflgkhdahmcejhldfnh/panel.html?userRef=x' };
const USER = '22222222-0000-4000-8000-000000000001';
const ATTEMPT = 'c0ffee00-0000-4000-8000-000000000001';

describe('parseRequest: sender', () => {
  it('accepts the extension’s own pages', () => {
    expect(parseRequest({ type: 'getSession' }, PAGE, SELF)).toEqual({ ok: true, request: { type: 'getSession' } });
  });
  it.each([
    ['a content script (same id, web page url)', { id: SELF.id, url: 'https://entra.microsoft.com/#view/x' }],
    [
      'another extension',
      { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/page.html' },
    ],
    ['no url', { id: SELF.id }],
    ['a look-alike origin prefix', { id: SELF.id, url: 'chrome-extension://bjppmkdmnkjkahflgkhdahmcejhldfnhX/panel.html' }],
  ])('refuses %s', (_name, sender) => {
    const result = parseRequest({ type: 'getSession' }, sender, SELF);
    expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
  it('ignores messages of other protocols', () => {
    expect(parseRequest({ type: 'somethingElse' }, PAGE, SELF)).toEqual({ ok: 'ignore' });
    expect(parseRequest('hello', PAGE, SELF)).toEqual({ ok: 'ignore' });
    expect(parseRequest({ type: 'toString' }, PAGE, SELF)).toEqual({ ok: 'ignore' });
  });
});

describe('parseRequest: shapes', () => {
  it.each([
    [{ type: 'signIn' }, { type: 'signIn' }],
    [
      { type: 'getPolicy', refresh: true },
      { type: 'getPolicy', refresh: true },
    ],
    [{ type: 'getPolicy' }, { type: 'getPolicy' }],
    [
      { type: 'getPanelState', userRef: 'chris_fabrikam.com#EXT#@contoso.onmicrosoft.com' },
      { type: 'getPanelState', userRef: 'chris_fabrikam.com#EXT#@contoso.onmicrosoft.com' },
    ],
    [
      { type: 'getPanelState', userRef: USER.toUpperCase() },
      { type: 'getPanelState', userRef: USER },
    ],
    [
      { type: 'issueTap', userId: USER, attemptId: ATTEMPT, options: {} },
      { type: 'issueTap', userId: USER, attemptId: ATTEMPT, options: {} },
    ],
    [
      {
        type: 'issueTap',
        userId: USER,
        attemptId: ATTEMPT,
        options: { lifetimeInMinutes: 120, isUsableOnce: true, startDateTime: '2030-01-01T08:00:00.000Z' },
      },
      {
        type: 'issueTap',
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
  ])('accepts %j', (msg, request) => {
    expect(parseRequest(msg, PAGE, SELF)).toEqual({ ok: true, request });
  });

  it.each([
    ['extra field on an empty request', { type: 'signOut', force: true }],
    ['refresh not boolean', { type: 'getPolicy', refresh: 'yes' }],
    ['userRef missing', { type: 'getPanelState' }],
    ['userRef hostile', { type: 'getPanelState', userRef: '../me?$select=x' }],
    ['userRef not a string', { type: 'getPanelState', userRef: 42 }],
    ['extra field', { type: 'getPanelState', userRef: USER, token: 'x' }],
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
  ])('refuses %s', (_name, msg) => {
    expect(parseRequest(msg, PAGE, SELF)).toMatchObject({ ok: false, error: { kind: 'invalidInput' } });
  });
});
