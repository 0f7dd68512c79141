import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMINS, APP, TARGETS, TENANT } from './seed';
import { FABRIKAM, FABRIKAM_USERS } from './seed-fabrikam';
import { startTenant, type Tenant } from './server';
import { call, claimsOf, DEFAULT_SCOPES, EXTENSION_ORIGIN, form, graph, signIn } from './test-client';

const refreshAt = (tenant: Tenant, directory: string, refreshToken: string) =>
  form(
    tenant,
    `https://login.microsoftonline.com/${directory}/oauth2/v2.0/token`,
    { client_id: APP.clientId, grant_type: 'refresh_token', refresh_token: refreshToken, scope: DEFAULT_SCOPES.join(' ') },
    { origin: EXTENSION_ORIGIN },
  );

describe('simulated tenant: a second directory (Fabrikam)', () => {
  let tenant: Tenant;
  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
  });
  afterAll(() => tenant.close());
  beforeEach(() => tenant.control.reset());

  it('answers OpenID discovery for Fabrikam by domain with its own directory id', async () => {
    const config = await call(
      tenant,
      `https://login.microsoftonline.com/${FABRIKAM.domain}/v2.0/.well-known/openid-configuration`,
    );
    expect(config.status).toBe(200);
    expect(String(config.json().issuer)).toBe(`https://login.microsoftonline.com/${FABRIKAM.id}/v2.0`);
  });

  it("redeems a Contoso refresh token at Fabrikam's authority for the account's guest user there, and back", async () => {
    const megan = await signIn(tenant, ADMINS.megan.id);
    const there = await refreshAt(tenant, FABRIKAM.domain, megan.refreshToken);
    expect(there.status).toBe(200);
    const body = there.json();
    const claims = claimsOf(String(body.access_token));
    expect(claims).toMatchObject({ tid: FABRIKAM.id, oid: FABRIKAM_USERS.meganGuest.id });
    // client_info keeps the home account (MSAL's homeAccountId): the same person in both directories.
    const info = JSON.parse(Buffer.from(String(body.client_info), 'base64url').toString('utf8'));
    expect(info).toEqual({ uid: ADMINS.megan.id, utid: TENANT.id });
    const back = await refreshAt(tenant, TENANT.domain, String(body.refresh_token));
    expect(claimsOf(String(back.json().access_token))).toMatchObject({ tid: TENANT.id, oid: ADMINS.megan.id });
  });

  it("Graph answers per the token's tid: Fabrikam's users and policy with a Fabrikam token, 404 for the other's", async () => {
    const megan = await signIn(tenant, ADMINS.megan.id);
    const fabrikam = String((await refreshAt(tenant, FABRIKAM.id, megan.refreshToken)).json().access_token);
    tenant.control.clearLog();
    expect((await graph(tenant, fabrikam, `/users/${FABRIKAM_USERS.tomas.id}`)).status).toBe(200);
    expect((await graph(tenant, fabrikam, `/users/${TARGETS.adele.id}`)).status).toBe(404);
    expect((await graph(tenant, megan.accessToken, `/users/${FABRIKAM_USERS.tomas.id}`)).status).toBe(404);
    const policy = await graph(
      tenant,
      fabrikam,
      '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass',
    );
    expect(policy.json()).toMatchObject({ maximumLifetimeInMinutes: 240 });
    const created = await graph(tenant, fabrikam, `/users/${FABRIKAM_USERS.tomas.id}/authentication/temporaryAccessPassMethods`, {
      method: 'POST',
      body: JSON.stringify({}),
      headers: { 'content-type': 'application/json' },
    });
    expect(created.status).toBe(201);
    expect(tenant.control.directory(FABRIKAM.id)?.passes[FABRIKAM_USERS.tomas.id]).toBeTruthy();
    expect(tenant.control.state.passes[FABRIKAM_USERS.tomas.id]).toBeUndefined();
    const tids = tenant.control.requestLog().map((entry) => entry.tenantId);
    expect(tids).toEqual([FABRIKAM.id, FABRIKAM.id, TENANT.id, FABRIKAM.id, FABRIKAM.id]);
  });

  it('refuses an account with no user in Fabrikam (AADSTS50020)', async () => {
    const alex = await signIn(tenant, ADMINS.alex.id);
    const there = await refreshAt(tenant, FABRIKAM.domain, alex.refreshToken);
    expect(there.status).toBe(400);
    expect(String(there.json().error_description)).toMatch(/^AADSTS50020/);
  });
});
