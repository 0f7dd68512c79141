import { describe, expect, it } from 'vitest';
import { handleRequest } from '@/utils/background/dispatcher';
import { CONSENT_DECLINED_MESSAGE, POLICY_STILL_APPLYING_MESSAGE, POLICY_URL } from '@/utils/graph/policy';
import { clientFor, createFakeGraph, envelope, on } from '../graph/fake-graph';
import { fakeServices } from './services-fake';

/** The popup: an extension page outside any tab. */
const POPUP = { kind: 'page' } as const;
const PILOT = '33333333-0000-4000-8000-000000000002';
const policyBody = {
  state: 'enabled',
  defaultLifetimeInMinutes: 60,
  minimumLifetimeInMinutes: 60,
  maximumLifetimeInMinutes: 480,
  defaultLength: 8,
  isUsableOnce: false,
  includeTargets: [{ targetType: 'group', id: PILOT }],
  excludeTargets: [],
};

describe('getPolicy / enablePolicy', () => {
  it('reads Graph when nothing is cached, names the groups, then answers from the cache instantly', async () => {
    const graph = createFakeGraph([
      on('GET', POLICY_URL, { status: 200, body: policyBody }),
      on('GET', `/groups/${PILOT}`, { status: 200, body: { id: PILOT, displayName: 'Pilot TAP users' } }),
    ]);
    const { services, policyStore } = fakeServices(clientFor(graph.fetch));
    const first = await handleRequest({ type: 'getPolicy' }, services, POPUP);
    expect(first).toMatchObject({
      ok: true,
      data: { fromCache: false, groups: [{ id: PILOT, displayName: 'Pilot TAP users' }] },
    });
    expect(policyStore.value?.policy?.includeTargets[0]?.id).toBe(PILOT);
    const calls = graph.calls.length;
    const second = await handleRequest({ type: 'getPolicy' }, services, POPUP);
    expect(second).toMatchObject({ ok: true, data: { fromCache: true } });
    expect(graph.calls.length).toBe(calls);
  });

  it('refresh reads the policy and the known groups in one batch', async () => {
    const graph = createFakeGraph([
      on('GET', POLICY_URL, { status: 200, body: policyBody }),
      on('GET', `/groups/${PILOT}`, { status: 200, body: { id: PILOT, displayName: 'Pilot TAP users' } }),
    ]);
    const { services } = fakeServices(clientFor(graph.fetch));
    await handleRequest({ type: 'getPolicy' }, services, POPUP);
    graph.calls.length = 0;
    await handleRequest({ type: 'getPolicy', refresh: true }, services, POPUP);
    expect(graph.calls).toHaveLength(1);
  });

  it('403 gives an unreadable view naming the roles that can read it', async () => {
    const graph = createFakeGraph([
      on('GET', POLICY_URL, { status: 403, body: envelope('accessDenied', 'Request Authorization failed') }),
    ]);
    const { services } = fakeServices(clientFor(graph.fetch));
    const reply = await handleRequest({ type: 'getPolicy', refresh: true }, services, POPUP);
    expect(reply).toMatchObject({
      ok: true,
      data: { policy: null, unreadable: { kind: 'forbidden', message: expect.stringMatching(/Global Reader/) } },
    });
  });

  it('enablePolicy PATCHes with the write scope, interactively, and re-reads', async () => {
    let state = 'disabled';
    const graph = createFakeGraph([
      on('PATCH', POLICY_URL, (body) => {
        state = (body as { state: string }).state;
        return { status: 204 };
      }),
      on('GET', POLICY_URL, () => ({
        status: 200,
        body: { ...policyBody, state, includeTargets: [{ targetType: 'group', id: 'all_users' }] },
      })),
    ]);
    const asked: { scopes: string[]; interactive: boolean }[] = [];
    const { createGraphClient } = await import('@/utils/graph/client');
    const client = createGraphClient({
      fetch: graph.fetch,
      defaultScopes: ['https://graph.microsoft.com/User.Read'],
      getToken: async (scopes, interactive) => {
        asked.push({ scopes, interactive });
        return { accessToken: 't', scopes };
      },
    });
    const { services, policyStore } = fakeServices(client);
    const reply = await handleRequest({ type: 'enablePolicy' } as never, services, POPUP);
    expect(reply).toMatchObject({ ok: true, data: { policy: { state: 'enabled' } } });
    expect(graph.calls[0]?.body).toEqual({
      '@odata.type': '#microsoft.graph.temporaryAccessPassAuthenticationMethodConfiguration',
      state: 'enabled',
    });
    expect(asked[0]).toEqual({
      scopes: ['https://graph.microsoft.com/Policy.ReadWrite.AuthenticationMethod'],
      interactive: true,
    });
    expect(asked.slice(1).every((a) => !a.interactive)).toBe(true);
    expect(policyStore.value?.policy?.state).toBe('enabled');
  });

  it('enablePolicy turns a declined consent into a plain sentence and sends no PATCH', async () => {
    const graph = createFakeGraph([]);
    const { createGraphClient } = await import('@/utils/graph/client');
    const client = createGraphClient({
      fetch: graph.fetch,
      defaultScopes: ['https://graph.microsoft.com/User.Read'],
      getToken: async () => {
        throw Object.assign(new Error('access_denied: AADSTS65004: User declined to consent to access the app.'), {
          errorCode: 'access_denied',
          errorMessage: 'AADSTS65004: User declined to consent to access the app.',
        });
      },
    });
    const { services, policyStore } = fakeServices(client);
    const reply = await handleRequest({ type: 'enablePolicy' } as never, services, POPUP);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'consentRequired', message: CONSENT_DECLINED_MESSAGE } });
    expect(graph.calls).toEqual([]);
    expect(policyStore.value).toBeNull();
  });

  describe('enablePolicy under replication lag (the read-back shows the policy off for a while)', () => {
    /** One PATCH accepted (204), then GETs that read `disabled` for the first `staleReads` reads. */
    function lagging(staleReads: number) {
      let reads = 0;
      const graph = createFakeGraph([
        on('PATCH', POLICY_URL, { status: 204 }),
        on('GET', POLICY_URL, () => {
          reads += 1;
          return { status: 200, body: { ...policyBody, state: reads > staleReads ? 'enabled' : 'disabled' } };
        }),
        on('GET', `/groups/${PILOT}`, { status: 200, body: { id: PILOT, displayName: 'Pilot TAP users' } }),
      ]);
      const ctx = fakeServices(clientFor(graph.fetch));
      const patches = () => graph.calls.filter((c) => c.method === 'PATCH').length;
      return { graph, patches, reads: () => reads, ...ctx };
    }

    it('reads again with backoff until it shows the change: one PATCH, then Enabled', async () => {
      const { services, patches, reads, waits, policyStore } = lagging(2);
      const reply = await handleRequest({ type: 'enablePolicy' } as never, services, POPUP);
      expect(reply).toMatchObject({ ok: true, data: { policy: { state: 'enabled' } } });
      expect((reply as { data: { pending?: unknown } }).data.pending).toBeUndefined();
      expect(patches()).toBe(1);
      expect(reads()).toBe(3);
      expect(waits).toEqual([500, 1000]);
      expect(policyStore.value?.policy?.state).toBe('enabled');
    });

    it('says Entra is still applying it when the bound is reached, keeps no stale copy, and never PATCHes again', async () => {
      const { services, patches, reads, waits, policyStore } = lagging(Number.POSITIVE_INFINITY);
      const reply = await handleRequest({ type: 'enablePolicy' } as never, services, POPUP);
      expect(reply).toMatchObject({
        ok: true,
        data: { policy: { state: 'disabled' }, pending: { state: 'enabled', message: POLICY_STILL_APPLYING_MESSAGE } },
      });
      expect(POLICY_STILL_APPLYING_MESSAGE).toMatch(/still applying it.*a few minutes.*no need to turn it on again/);
      expect(patches()).toBe(1);
      expect(reads()).toBe(4);
      expect(waits).toEqual([500, 1000, 2000]);
      expect(policyStore.value).toBeNull(); // the next view asks Graph, not a copy that says "off"
    });
  });
});
