import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMINS, APP, TENANT } from './seed';
import { startTenant, type Tenant } from './server';
import {
  authorizeUrl,
  call,
  claimsOf,
  ctxOf,
  EXTENSION_ORIGIN,
  form,
  fragmentOf,
  graph,
  LOGIN,
  pkcePair,
  redeem,
  signIn,
} from './test-client';

describe('simulated tenant: login.microsoftonline.com', () => {
  let tenant: Tenant;
  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
  });
  afterAll(() => tenant.close());
  beforeEach(() => tenant.control.reset());

  it('answers what MSAL asks for: instance discovery, OpenID configuration (id, domain, common) and keys', async () => {
    const discovery = await call(
      tenant,
      `https://login.microsoftonline.com/common/discovery/instance?api-version=1.1&authorization_endpoint=${encodeURIComponent(`${LOGIN}/oauth2/v2.0/authorize`)}`,
    );
    expect(discovery.json().tenant_discovery_endpoint).toContain('/v2.0/.well-known/openid-configuration');
    for (const segment of [TENANT.id, TENANT.domain, 'common']) {
      const config = await call(tenant, `https://login.microsoftonline.com/${segment}/v2.0/.well-known/openid-configuration`);
      expect(config.status).toBe(200);
      expect(config.json().authorization_endpoint).toMatch(/\/oauth2\/v2\.0\/authorize$/);
    }
    const keys = await call(tenant, `https://login.microsoftonline.com/${TENANT.id}/discovery/v2.0/keys`);
    expect(keys.json<{ keys: { kty: string }[] }>().keys[0]?.kty).toBe('RSA');
  });

  it('signs in with PKCE: tokens carry aud, scp, tid, oid, nonce, client_info and a 24 h SPA refresh token', async () => {
    const session = await signIn(tenant, ADMINS.alex.id);
    const access = claimsOf(session.accessToken);
    expect(access.aud).toBe('00000003-0000-0000-c000-000000000000');
    expect(access.tid).toBe(TENANT.id);
    expect(access.oid).toBe(ADMINS.alex.id);
    expect(String(access.scp).split(' ')).toEqual(expect.arrayContaining(['User.Read', 'UserAuthMethod-TAP.ReadWrite.All']));
    const id = claimsOf(session.idToken);
    expect(id).toMatchObject({ aud: APP.clientId, nonce: 'nonce-456', preferred_username: ADMINS.alex.userPrincipalName });
    expect(JSON.parse(Buffer.from(String(session.body.client_info), 'base64url').toString())).toEqual({
      uid: ADMINS.alex.id,
      utid: TENANT.id,
    });
    expect(session.body.refresh_token_expires_in).toBeGreaterThan(86_000);
    expect(session.cookie).toMatch(/^ESTSAUTH=/);
    const me = await graph(tenant, session.accessToken, '/me');
    expect(me.json().displayName).toBe(ADMINS.alex.displayName);
  });

  it('prompt=none: login_required without a session, a code with one', async () => {
    const { challenge } = pkcePair();
    const silent = await call(tenant, authorizeUrl({ code_challenge: challenge, prompt: 'none' }));
    expect(silent.status).toBe(302);
    const error = fragmentOf(silent.headers.location);
    expect(error.get('error')).toBe('login_required');
    expect(error.get('error_description')).toMatch(/^AADSTS50058/);
    expect(error.get('state')).toBe('state-123');

    const { cookie } = await signIn(tenant, ADMINS.megan.id);
    const sso = await call(tenant, authorizeUrl({ code_challenge: challenge, prompt: 'none' }), { headers: { cookie } });
    expect(fragmentOf(sso.headers.location).get('code')).toBeTruthy();
  });

  it('asks an admin for consent to a new scope; Cancel → access_denied AADSTS65004, Accept → granted', async () => {
    const { cookie } = await signIn(tenant, ADMINS.megan.id);
    const { challenge } = pkcePair();
    const scope = 'https://graph.microsoft.com/Policy.ReadWrite.AuthenticationMethod openid profile offline_access';
    const silent = await call(tenant, authorizeUrl({ code_challenge: challenge, scope, prompt: 'none' }), {
      headers: { cookie },
    });
    expect(fragmentOf(silent.headers.location).get('error')).toBe('consent_required');
    expect(fragmentOf(silent.headers.location).get('error_description')).toMatch(/^AADSTS65001/);

    const page = await call(tenant, authorizeUrl({ code_challenge: challenge, scope }), { headers: { cookie } });
    expect(page.text).toContain('Policy.ReadWrite.AuthenticationMethod');
    const cancelled = await form(tenant, `${LOGIN}/consent`, { ctx: ctxOf(page.text), action: 'cancel' }, { cookie });
    expect(fragmentOf(cancelled.headers.location).get('error')).toBe('access_denied');
    expect(fragmentOf(cancelled.headers.location).get('error_description')).toMatch(/^AADSTS65004/);

    const again = await call(tenant, authorizeUrl({ code_challenge: challenge, scope }), { headers: { cookie } });
    const accepted = await form(tenant, `${LOGIN}/consent`, { ctx: ctxOf(again.text), action: 'accept' }, { cookie });
    expect(fragmentOf(accepted.headers.location).get('code')).toBeTruthy();
    expect(tenant.control.state.consents[APP.clientId]).toContain('Policy.ReadWrite.AuthenticationMethod');
  });

  it('shows the account picker with the admins, login_hint first', async () => {
    const { challenge } = pkcePair();
    const page = await call(
      tenant,
      authorizeUrl({ code_challenge: challenge, login_hint: ADMINS.patti.userPrincipalName.toLowerCase() }),
    );
    for (const admin of Object.values(ADMINS)) expect(page.text).toContain(`aria-label="${admin.displayName}"`);
    expect(page.text.indexOf(ADMINS.patti.displayName)).toBeLessThan(page.text.indexOf(ADMINS.megan.displayName));
  });

  it('refuses an unregistered redirect URI (AADSTS50011 page) and a missing PKCE challenge (redirect)', async () => {
    const wrong = await call(tenant, authorizeUrl({ code_challenge: 'x', redirect_uri: 'https://evil.example/' }));
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('AADSTS50011');
    const noPkce = await call(tenant, authorizeUrl({}));
    expect(fragmentOf(noPkce.headers.location).get('error_description')).toMatch(/^AADSTS9002325/);
  });

  it('checks code_verifier, redirect_uri, single use and the Origin of SPA redemption', async () => {
    const { verifier, challenge } = pkcePair();
    const codeFor = async () => {
      const picker = await call(tenant, authorizeUrl({ code_challenge: challenge }));
      const done = await form(tenant, `${LOGIN}/login`, { ctx: ctxOf(picker.text), userId: ADMINS.alex.id });
      return fragmentOf(done.headers.location).get('code') as string;
    };
    const base = { grant_type: 'authorization_code', redirect_uri: APP.redirectUri, scope: 'openid offline_access' };
    const bad = await redeem(tenant, {
      ...base,
      code: await codeFor(),
      code_verifier: 'wrong-verifier-wrong-verifier-wrong-verifier',
    });
    expect(bad.json()).toMatchObject({ error: 'invalid_grant', error_codes: [50148] });
    expect(bad.headers['access-control-allow-origin']).toBe(EXTENSION_ORIGIN);
    const noOrigin = await redeem(tenant, { ...base, code: await codeFor(), code_verifier: verifier }, null);
    expect(noOrigin.json().error_codes).toEqual([9002327]);
    const code = await codeFor();
    expect((await redeem(tenant, { ...base, code, code_verifier: verifier })).status).toBe(200);
    const reused = await redeem(tenant, { ...base, code, code_verifier: verifier });
    expect(reused.json().error_codes).toEqual([54005]);
    const otherRedirect = await redeem(tenant, {
      ...base,
      redirect_uri: 'https://x.example/',
      code: await codeFor(),
      code_verifier: verifier,
    });
    expect(otherRedirect.json().error).toBe('invalid_grant');
  });

  it('refreshes tokens until sessions are revoked (AADSTS50173)', async () => {
    const session = await signIn(tenant, ADMINS.alex.id);
    const scope = 'https://graph.microsoft.com/User.Read openid offline_access';
    const refreshed = await redeem(tenant, { grant_type: 'refresh_token', refresh_token: session.refreshToken, scope });
    expect(refreshed.status).toBe(200);
    // Every consented scope, not only the one asked for.
    expect(String(claimsOf(String(refreshed.json().access_token)).scp).split(' ')).toEqual(
      expect.arrayContaining(['User.Read', 'UserAuthMethod-TAP.ReadWrite.All']),
    );
    tenant.control.revokeSessions();
    const revoked = await redeem(tenant, { grant_type: 'refresh_token', refresh_token: session.refreshToken, scope });
    expect(revoked.json().error_codes).toEqual([50173]);
  });

  it('refuses a refresh for unconsented scopes: invalid_grant AADSTS65001 with suberror consent_required', async () => {
    const session = await signIn(tenant, ADMINS.alex.id);
    const scope = 'https://graph.microsoft.com/Directory.Read.All openid offline_access';
    const refused = await redeem(tenant, { grant_type: 'refresh_token', refresh_token: session.refreshToken, scope });
    expect(refused.status).toBe(400);
    expect(refused.json()).toMatchObject({ error: 'invalid_grant', error_codes: [65001], suberror: 'consent_required' });
  });

  it('answers CORS preflights for the token endpoint', async () => {
    const preflight = await call(tenant, `${LOGIN}/oauth2/v2.0/token`, {
      method: 'OPTIONS',
      headers: {
        origin: EXTENSION_ORIGIN,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(EXTENSION_ORIGIN);
    expect(tenant.control.requestLog().at(-1)).toMatchObject({ isPreflight: true, method: 'OPTIONS', host: 'login' });
  });
});
