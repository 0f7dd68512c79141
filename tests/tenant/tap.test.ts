import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMINS, EXTENSION_SCOPES, GROUPS, LYNNE_PASS_ID, PASSWORD_METHOD_ID, TARGETS } from './seed';
import { startTenant, type Tenant } from './server';
import { graph, signIn } from './test-client';

const passes = (userRef: string) => `/users/${userRef}/authentication/temporaryAccessPassMethods`;
const POLICY = '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass';
const CONVERGED =
  'Converged UserCredentialPolicy does not allow creating or updating this authentication method. AuthMethodType [TemporaryAccessPass].';

describe('simulated tenant: Temporary Access Pass and policy rules', () => {
  let tenant: Tenant;
  const token = {} as Record<keyof typeof ADMINS, string>;
  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
    for (const key of Object.keys(ADMINS) as (keyof typeof ADMINS)[])
      token[key] = (await signIn(tenant, ADMINS[key].id)).accessToken;
  });
  afterAll(() => tenant.close());
  // Access tokens are signed JWTs, so they survive the reset of everything else.
  beforeEach(() => tenant.control.reset());
  const issue = (who: keyof typeof ADMINS, userRef: string, body: object = {}) =>
    graph(tenant, token[who], passes(userRef), { method: 'POST', body });
  const errorOf = async (response: Promise<{ status: number; json<T>(): T }>) => {
    const result = await response;
    return {
      status: result.status,
      ...result.json<{ error: { code: string; message: string; innerError: Record<string, string> } }>().error,
    };
  };

  it('creates a pass with the policy defaults; the value comes only in the 201, null afterwards', async () => {
    const created = await issue('alex', TARGETS.adele.userPrincipalName);
    expect(created.status).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      lifetimeInMinutes: 60,
      isUsableOnce: false,
      isUsable: true,
      methodUsabilityReason: 'EnabledByPolicy',
    });
    expect(String(body.temporaryAccessPass)).toHaveLength(8);
    tenant.control.setPolicy({ defaultLength: 12 });
    const longer = await issue('alex', TARGETS.adele.id);
    expect(String(longer.json().temporaryAccessPass)).toHaveLength(12);
    const list = await graph(tenant, token.isaiah, passes(TARGETS.adele.id));
    const value = list.json<{ value: Record<string, unknown>[] }>().value;
    expect(value).toHaveLength(1);
    expect(value[0]).toMatchObject({ id: longer.json().id, temporaryAccessPass: null });
  });

  it('replaces the current pass on a second POST (new id, one pass per user)', async () => {
    const second = await issue('patti', TARGETS.lynne.id, { lifetimeInMinutes: 120, isUsableOnce: true });
    expect(second.status).toBe(201);
    expect(second.json().id).not.toBe(LYNNE_PASS_ID);
    const list = await graph(tenant, token.patti, passes(TARGETS.lynne.id));
    expect(list.json<{ value: { id: string }[] }>().value.map((item) => item.id)).toEqual([second.json().id]);
  });

  it('enforces role tiers: auth admin only on non-admins, nobody on themselves, readers cannot write', async () => {
    expect(await errorOf(issue('alex', TARGETS.miriam.id))).toMatchObject({ status: 403, code: 'accessDenied' });
    expect((await issue('patti', TARGETS.miriam.id)).status).toBe(201);
    expect((await issue('megan', ADMINS.alex.id)).status).toBe(201);
    expect((await issue('megan', ADMINS.megan.id)).status).toBe(403);
    expect((await issue('isaiah', TARGETS.adele.id)).status).toBe(403);
    expect((await issue('lee', TARGETS.adele.id)).status).toBe(403);
    expect((await issue('johanna', TARGETS.adele.id)).status).toBe(403);
    expect((await graph(tenant, token.johanna, passes(TARGETS.adele.id))).status).toBe(403);
  });

  it('creates a pass for excluded (nested groups count) and not-included users that cannot be used (DisabledByPolicy)', async () => {
    // entra-docs TAP how-to: "you can create a TAP for any user, only users included in the policy can sign-in with it".
    const unusable = { isUsable: false, methodUsabilityReason: 'DisabledByPolicy' };
    const diego = await issue('alex', TARGETS.diego.id);
    expect(diego.status).toBe(201);
    expect(diego.json()).toMatchObject(unusable);
    expect(String(diego.json().temporaryAccessPass)).toHaveLength(8);
    tenant.control.setPolicy({ includeTargets: [{ targetType: 'group', id: GROUPS.pilot.id }] });
    expect((await issue('alex', TARGETS.lynne.id)).json()).toMatchObject({
      isUsable: true,
      methodUsabilityReason: 'EnabledByPolicy',
    });
    const pradeep = await issue('alex', TARGETS.pradeep.id);
    expect(pradeep.status).toBe(201);
    expect(pradeep.json()).toMatchObject(unusable);
    const listed = await graph(tenant, token.alex, passes(TARGETS.pradeep.id));
    expect(listed.json<{ value: Record<string, unknown>[] }>().value[0]).toMatchObject(unusable);
    // Included later: the same pass becomes usable (usability is computed at read time).
    tenant.control.setPolicy({ includeTargets: [{ targetType: 'group', id: 'all_users' }] });
    const now = await graph(tenant, token.alex, passes(TARGETS.pradeep.id));
    expect(now.json<{ value: Record<string, unknown>[] }>().value[0]).toMatchObject({ isUsable: true });
  });

  it('refuses a policy that is off, and (switch) out-of-policy users as in 2023: 400 "Converged UserCredentialPolicy"', async () => {
    tenant.control.setPolicy({ state: 'disabled' });
    expect(await errorOf(issue('alex', TARGETS.adele.id))).toMatchObject({ status: 400, code: 'badRequest', message: CONVERGED });
    tenant.control.setPolicy({ state: 'enabled' });
    tenant.control.setRefuseOutOfPolicyPass(true);
    expect(await errorOf(issue('alex', TARGETS.diego.id))).toMatchObject({ status: 400, message: CONVERGED });
    expect(tenant.control.state.passes[TARGETS.diego.id]).toBeUndefined();
    expect((await issue('alex', TARGETS.adele.id)).status).toBe(201);
    tenant.control.setRefuseOutOfPolicyPass(false);
    expect((await issue('alex', TARGETS.diego.id)).status).toBe(201);
  });

  it('refuses external guests; internal guests and disabled accounts get a pass', async () => {
    const guest = await errorOf(issue('alex', TARGETS.chris.userPrincipalName.replace(/#/g, '%23')));
    expect(guest).toMatchObject({ status: 400, message: 'Temporary Access Pass cannot be added to an external guest user.' });
    expect((await issue('alex', TARGETS.isla.id)).status).toBe(201);
    const nestor = await issue('alex', TARGETS.nestor.id);
    expect(nestor.status).toBe(201);
    expect(nestor.json()).toMatchObject({ isUsable: true, methodUsabilityReason: 'EnabledByPolicy' }); // [U]
  });

  it('validates lifetime, one-time use and start against the policy', async () => {
    const lifetime = await errorOf(issue('alex', TARGETS.adele.id, { lifetimeInMinutes: 30 }));
    const message = 'Invalid LifetimeInMinutes specified. The valid range between 60 and 480.';
    expect(lifetime).toMatchObject({ status: 400, code: 'badRequest', message, innerError: { message } });
    tenant.control.setPolicy({ isUsableOnce: true });
    expect((await issue('alex', TARGETS.adele.id, { isUsableOnce: false })).status).toBe(400);
    expect((await issue('alex', TARGETS.adele.id)).json().isUsableOnce).toBe(true);
    const past = new Date(Date.now() - 3_600_000).toISOString();
    expect((await issue('alex', TARGETS.adele.id, { startDateTime: past })).status).toBe(400);
    expect((await issue('alex', TARGETS.adele.id, { startDateTime: 'tomorrow' })).status).toBe(400);
    const later = await issue('alex', TARGETS.adele.id, { startDateTime: new Date(Date.now() + 86_400_000).toISOString() });
    expect(later.json()).toMatchObject({ isUsable: false, methodUsabilityReason: 'NotYetValid' });
  });

  it('computes usability live: OneTimeUsed, Expired, DisabledByPolicy', async () => {
    const once = await issue('alex', TARGETS.adele.id, { isUsableOnce: true });
    tenant.control.markTapUsed(TARGETS.adele.id);
    const get = await graph(tenant, token.alex, `${passes(TARGETS.adele.id)}/${once.json().id}`);
    expect(get.json()).toMatchObject({ temporaryAccessPass: null, methodUsabilityReason: 'OneTimeUsed', isUsable: false });
    const lynne = tenant.control.state.passes[TARGETS.lynne.id];
    if (lynne) lynne.startDateTime = new Date(Date.now() - 600 * 60_000).toISOString();
    expect(
      (await graph(tenant, token.alex, passes(TARGETS.lynne.id))).json<{ value: { methodUsabilityReason: string }[] }>().value[0]
        ?.methodUsabilityReason,
    ).toBe('Expired');
    tenant.control.setPolicy({ state: 'disabled' });
    expect(
      (await graph(tenant, token.alex, passes(TARGETS.adele.id))).json<{ value: { methodUsabilityReason: string }[] }>().value[0]
        ?.methodUsabilityReason,
    ).toBe('DisabledByPolicy');
  });

  it('deletes a pass (204), then 404 for the same id', async () => {
    const del = () => graph(tenant, token.alex, `${passes(TARGETS.lynne.id)}/${LYNNE_PASS_ID}`, { method: 'DELETE' });
    expect((await del()).status).toBe(204);
    expect((await del()).status).toBe(404);
  });

  it('lists authentication methods with real @odata.type values, including the pass', async () => {
    const methods = await graph(tenant, token.alex, `/users/${TARGETS.pradeep.id}/authentication/methods`);
    const value = methods.json<{ value: Record<string, unknown>[] }>().value;
    expect(value.map((method) => method['@odata.type'])).toEqual([
      '#microsoft.graph.passwordAuthenticationMethod',
      '#microsoft.graph.fido2AuthenticationMethod',
      '#microsoft.graph.windowsHelloForBusinessAuthenticationMethod',
      '#microsoft.graph.phoneAuthenticationMethod',
    ]);
    expect(value[0]?.id).toBe(PASSWORD_METHOD_ID);
    expect(String(value[3]?.phoneNumber)).toContain('X');
    const lynne = await graph(tenant, token.isaiah, `/users/${TARGETS.lynne.id}/authentication/methods`);
    expect(lynne.json<{ value: Record<string, unknown>[] }>().value.at(-1)).toMatchObject({
      '@odata.type': '#microsoft.graph.temporaryAccessPassAuthenticationMethod',
      temporaryAccessPass: null,
    });
  });

  it('reads the policy for Global Reader, Auth Policy Admin and Global Admin only; any casing of the id', async () => {
    for (const path of [
      POLICY,
      POLICY.replace('TemporaryAccessPass', 'temporaryAccessPass'),
      POLICY.replace('/TemporaryAccessPass', "('TemporaryAccessPass')"),
    ]) {
      const read = await graph(tenant, token.isaiah, path);
      expect(read.json()).toMatchObject({
        id: 'TemporaryAccessPass',
        state: 'enabled',
        defaultLifetimeInMinutes: 60,
        excludeTargets: [{ id: GROUPS.tapExcluded.id }],
      });
    }
    expect((await graph(tenant, token.lee, POLICY)).status).toBe(200);
    expect((await graph(tenant, token.megan, '/policies/authenticationMethodsPolicy')).status).toBe(200);
    expect(await errorOf(graph(tenant, token.alex, POLICY))).toMatchObject({ status: 403, code: 'accessDenied' });
    expect((await graph(tenant, token.patti, POLICY)).status).toBe(403);
  });

  it('writes the policy only with Policy.ReadWrite.AuthenticationMethod and a writer role; needs @odata.type', async () => {
    const patch = (bearer: string, body: object) => graph(tenant, bearer, POLICY, { method: 'PATCH', body });
    const body = { '@odata.type': '#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration', state: 'disabled' };
    expect((await patch(token.lee, body)).status).toBe(403);
    const scopes = [...EXTENSION_SCOPES, 'Policy.ReadWrite.AuthenticationMethod'].map(
      (scope) => `https://graph.microsoft.com/${scope}`,
    );
    // Only an admin who can consent for the organization grants the write scope (a Global Administrator here).
    await signIn(tenant, ADMINS.megan.id, [...scopes, 'openid', 'offline_access']);
    const lee = (await signIn(tenant, ADMINS.lee.id, [...scopes, 'openid', 'offline_access'])).accessToken;
    expect((await patch(lee, { state: 'disabled' })).status).toBe(400);
    expect((await patch(lee, { ...body, defaultLifetimeInMinutes: 600 })).status).toBe(400);
    expect((await patch(lee, body)).status).toBe(204);
    expect(tenant.control.state.policy.state).toBe('disabled');
    const megan = (await signIn(tenant, ADMINS.megan.id, [...scopes, 'openid', 'offline_access'])).accessToken;
    expect((await graph(tenant, megan, POLICY, { method: 'DELETE' })).status).toBe(204);
    const alex = (await signIn(tenant, ADMINS.alex.id, [...scopes, 'openid', 'offline_access'])).accessToken;
    expect((await patch(alex, body)).status).toBe(403);
  });

  it('refuses TAP endpoints without the TAP scopes: 403 accessDenied "Request Authorization failed"', async () => {
    tenant.control.revokeConsent(EXTENSION_SCOPES.filter((scope) => scope !== 'User.Read.All'));
    const narrow = (await signIn(tenant, ADMINS.megan.id, ['https://graph.microsoft.com/User.Read.All', 'openid'])).accessToken;
    const refused = await errorOf(graph(tenant, narrow, passes(TARGETS.adele.id), { method: 'POST', body: {} }));
    expect(refused).toMatchObject({ status: 403, code: 'accessDenied', message: 'Request Authorization failed' });
  });
});
