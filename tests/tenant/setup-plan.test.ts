import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SETUP_CONNECT_SCOPES } from '../../utils/setup/graph-permissions';
import { type SetupInput, setupPlan } from '../../utils/setup/plan';
import { GRAPH_SERVICE_PRINCIPAL_ID } from './graph/graph-service-principal';
import { ADMINS, APP, EXTENSION_SCOPES } from './seed';
import { startTenant, type Tenant } from './server';
import { PlanStopped, runSetupPlan } from './setup-runner';
import {
  authorizeUrl,
  call,
  claimsOf,
  ctxOf,
  DEFAULT_SCOPES,
  form,
  fragmentOf,
  graph,
  LOGIN,
  pkcePair,
  redeem,
  signIn,
} from './test-client';

/** A Chrome store's id other than the development one, as an admin would list it for a second browser. */
const EDGE_REDIRECT_URI = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const NEW_REDIRECT_URI = 'https://pmlkjihgfedcbapmlkjihgfedcbaponm.chromiumapp.org/';
const CONNECT = SETUP_CONNECT_SCOPES.map((scope) => `https://graph.microsoft.com/${scope}`);

/** The token the admin's Connect-MgGraph / az login holds: Graph, with the two scopes the script needs. */
async function setupToken(tenant: Tenant, userId: string): Promise<string> {
  tenant.control.grantConsent([...SETUP_CONNECT_SCOPES]);
  return (await signIn(tenant, userId, [...DEFAULT_SCOPES, ...CONNECT])).accessToken;
}

/** Sign-in with another client id and redirect URI: authorize → account → (consent) → code → token, from the extension's origin. */
async function signInWith(tenant: Tenant, clientId: string, redirectUri: string, userId: string) {
  const { verifier, challenge } = pkcePair();
  const picker = await call(
    tenant,
    authorizeUrl({ client_id: clientId, redirect_uri: redirectUri, code_challenge: challenge, prompt: 'select_account' }),
  );
  expect(picker.status).toBe(200);
  const answer = await form(tenant, `${LOGIN}/login`, { ctx: ctxOf(picker.text), userId });
  return {
    answer,
    verifier,
    redeemCode: (code: string) =>
      redeem(tenant, {
        client_id: clientId,
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
        scope: DEFAULT_SCOPES.join(' '),
      }),
  };
}

