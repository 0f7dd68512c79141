import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromiumArgsFor, cloudOfHost, HOSTS, hostKindOf } from './hosts';
import { ADMINS, APP, EXTENSION_SCOPES, TENANT } from './seed';
import { USGOV_TENANT, USGOV_USERS } from './seed-usgov';
import { startTenant, type Tenant } from './server';
import {
  authorizeUrl,
  call,
  claimsOf,
  EXTENSION_ORIGIN,
  fragmentOf,
  GRAPH_USGOV,
  graph,
  pkcePair,
  redeem,
  signIn,
} from './test-client';

const GOV_LOGIN = `https://login.microsoftonline.us/${USGOV_TENANT.domain}`;
const GOV_SCOPES = [
  ...EXTENSION_SCOPES.map((scope) => `https://graph.microsoft.us/${scope}`),
  'openid',
  'profile',
  'offline_access',
];
const WORLDWIDE_SCOPES = [
  ...EXTENSION_SCOPES.map((scope) => `https://graph.microsoft.com/${scope}`),
  'openid',
  'profile',
  'offline_access',
];

const govGraph = (tenant: Tenant, token: string, path: string, init: Parameters<typeof call>[2] = {}) =>
  call(tenant, `${GRAPH_USGOV}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });

describe('simulated tenant: the US Government cloud (Contoso US Government)', () => {
  let tenant: Tenant;
  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
  });
  afterAll(() => tenant.close());
  beforeEach(() => tenant.control.reset());

  it('knows the Gov hosts, their cloud and kind, and maps them for Chromium', () => {
    for (const host of [HOSTS.loginUsGov, HOSTS.graphUsGov, HOSTS.entraUsGov, HOSTS.azurePortalUsGov, HOSTS.intuneUsGov]) {
      expect(cloudOfHost(host)).toBe('usGov');
      expect(chromiumArgsFor(443)[0]).toContain(`MAP ${host} 127.0.0.1:443`);
    }
    expect(cloudOfHost('graph.microsoft.com:443')).toBe('global');
    expect(hostKindOf('login.microsoftonline.us')).toBe('login');
    expect(hostKindOf('graph.microsoft.us')).toBe('graph');
    expect(hostKindOf('entra.microsoft.us')).toBe('portal');
    expect(tenant.control.directories().find((d) => d.id === USGOV_TENANT.id)).toMatchObject({ cloud: 'usGov' });
  });

  it('signs a Gov admin in at login.microsoftonline.us and answers Graph on graph.microsoft.us, logged as Gov', async () => {
    const avery = await signIn(tenant, USGOV_USERS.avery.id, GOV_SCOPES, GOV_LOGIN);
    const claims = claimsOf(avery.accessToken);
    expect(claims).toMatchObject({
      tid: USGOV_TENANT.id,
      oid: USGOV_USERS.avery.id,
      iss: `https://login.microsoftonline.us/${USGOV_TENANT.id}/`,
    });
    expect(claimsOf(avery.idToken).iss).toBe(`https://login.microsoftonline.us/${USGOV_TENANT.id}/v2.0`);
    // The token response qualifies the scopes it adds with the Gov Graph resource.
    expect(String(avery.body.scope)).toContain('https://graph.microsoft.us/User.Read');
    expect(String(avery.body.scope)).not.toContain('graph.microsoft.com');

    tenant.control.clearLog();
    const riley = await govGraph(tenant, avery.accessToken, `/users/${USGOV_USERS.riley.id}`);
    expect(riley.status).toBe(200);
    expect(riley.json()['@odata.context']).toMatch(/^https:\/\/graph\.microsoft\.us\/v1\.0\/\$metadata#users/);
    const created = await govGraph(
      tenant,
      avery.accessToken,
      `/users/${USGOV_USERS.riley.id}/authentication/temporaryAccessPassMethods`,
      {
        method: 'POST',
        body: {},
      },
    );
    expect(created.status).toBe(201);
    expect(created.json()).toMatchObject({ lifetimeInMinutes: 90 });
    expect(tenant.control.directory(USGOV_TENANT.id)?.passes[USGOV_USERS.riley.id]).toBeTruthy();
    expect(tenant.control.state.passes[USGOV_USERS.riley.id]).toBeUndefined();
    const log = tenant.control.requestLog();
    expect(log.map((entry) => [entry.host, entry.hostName, entry.cloud, entry.tenantId])).toEqual([
      ['graph', 'graph.microsoft.us', 'usGov', USGOV_TENANT.id],
      ['graph', 'graph.microsoft.us', 'usGov', USGOV_TENANT.id],
    ]);
  });

  it('offers the Gov accounts on the Gov picker and the Gov directory for common', async () => {
    const { challenge } = pkcePair();
    const picker = await call(
      tenant,
      authorizeUrl({ code_challenge: challenge, scope: GOV_SCOPES.join(' ') }, 'https://login.microsoftonline.us/organizations'),
    );
    expect(picker.status).toBe(200);
    expect(picker.text).toContain(USGOV_USERS.avery.userPrincipalName);
    expect(picker.text).not.toContain(ADMINS.megan.userPrincipalName);
    const avery = await signIn(tenant, USGOV_USERS.jordan.id, ['User.Read', 'openid'], 'https://login.microsoftonline.us/common');
    expect(claimsOf(avery.accessToken).tid).toBe(USGOV_TENANT.id);
  });

  it('refuses a directory of the other cloud at either login host (AADSTS90002)', async () => {
    const { challenge } = pkcePair();
    const worldwideAtGov = await call(
      tenant,
      authorizeUrl({ code_challenge: challenge }, `https://login.microsoftonline.us/${TENANT.domain}`),
    );
    expect(worldwideAtGov.status).toBe(400);
    expect(worldwideAtGov.text).toContain('AADSTS90002');
    const govAtWorldwide = await call(
      tenant,
      authorizeUrl({ code_challenge: challenge }, `https://login.microsoftonline.com/${USGOV_TENANT.id}`),
    );
    expect(govAtWorldwide.status).toBe(400);
    expect(govAtWorldwide.text).toContain('AADSTS90002');
    const token = await redeem(
      tenant,
      { grant_type: 'refresh_token', refresh_token: 'x', scope: 'User.Read' },
      EXTENSION_ORIGIN,
      `https://login.microsoftonline.com/${USGOV_TENANT.domain}`,
    );
    expect(token.status).toBe(400);
    expect(token.json().error_codes).toEqual([90002]);
  });

  it('answers OpenID discovery on the Gov host with .us endpoints and the US Gov cloud', async () => {
    const config = (await call(tenant, `${GOV_LOGIN}/v2.0/.well-known/openid-configuration`)).json();
    expect(config).toMatchObject({
      issuer: `https://login.microsoftonline.us/${USGOV_TENANT.id}/v2.0`,
      token_endpoint: `https://login.microsoftonline.us/${USGOV_TENANT.id}/oauth2/v2.0/token`,
      authorization_endpoint: `https://login.microsoftonline.us/${USGOV_TENANT.id}/oauth2/v2.0/authorize`,
      cloud_instance_name: 'microsoftonline.us',
      msgraph_host: 'graph.microsoft.us',
      tenant_region_scope: 'USGov',
    });
    const common = (await call(tenant, 'https://login.microsoftonline.us/common/v2.0/.well-known/openid-configuration')).json();
    expect(common).toMatchObject({
      issuer: 'https://login.microsoftonline.us/{tenantid}/v2.0',
      msgraph_host: 'graph.microsoft.us',
    });
    const worldwide = await call(tenant, `https://login.microsoftonline.us/${TENANT.id}/v2.0/.well-known/openid-configuration`);
    expect(worldwide.status).toBe(400);
    expect(worldwide.json().error_codes).toEqual([90002]);
  });

  it("answers the Gov directory's discovery on the worldwide host with its .us configuration; Contoso's stays worldwide", async () => {
    const config = (
      await call(tenant, `https://login.microsoftonline.com/${USGOV_TENANT.domain}/v2.0/.well-known/openid-configuration`)
    ).json();
    expect(config).toMatchObject({
      issuer: `https://login.microsoftonline.us/${USGOV_TENANT.id}/v2.0`,
      token_endpoint: `https://login.microsoftonline.us/${USGOV_TENANT.id}/oauth2/v2.0/token`,
      cloud_instance_name: 'microsoftonline.us',
      msgraph_host: 'graph.microsoft.us',
      tenant_region_scope: 'USGov',
    });
    const contoso = (
      await call(tenant, `https://login.microsoftonline.com/${TENANT.domain}/v2.0/.well-known/openid-configuration`)
    ).json();
    expect(contoso).toMatchObject({
      issuer: `https://login.microsoftonline.com/${TENANT.id}/v2.0`,
      cloud_instance_name: 'microsoftonline.com',
      msgraph_host: 'graph.microsoft.com',
    });
  });

  it('names the Gov aliases in instance discovery on the Gov host', async () => {
    const gov = (await call(tenant, 'https://login.microsoftonline.us/common/discovery/instance?api-version=1.1')).json<{
      tenant_discovery_endpoint: string;
      metadata: { preferred_network: string; aliases: string[] }[];
    }>();
    expect(gov.tenant_discovery_endpoint).toBe('https://login.microsoftonline.us/common/v2.0/.well-known/openid-configuration');
    expect(gov.metadata).toEqual([
      {
        preferred_network: 'login.microsoftonline.us',
        preferred_cache: 'login.microsoftonline.us',
        aliases: ['login.microsoftonline.us', 'login.usgovcloudapi.net'],
      },
    ]);
    const worldwide = (await call(tenant, 'https://login.microsoftonline.com/common/discovery/instance?api-version=1.1')).json<{
      metadata: { aliases: string[] }[];
    }>();
    expect(worldwide.metadata[0]?.aliases).toContain('login.microsoftonline.com');
  });

  it('refuses a graph.microsoft.com-qualified scope at the Gov host (AADSTS500011), at authorize and at the token endpoint', async () => {
    const { challenge } = pkcePair();
    const authorize = await call(
      tenant,
      authorizeUrl({ code_challenge: challenge, scope: WORLDWIDE_SCOPES.join(' ') }, GOV_LOGIN),
    );
    expect(authorize.status).toBe(302);
    const error = fragmentOf(authorize.headers.location);
    expect(error.get('error')).toBe('invalid_resource');
    expect(error.get('error_description')).toMatch(
      /^AADSTS500011: The resource principal named https:\/\/graph\.microsoft\.com was not found/,
    );
    const avery = await signIn(tenant, USGOV_USERS.avery.id, GOV_SCOPES, GOV_LOGIN);
    const refreshed = await redeem(
      tenant,
      { grant_type: 'refresh_token', refresh_token: avery.refreshToken, scope: WORLDWIDE_SCOPES.join(' ') },
      EXTENSION_ORIGIN,
      GOV_LOGIN,
    );
    expect(refreshed.status).toBe(400);
    expect(refreshed.json()).toMatchObject({ error: 'invalid_resource', error_codes: [500011] });
    // Short names are valid in every cloud.
    const short = await redeem(
      tenant,
      { grant_type: 'refresh_token', refresh_token: avery.refreshToken, scope: 'User.Read offline_access' },
      EXTENSION_ORIGIN,
      GOV_LOGIN,
    );
    expect(short.status).toBe(200);
    // And the Gov resource is unknown worldwide.
    const contoso = await signIn(tenant, ADMINS.megan.id);
    const govAtWorldwide = await redeem(tenant, {
      grant_type: 'refresh_token',
      refresh_token: contoso.refreshToken,
      scope: GOV_SCOPES.join(' '),
    });
    expect(govAtWorldwide.json()).toMatchObject({ error: 'invalid_resource', error_codes: [500011] });
  });

  it("refuses the other cloud's tokens at both Graphs (401 InvalidAuthenticationToken) and its refresh tokens", async () => {
    const avery = await signIn(tenant, USGOV_USERS.avery.id, GOV_SCOPES, GOV_LOGIN);
    const megan = await signIn(tenant, ADMINS.megan.id);
    const govAtWorldwide = await graph(tenant, avery.accessToken, '/me');
    expect(govAtWorldwide.status).toBe(401);
    expect(govAtWorldwide.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
    expect(govAtWorldwide.headers['www-authenticate']).toContain('login.microsoftonline.com');
    const worldwideAtGov = await govGraph(tenant, megan.accessToken, '/me');
    expect(worldwideAtGov.status).toBe(401);
    expect(worldwideAtGov.json()).toMatchObject({ error: { code: 'InvalidAuthenticationToken' } });
    expect(worldwideAtGov.headers['www-authenticate']).toContain('login.microsoftonline.us');
    // Each at home is fine.
    expect((await govGraph(tenant, avery.accessToken, '/me')).status).toBe(200);
    expect((await graph(tenant, megan.accessToken, '/me')).status).toBe(200);
    // A worldwide refresh token means nothing to the Gov token service.
    const refresh = await redeem(
      tenant,
      { grant_type: 'refresh_token', refresh_token: megan.refreshToken, scope: 'User.Read' },
      EXTENSION_ORIGIN,
      GOV_LOGIN,
    );
    expect(refresh.status).toBe(400);
    expect(refresh.json().error_codes).toEqual([50173]);
  });

  it('writes nextLinks on graph.microsoft.us, which the client follows in the Gov cloud', async () => {
    const avery = await signIn(tenant, USGOV_USERS.avery.id, GOV_SCOPES, GOV_LOGIN);
    const first = await govGraph(tenant, avery.accessToken, `/users/${USGOV_USERS.avery.id}/memberOf?$top=1`);
    expect(first.status).toBe(200);
    const body = first.json<{ value: unknown[]; '@odata.nextLink'?: string; '@odata.context': string }>();
    expect(body.value).toHaveLength(1);
    expect(body['@odata.context']).toMatch(/^https:\/\/graph\.microsoft\.us\/v1\.0\//);
    const link = new URL(body['@odata.nextLink'] ?? '');
    expect(link.host).toBe('graph.microsoft.us');
    const second = await call(tenant, link.href, { headers: { authorization: `Bearer ${avery.accessToken}` } });
    expect(second.status).toBe(200);
    expect(second.json<{ value: unknown[] }>().value).toHaveLength(1);
  });

  it('serves /beta on graph.microsoft.us as on the worldwide Graph (the docs list beta APIs for US Government)', async () => {
    const avery = await signIn(tenant, USGOV_USERS.avery.id, GOV_SCOPES, GOV_LOGIN);
    const beta = await call(tenant, `https://graph.microsoft.us/beta/users/${USGOV_USERS.morgan.id}`, {
      headers: { authorization: `Bearer ${avery.accessToken}` },
    });
    expect(beta.status).toBe(200);
    expect(beta.json()).toMatchObject({ id: USGOV_USERS.morgan.id });
  });

  it('shows the Gov directory on the Gov admin centers, Contoso on the worldwide ones', async () => {
    const gov = await call(
      tenant,
      `https://entra.microsoft.us/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/${USGOV_USERS.riley.id}`,
    );
    expect(gov.status).toBe(200);
    expect(gov.text).toContain(`${USGOV_TENANT.displayName} (${USGOV_TENANT.domain})`);
    expect(gov.text).toContain(USGOV_USERS.riley.id);
    for (const host of ['portal.azure.us', 'intune.microsoft.us']) {
      expect((await call(tenant, `https://${host}/`)).text).toContain(USGOV_TENANT.domain);
    }
    expect((await call(tenant, 'https://portal.azure.us/')).text).toContain('<title>Microsoft Azure</title>');
    const worldwide = await call(tenant, 'https://entra.microsoft.com/');
    expect(worldwide.text).toContain(`${TENANT.displayName} (${TENANT.domain})`);
    expect(worldwide.text).not.toContain(USGOV_USERS.riley.id);
  });

  it('keeps the app registration and consent of the Gov directory apart from Contoso', () => {
    const gov = tenant.control.directory(USGOV_TENANT.domain);
    expect(gov?.apps[0]?.clientId).toBe(APP.clientId);
    expect(gov?.consents[APP.clientId]).toEqual([...EXTENSION_SCOPES]);
    const ids = new Set(tenant.control.state.users.map((user) => user.id));
    expect(gov?.users.some((user) => ids.has(user.id))).toBe(false);
  });
});
