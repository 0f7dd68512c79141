import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMINS, EXTENSION_SCOPES, EXTERNAL_USERS, TARGETS } from './seed';
import { startTenant, type Tenant } from './server';
import { call, graph, signIn } from './test-client';

const passes = (userRef: string) => `/users/${userRef}/authentication/temporaryAccessPassMethods`;
const POLICY = '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass';
const POLICY_TYPE = '#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration';
const EXTERNAL = 'Temporary Access Pass cannot be added to an external guest user.';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Issue 10: rules where real tenants are harsher than a kind simulation (replication lag, B2B users, switches). */
describe('simulated tenant: replication lag, external users, out-of-policy switch', () => {
  let tenant: Tenant;
  let megan = '';
  let meganWriter = '';
  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
    megan = (await signIn(tenant, ADMINS.megan.id)).accessToken;
    const scopes = [...EXTENSION_SCOPES, 'Policy.ReadWrite.AuthenticationMethod'].map((s) => `https://graph.microsoft.com/${s}`);
    meganWriter = (await signIn(tenant, ADMINS.megan.id, [...scopes, 'openid', 'offline_access'])).accessToken;
  });
  afterAll(() => tenant.close());
  beforeEach(() => tenant.control.reset());

  const passIds = async (userId: string) =>
    (await graph(tenant, megan, passes(userId))).json<{ value: { id: string }[] }>().value.map((p) => p.id);
  const policyState = async (path = POLICY) => (await graph(tenant, megan, path)).json<{ state: string }>().state;

  describe('replication lag (settings.replicationLagMs)', () => {
    it('is off in the seed: every read sees the write before it', async () => {
      expect(tenant.control.state.settings.replicationLagMs).toBe(0);
      const created = await graph(tenant, megan, passes(TARGETS.adele.id), { method: 'POST', body: {} });
      expect(await passIds(TARGETS.adele.id)).toEqual([created.json().id]);
    });

    it('a policy PATCH is enforced at once but read back as before until the lag has passed', async () => {
      tenant.control.setPolicy({ state: 'disabled' });
      tenant.control.setReplicationLag(300);
      const patch = await graph(tenant, meganWriter, POLICY, {
        method: 'PATCH',
        body: { '@odata.type': POLICY_TYPE, state: 'enabled' },
      });
      expect(patch.status).toBe(204);
      expect(tenant.control.state.policy.state).toBe('enabled');
      expect(await policyState()).toBe('disabled');
      const whole = await graph(tenant, megan, '/policies/authenticationMethodsPolicy');
      const tap = whole
        .json<{ authenticationMethodConfigurations: { id: string; state: string }[] }>()
        .authenticationMethodConfigurations.find((c) => c.id === 'TemporaryAccessPass');
      expect(tap?.state).toBe('disabled');
      // In $batch too: the sub-request reads the same replica.
      const batch = await graph(tenant, megan, '/$batch', {
        method: 'POST',
        body: { requests: [{ id: '1', method: 'GET', url: POLICY }] },
      });
      expect(batch.json<{ responses: { body: { state: string } }[] }>().responses[0]?.body.state).toBe('disabled');
      // The primary already enforces it: a pass can be created.
      expect((await graph(tenant, megan, passes(TARGETS.adele.id), { method: 'POST', body: {} })).status).toBe(201);
      await sleep(350);
      expect(await policyState()).toBe('enabled');
    });

    it('a second write before the first replicated keeps showing the oldest state, for longer', async () => {
      tenant.control.setReplicationLag(300);
      const body = (state: string) => ({ method: 'PATCH', body: { '@odata.type': POLICY_TYPE, state } });
      await graph(tenant, meganWriter, POLICY, body('disabled'));
      await sleep(200);
      await graph(tenant, meganWriter, POLICY, body('enabled'));
      await graph(tenant, meganWriter, POLICY, body('disabled'));
      await sleep(150);
      expect(await policyState()).toBe('enabled'); // the seed's state, 350 ms after the first write
      await sleep(250);
      expect(await policyState()).toBe('disabled');
    });

    it("a user's passes read as before a POST or DELETE (list, get by id and methods), then as after", async () => {
      tenant.control.setReplicationLag(300);
      const created = await graph(tenant, megan, passes(TARGETS.adele.id), { method: 'POST', body: {} });
      const id = created.json<{ id: string }>().id;
      expect(created.status).toBe(201);
      expect(await passIds(TARGETS.adele.id)).toEqual([]);
      expect((await graph(tenant, megan, `${passes(TARGETS.adele.id)}/${id}`)).status).toBe(404);
      const methods = await graph(tenant, megan, `/users/${TARGETS.adele.id}/authentication/methods`);
      expect(JSON.stringify(methods.json())).not.toContain('temporaryAccessPass');
      // A replacement: Lynne's seeded pass keeps showing.
      const replaced = await graph(tenant, megan, passes(TARGETS.lynne.id), { method: 'POST', body: {} });
      const lynneBefore = await passIds(TARGETS.lynne.id);
      expect(lynneBefore).not.toContain(replaced.json<{ id: string }>().id);
      expect(lynneBefore).toHaveLength(1);
      await sleep(350);
      expect(await passIds(TARGETS.adele.id)).toEqual([id]);
      // DELETE: 204 at once, the pass still listed for the lag.
      expect((await graph(tenant, megan, `${passes(TARGETS.adele.id)}/${id}`, { method: 'DELETE' })).status).toBe(204);
      expect(await passIds(TARGETS.adele.id)).toEqual([id]);
      tenant.control.setReplicationLag(0); // replicates what is pending
      expect(await passIds(TARGETS.adele.id)).toEqual([]);
    });

    it('is a control method over HTTP too, and a reset ends it', async () => {
      const lag = await call(tenant, 'https://graph.microsoft.com/__control/replication-lag', {
        method: 'POST',
        body: { ms: 60_000 },
      });
      expect(lag.status).toBe(200);
      await graph(tenant, megan, passes(TARGETS.adele.id), { method: 'POST', body: {} });
      expect(await passIds(TARGETS.adele.id)).toEqual([]);
      tenant.control.reset();
      expect(tenant.control.state.settings.replicationLagMs).toBe(0);
      await graph(tenant, megan, passes(TARGETS.adele.id), { method: 'POST', body: {} });
      expect(await passIds(TARGETS.adele.id)).toHaveLength(1);
    });
  });

  describe('external users and the out-of-policy switch', () => {
    it('refuses every B2B user (external guest, pending invitee, external member) with the external-guest message', async () => {
      for (const person of [TARGETS.chris, EXTERNAL_USERS.dana, EXTERNAL_USERS.omar, EXTERNAL_USERS.kai]) {
        const answer = await graph(tenant, megan, passes(person.id), { method: 'POST', body: {} });
        expect(answer.status, person.displayName).toBe(400);
        expect(answer.json<{ error: { message: string } }>().error.message).toBe(EXTERNAL);
      }
      expect(tenant.control.state.passes[EXTERNAL_USERS.dana.id]).toBeUndefined();
      // An internal guest (UserType Guest, signs in here) is fine.
      expect((await graph(tenant, megan, passes(TARGETS.isla.id), { method: 'POST', body: {} })).status).toBe(201);
    });

    it('returns identities on $select: federated for B2B members, the host domain for members and pending invitees', async () => {
      const select = '?$select=userType,creationType,externalUserState,identities';
      const dana = (await graph(tenant, megan, `/users/${EXTERNAL_USERS.dana.id}${select}`)).json();
      expect(dana).toMatchObject({
        userType: 'Member',
        creationType: 'Invitation',
        externalUserState: 'Accepted',
        identities: [{ signInType: 'federated', issuer: 'northwind.com' }],
      });
      const omar = (await graph(tenant, megan, `/users/${EXTERNAL_USERS.omar.id}${select}`)).json();
      expect(omar).toMatchObject({
        userType: 'Guest',
        externalUserState: 'PendingAcceptance',
        identities: [{ signInType: 'userPrincipalName', issuer: 'contoso.onmicrosoft.com' }],
      });
      const adele = (await graph(tenant, megan, `/users/${TARGETS.adele.id}`)).json();
      expect(adele).not.toHaveProperty('identities'); // not a default property
    });

    it('the refusing switch is a control route: POST /__control/refuse-out-of-policy-pass', async () => {
      const on = await call(tenant, 'https://graph.microsoft.com/__control/refuse-out-of-policy-pass', {
        method: 'POST',
        body: { refuse: true },
      });
      expect(on.status).toBe(200);
      expect(tenant.control.state.settings.refuseOutOfPolicyPass).toBe(true);
      expect((await graph(tenant, megan, passes(TARGETS.diego.id), { method: 'POST', body: {} })).status).toBe(400);
    });
  });
});
