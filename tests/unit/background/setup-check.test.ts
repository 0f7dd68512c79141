import { describe, expect, it } from 'vitest';
import { WrongTenantError } from '@/utils/auth/errors';
import { SIGN_IN_SCOPES } from '@/utils/auth/scopes';
import { createDispatcher } from '@/utils/background/dispatcher';
import { checkSetup, MY_ELIGIBLE_ROLES_URL } from '@/utils/background/handlers/setup-check';
import { parseRequest } from '@/utils/background/parse-request';
import type { BackgroundServices } from '@/utils/background/services';
import { POLICY_URL } from '@/utils/graph/policy';
import { ROLE } from '@/utils/graph/roles';
import type { SetupCheckLine } from '@/utils/messages';
import { clientFor, createFakeGraph, envelope, GRANTED, on, type Route } from '../graph/fake-graph';
import { fakeAccount, fakeServices } from './services-fake';

const REDIRECT = 'https://bjppmkdmnkjkahflgkhdahmcejhldfnh.chromiumapp.org/';
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (claims: Record<string, unknown>) => `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64(claims)}.c2ln`;
const policy = (state: 'enabled' | 'disabled') => on('GET', POLICY_URL, { status: 200, body: { state, includeTargets: [] } });

interface Setup {
  wids?: string[] | null;
  scopes?: string[];
  fullTokenError?: unknown;
  signInError?: unknown;
  probe?: Awaited<ReturnType<BackgroundServices['setup']['probeAuthorize']>>;
  routes?: Route[];
}

function servicesFor(setup: Setup = {}) {
  const graph = createFakeGraph(setup.routes ?? [policy('enabled')]);
  const tokenCalls: { scopes: string[]; options: unknown }[] = [];
  const accessToken = setup.wids === null ? 'opaque-token' : jwt({ wids: setup.wids ?? [ROLE.globalAdministrator] });
  const { services } = fakeServices(clientFor(graph.fetch, { scopes: setup.scopes ?? GRANTED }), {
    setup: { redirectUri: REDIRECT, probeAuthorize: async () => setup.probe ?? { kind: 'accepted' } },
  });
  services.broker = {
    ...services.broker,
    getToken: async (scopes, options) => {
      tokenCalls.push({ scopes, options });
      if ((options as { viaAuthorize?: boolean } | undefined)?.viaAuthorize && setup.signInError) throw setup.signInError;
      if (scopes.length > 1 && setup.fullTokenError) throw setup.fullTokenError;
      return { accessToken, scopes: setup.scopes ?? GRANTED, account: fakeAccount, expiresAt: Date.now() + 3_600_000 };
    },
  };
  return { services, graph, tokenCalls };
}

const line = (lines: SetupCheckLine[], key: SetupCheckLine['key'], permission?: string) =>
  lines.find((l) => l.key === key && (!permission || l.permission === permission));