describe('simulated tenant: the setup script’s Graph requests', () => {
  let tenant: Tenant;
  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
  });
  afterAll(() => tenant.close());
  beforeEach(() => tenant.control.reset());

  const input: SetupInput = {
    displayName: 'Entra TAP (helpdesk)',
    redirectUris: [NEW_REDIRECT_URI, EDGE_REDIRECT_URI],
    tenant: APP.tenantDomain,
  };

  for (const variant of ['powershell', 'azureCli'] as const) {
    it(`${variant}: registers a single-page application that a non-consenting admin then signs in to with no consent page`, async () => {
      const token = await setupToken(tenant, ADMINS.megan.id);
      const plan = setupPlan(input, variant);
      const { outcomes, refs, permissionIds } = await runSetupPlan(tenant, token, plan);

      // Graph's service principal: its object id and the permission ids, Microsoft's own.
      expect(refs.graphServicePrincipalId).toBe(GRAPH_SERVICE_PRINCIPAL_ID);
      expect(permissionIds['User.Read']).toBe('e1fe6dd8-ba31-4d61-89e7-88639da4683d');
      const created = outcomes.find((o) => o.step.id === 'createApplication');
      expect(created?.response.status).toBe(201);
      expect(created?.response.json()).toMatchObject({
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#applications/$entity',
        id: refs.applicationObjectId,
        appId: refs.appId,
        displayName: input.displayName,
        signInAudience: 'AzureADMyOrg',
      });
      const patched = outcomes.find((o) => o.step.id === 'setSpaRedirectUris');
      if (variant === 'azureCli') {
        expect(patched?.response.status).toBe(204);
        expect(patched?.url).toBe(`https://graph.microsoft.com/v1.0/applications(appId='${refs.appId}')`);
      } else expect(patched).toBeUndefined();
      const grant = outcomes.find((o) => o.step.id === 'grantConsent');
      expect(grant?.response.status).toBe(201);
      expect(grant?.body).toEqual({
        clientId: refs.servicePrincipalId,
        consentType: 'AllPrincipals',
        resourceId: GRAPH_SERVICE_PRINCIPAL_ID,
        scope: EXTENSION_SCOPES.join(' '),
      });
      expect(grant?.response.json()).toMatchObject({
        consentType: 'AllPrincipals',
        principalId: null,
        scope: EXTENSION_SCOPES.join(' '),
      });

      // The registration as Graph reads it back: both redirect URIs under SPA, none under Web, the six permissions.
      const read = await graph(tenant, token, `/applications(appId='${refs.appId}')`);
      expect(read.json()).toMatchObject({
        spa: { redirectUris: [NEW_REDIRECT_URI, EDGE_REDIRECT_URI] },
        web: { redirectUris: [], implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false } },
        requiredResourceAccess: [
          {
            resourceAppId: '00000003-0000-0000-c000-000000000000',
            resourceAccess: EXTENSION_SCOPES.map((scope) => ({ id: permissionIds[scope], type: 'Scope' })),
          },
        ],
      });

      // Alex can't consent for anyone, and isn't asked: the grant is the organization's consent.
      const flow = await signInWith(tenant, refs.appId as string, NEW_REDIRECT_URI, ADMINS.alex.id);
      expect(flow.answer.status).toBe(302);
      const code = fragmentOf(flow.answer.headers.location).get('code');
      expect(code).toBeTruthy();
      // Redeemed from the extension's origin (redeem's default): only a URI under SPA gets a token (else AADSTS9002326).
      const redeemed = await flow.redeemCode(code as string);
      expect(redeemed.status).toBe(200);
      const accessToken = String(redeemed.json().access_token);
      expect(String(claimsOf(accessToken).scp).split(' ').sort()).toEqual([...EXTENSION_SCOPES].sort());
      expect(claimsOf(accessToken).appid).toBe(refs.appId);
      const me = await graph(tenant, accessToken, '/me?$select=id');
      expect(me.json()).toMatchObject({ id: ADMINS.alex.id });
    });
  }

  it('stops at the name check when a registration of that name exists (a second run changes nothing)', async () => {
    const token = await setupToken(tenant, ADMINS.megan.id);
    await runSetupPlan(tenant, token, setupPlan(input, 'powershell'));
    const apps = tenant.control.state.apps.length;
    const second = await runSetupPlan(tenant, token, setupPlan(input, 'azureCli')).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(PlanStopped);
    expect((second as PlanStopped).outcome.step.id).toBe('findExisting');
    expect(tenant.control.state.apps.length).toBe(apps);
  });

  it('finds a display name with quotes through its OData literal', async () => {
    const token = await setupToken(tenant, ADMINS.megan.id);
    const quoted = { ...input, displayName: 'O\'Brien\'s "TAP" ’twas' };
    await runSetupPlan(tenant, token, setupPlan(quoted, 'azureCli'));
    expect(tenant.control.state.apps.at(-1)?.displayName).toBe(quoted.displayName);
    const again = await runSetupPlan(tenant, token, setupPlan(quoted, 'powershell')).catch((e: unknown) => e);
    expect((again as PlanStopped).outcome.step.id).toBe('findExisting');
  });

  it('refuses without Application.ReadWrite.All (403 Authorization_RequestDenied), and an AllPrincipals grant from a non-admin', async () => {
    const plain = (await signIn(tenant, ADMINS.megan.id)).accessToken;
    const refused = await graph(tenant, plain, '/applications', { method: 'POST', body: { displayName: 'x' } });
    expect(refused.status).toBe(403);
    expect(refused.json()).toMatchObject({
      error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' },
    });
    // Alex may register an app (every member may, by default) but not consent for the organization.
    const alex = await setupToken(tenant, ADMINS.alex.id);
    const stopped = await runSetupPlan(tenant, alex, setupPlan(input, 'powershell')).catch((e: unknown) => e);
    expect((stopped as PlanStopped).outcome.step.id).toBe('grantConsent');
    expect((stopped as PlanStopped).outcome.response.status).toBe(403);
  });

  it('answers 400 for what Graph refuses: no displayName, a non-https redirect URI, a grant naming the appId', async () => {
    const token = await setupToken(tenant, ADMINS.megan.id);
    const noName = await graph(tenant, token, '/applications', { method: 'POST', body: { signInAudience: 'AzureADMyOrg' } });
    expect(noName.status).toBe(400);
    const http = await graph(tenant, token, '/applications', {
      method: 'POST',
      body: { displayName: 'x', spa: { redirectUris: ['http://example.com/'] } },
    });
    expect(http.status).toBe(400);
    expect(http.json()).toMatchObject({ error: { code: 'Request_BadRequest' } });
    const wrongClient = await graph(tenant, token, '/oauth2PermissionGrants', {
      method: 'POST',
      body: { clientId: APP.clientId, consentType: 'AllPrincipals', resourceId: GRAPH_SERVICE_PRINCIPAL_ID, scope: 'User.Read' },
    });
    expect(wrongClient.status).toBe(400);
    const duplicateSp = await graph(tenant, token, '/servicePrincipals', { method: 'POST', body: { appId: APP.clientId } });
    expect(duplicateSp.status).toBe(409);
  });

  it('reads one’s own eligible roles with RoleEligibilitySchedule.Read.Directory, and refuses without it', async () => {
    const without = (await signIn(tenant, ADMINS.priya.id)).accessToken;
    const path = "/roleManagement/directory/roleEligibilityScheduleInstances/filterByCurrentUser(on='principal')";
    expect((await graph(tenant, without, path)).status).toBe(403);
    tenant.control.grantConsent(['RoleEligibilitySchedule.Read.Directory']);
    const withScope = (
      await signIn(tenant, ADMINS.priya.id, [
        ...DEFAULT_SCOPES,
        'https://graph.microsoft.com/RoleEligibilitySchedule.Read.Directory',
      ])
    ).accessToken;
    const eligible = await graph(tenant, withScope, path);
    expect(eligible.status).toBe(200);
    expect(eligible.json()).toMatchObject({
      value: [{ principalId: ADMINS.priya.id, roleDefinitionId: 'c4e39bd9-1100-46d3-8c65-fb160da0071f', directoryScopeId: '/' }],
    });
  });
});