describe('checkSetup', () => {
  it('reports every line OK for a working setup, signing in through the authorization endpoint', async () => {
    const { services, tokenCalls } = servicesFor();
    const report = await checkSetup({}, services);
    expect(report.lines.map((l) => [l.key, l.permission ?? '', l.status])).toEqual([
      ['redirectUri', '', 'ok'],
      ['permission', 'User.Read', 'ok'],
      ['permission', 'User.Read.All', 'ok'],
      ['permission', 'GroupMember.Read.All', 'ok'],
      ['permission', 'UserAuthenticationMethod.Read.All', 'ok'],
      ['permission', 'UserAuthMethod-TAP.ReadWrite.All', 'ok'],
      ['permission', 'Policy.Read.AuthenticationMethod', 'ok'],
      ['roles', '', 'ok'],
      ['policyReadable', '', 'ok'],
      ['policyOn', '', 'ok'],
      ['tenant', '', 'ok'],
    ]);
    expect(line(report.lines, 'roles')?.detail).toBe(
      'Your active roles: Global Administrator. You can issue passes for anyone but yourself.',
    );
    expect(line(report.lines, 'tenant')?.detail).toBe(
      'AlexW@contoso.onmicrosoft.com belongs to directory 6b1a4ee4-3c35-4e8a-9a3d-0d1e5b2f7a10, the one the extension is set up for (contoso.onmicrosoft.com).',
    );
    expect(tokenCalls[0]).toEqual({
      scopes: ['https://graph.microsoft.com/User.Read'],
      options: { interactive: true, viaAuthorize: true },
    });
    // Consent is read from a token redeemed now, not one cached before a withdrawal.
    expect(tokenCalls[1]).toEqual({ scopes: SIGN_IN_SCOPES, options: { interactive: false, fresh: true } });
    expect(JSON.stringify(report)).not.toContain('eyJ'); // no token in the report
  });

  it('reports an unregistered redirect URI from the authorize page, without opening a sign-in', async () => {
    const { services, tokenCalls } = servicesFor({ probe: { kind: 'refused', code: 'AADSTS50011' } });
    const report = await checkSetup({}, services);
    expect(line(report.lines, 'redirectUri')).toMatchObject({
      status: 'problem',
      detail:
        "The app registration doesn't list this extension's redirect URI. Copy it from the extension's options and add it as a Single-page application redirect URI. (AADSTS50011)",
      fix: `Add ${REDIRECT} under Single-page application in App registrations › Authentication, or create the registration with the setup script above.`,
    });
    expect(line(report.lines, 'tenant')?.detail).toBe('Not checked: the sign-in can’t start until the line above is fixed.');
    expect(tokenCalls).toEqual([]);
  });

  it('reports an unknown client id from the authorize page; an unreadable answer leaves it to the sign-in', async () => {
    const unknown = await checkSetup({}, servicesFor({ probe: { kind: 'refused', code: 'AADSTS700016' } }).services);
    expect(line(unknown.lines, 'redirectUri')).toMatchObject({
      status: 'problem',
      detail:
        "Microsoft Entra doesn't know this Application (client) ID or Directory (tenant) ID. Check both in the extension's options. (AADSTS700016)",
    });
    // No host access (Firefox lets the admin withdraw it) or a network blip: the sign-in still tells what it can.
    const { services, tokenCalls } = servicesFor({ probe: { kind: 'unreachable' } });
    const report = await checkSetup({}, services);
    expect(report.lines.every((l) => l.status === 'ok')).toBe(true);
    expect(tokenCalls.length).toBeGreaterThan(0);
  });

  it('reports a redirect URI under Web when Entra refuses to redeem the code (AADSTS9002326)', async () => {
    const { services } = servicesFor({
      signInError: {
        errorCode: 'invalid_request',
        errorMessage:
          'AADSTS9002326: Cross-origin token redemption is permitted only for the Single-Page Application client-type.',
      },
    });
    const report = await checkSetup({}, services);
    expect(line(report.lines, 'redirectUri')).toMatchObject({
      status: 'problem',
      detail:
        "The app registration lists this extension's redirect URI under Web, and Microsoft Entra lets a browser extension finish a sign-in only as a Single-page application. In App registrations › Authentication, remove the URI from Web and add it under Single-page application, then sign in again. (AADSTS9002326)",
    });
    expect(line(report.lines, 'roles')?.detail).toBe('Not checked: the sign-in has to complete first.');
  });

  it('reports an account of another directory on the tenant line', async () => {
    const { services } = servicesFor({
      signInError: new WrongTenantError('9f0e0000-0000-4000-8000-000000000000', 'contoso.onmicrosoft.com'),
    });
    const report = await checkSetup({}, services);
    expect(line(report.lines, 'redirectUri')?.status).toBe('ok');
    expect(line(report.lines, 'tenant')).toMatchObject({
      status: 'problem',
      detail:
        'You signed in with an account of another directory (tenant 9f0e0000-0000-4000-8000-000000000000), so nothing was done with it. Entra TAP is set up for contoso.onmicrosoft.com: sign in with an account of that directory, or change the Directory (tenant) ID in the options.',
    });
  });

  it('names the permission that lacks consent, with the admin-consent link', async () => {
    const scopes = GRANTED.filter((s) => !s.endsWith('UserAuthMethod-TAP.ReadWrite.All'));
    const { services } = servicesFor({
      scopes,
      fullTokenError: {
        errorCode: 'consent_required',
        errorMessage: 'AADSTS65001: The user or administrator has not consented.',
      },
    });
    const report = await checkSetup({}, services);
    const tap = line(report.lines, 'permission', 'UserAuthMethod-TAP.ReadWrite.All');
    expect(tap).toMatchObject({
      status: 'problem',
      detail:
        "The extension's app registration hasn't been granted the UserAuthMethod-TAP.ReadWrite.All permission. An admin must grant consent for the app (App registrations › API permissions › Grant admin consent), then sign in again.",
      link: {
        href: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/adminconsent?client_id=0e6c7f4a-8d5b-4c1e-9f3a-2b7d6e5c4a31',
        showUrl: true,
      },
    });
    expect(line(report.lines, 'permission', 'User.Read.All')?.status).toBe('ok');
  });

  it('reports no issuing role, and says PIM can’t be read without a scope for it (nothing asked)', async () => {
    const { services, graph } = servicesFor({ wids: [ROLE.globalReader, 'b79fbf4d-3ef9-4689-8143-76b194e85509'] });
    const report = await checkSetup({}, services);
    expect(line(report.lines, 'roles')).toMatchObject({
      status: 'problem',
      detail:
        'Your active roles: Global Reader. None of them can issue a Temporary Access Pass. Roles you’re eligible for in Privileged Identity Management can’t be read with the extension’s permissions: if you have one, activate it in My roles.',
    });
    expect(graph.calls.some((c) => c.url.includes('roleEligibility'))).toBe(false);
  });

  it('names an eligible role when the token can read them', async () => {
    const { services } = servicesFor({
      wids: [],
      scopes: [...GRANTED, 'https://graph.microsoft.com/RoleEligibilitySchedule.Read.Directory'],
      routes: [
        policy('enabled'),
        (req) =>
          req.url === MY_ELIGIBLE_ROLES_URL
            ? { status: 200, body: { value: [{ roleDefinitionId: ROLE.authenticationAdministrator, directoryScopeId: '/' }] } }
            : undefined,
      ],
    });
    const report = await checkSetup({}, services);
    expect(line(report.lines, 'roles')?.detail).toBe(
      'You hold no active directory role that can issue a Temporary Access Pass. You’re eligible for Authentication Administrator in Privileged Identity Management: activate it in My roles, then check again.',
    );
  });

  it('falls back to Graph when the token is not a readable JWT, and says when Graph hides the roles', async () => {
    const { services } = servicesFor({
      wids: null,
      routes: [
        policy('enabled'),
        on('GET', '/me/transitiveMemberOf/microsoft.graph.directoryRole', {
          status: 200,
          body: { value: [{ '@odata.type': '#microsoft.graph.directoryRole', id: 'r1', roleTemplateId: null }] },
        }),
      ],
    });
    const report = await checkSetup({}, services);
    expect(line(report.lines, 'roles')).toMatchObject({
      status: 'unknown',
      detail: 'You hold directory roles, but the extension’s permissions don’t let Microsoft Graph name them.',
    });
  });

  it('reports a policy that is off, and one the role can’t read (a warning: issuing still works)', async () => {
    const off = await checkSetup({}, servicesFor({ routes: [policy('disabled')] }).services);
    expect(line(off.lines, 'policyOn')).toMatchObject({
      status: 'problem',
      detail:
        'The Temporary Access Pass policy is turned off in this tenant. An Authentication Policy Administrator can turn it on in Authentication methods › Policies.',
    });
    const refused = await checkSetup(
      {},
      servicesFor({
        routes: [on('GET', POLICY_URL, { status: 403, body: envelope('accessDenied', 'Request Authorization failed') })],
      }).services,
    );
    expect(line(refused.lines, 'policyReadable')).toMatchObject({
      status: 'warning',
      detail:
        'Your admin role can’t read the Temporary Access Pass policy. Global Reader, Authentication Policy Administrator or Global Administrator can read it.',
    });
    expect(line(refused.lines, 'policyOn')).toMatchObject({
      status: 'unknown',
      detail: 'Can’t tell: the policy couldn’t be read (see the line above).',
    });
  });
});

describe('checkSetup: the protocol', () => {
  const SELF = { id: 'ext', pagesBaseUrl: 'chrome-extension://ext/' };

  it('takes no fields, and answers only the options page', async () => {
    expect(parseRequest({ type: 'checkSetup' })).toEqual({ ok: true, request: { type: 'checkSetup' } });
    expect(parseRequest({ type: 'checkSetup', scopes: ['x'] })).toMatchObject({ ok: false, error: { kind: 'invalidInput' } });
    const dispatch = createDispatcher(servicesFor().services, SELF);
    const fromPopup = await dispatch({ type: 'checkSetup' }, { id: 'ext', url: 'chrome-extension://ext/popup.html' });
    expect(fromPopup).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const fromOptions = await dispatch(
      { type: 'checkSetup' },
      { id: 'ext', url: 'chrome-extension://ext/options.html', tab: { id: 2, windowId: 1 }, frameId: 0 },
    );
    expect(fromOptions).toMatchObject({ ok: true, data: { username: 'AlexW@contoso.onmicrosoft.com' } });
  });
});
