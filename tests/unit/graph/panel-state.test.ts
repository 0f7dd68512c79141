import { describe, expect, it } from 'vitest';
import { loadPanelState } from '@/utils/graph/panel-state';
import { POLICY_URL } from '@/utils/graph/policy';
import { ROLE } from '@/utils/graph/roles';
import { clientFor, createFakeGraph, envelope, memoryStore, on, type Route } from './fake-graph';

const ADELE = '22222222-0000-4000-8000-000000000001';
const EXCLUDED = '33333333-0000-4000-8000-000000000001';
const NOW = 1_750_000_000_000;

const policyBody = {
  id: 'TemporaryAccessPass',
  state: 'enabled',
  defaultLifetimeInMinutes: 60,
  minimumLifetimeInMinutes: 60,
  maximumLifetimeInMinutes: 480,
  defaultLength: 8,
  isUsableOnce: false,
  includeTargets: [{ targetType: 'group', id: 'all_users' }],
  excludeTargets: [{ targetType: 'group', id: EXCLUDED }],
};

const base = (over: Route[] = []): Route[] => [
  ...over,
  on('GET', `/users/${ADELE}`, {
    status: 200,
    body: {
      id: ADELE,
      displayName: 'Adele Vance',
      userPrincipalName: 'AdeleV@contoso.onmicrosoft.com',
      accountEnabled: true,
      userType: 'Member',
    },
  }),
  on('GET', `/users/${ADELE}/authentication/temporaryAccessPassMethods`, { status: 200, body: { value: [] } }),
  on('GET', `/users/${ADELE}/authentication/methods`, {
    status: 200,
    body: {
      value: [
        { '@odata.type': '#microsoft.graph.passwordAuthenticationMethod', id: '28c10230-6103-485e-b985-444c60001490' },
        { '@odata.type': '#microsoft.graph.fido2AuthenticationMethod', id: 'k', model: 'NFC key', displayName: 'Red key' },
      ],
    },
  }),
  on('GET', `/users/${ADELE}/transitiveMemberOf`, { status: 200, body: { value: [] } }),
  on('GET', '/me/transitiveMemberOf', {
    status: 200,
    body: {
      value: [
        {
          '@odata.type': '#microsoft.graph.directoryRole',
          id: 'r',
          displayName: 'Authentication Administrator',
          roleTemplateId: ROLE.authenticationAdministrator,
        },
      ],
    },
  }),
  on('GET', POLICY_URL, { status: 200, body: policyBody }),
  on('GET', `/groups/${EXCLUDED}`, { status: 200, body: { id: EXCLUDED, displayName: 'TAP Excluded' } }),
];

const batchUrls = (call: { body: unknown } | undefined) =>
  ((call?.body ?? { requests: [] }) as { requests: { url: string }[] }).requests.map((r) => r.url);

describe('loadPanelState', () => {
  it('reads everything in exactly one $batch, policy included when not cached, and caches the policy', async () => {
    const graph = createFakeGraph(base());
    const store = memoryStore();
    const state = await loadPanelState(ADELE, {
      client: clientFor(graph.fetch),
      policyStore: store,
      adminId: '11111111-0000-4000-8000-000000000003',
      now: () => NOW,
    });
    expect(graph.calls).toHaveLength(1);
    expect(batchUrls(graph.calls[0])).toEqual([
      `/users/${ADELE}?$select=id,displayName,userPrincipalName,accountEnabled,userType,creationType,externalUserState,mail`,
      `/users/${ADELE}/authentication/temporaryAccessPassMethods`,
      `/users/${ADELE}/authentication/methods`,
      `/users/${ADELE}/transitiveMemberOf?$select=id,displayName,roleTemplateId&$top=999`,
      '/me/transitiveMemberOf?$select=id,displayName,roleTemplateId&$top=999',
      POLICY_URL,
    ]);
    expect(state.user.displayName).toBe('Adele Vance');
    expect(state.methods.map((m) => m.label)).toEqual(['Password', 'FIDO2 security key']);
    expect(state.eligibility).toEqual({ canIssue: true, reasons: [], warnings: [] });
    expect(state.adminRoles).toEqual(['Authentication Administrator']);
    expect(state.policy).toMatchObject({ fromCache: false, fetchedAt: NOW });
    expect(store.value?.policy?.state).toBe('enabled');
  });

  it('leaves the policy out of the batch while the cached copy is fresh', async () => {
    const graph = createFakeGraph(base());
    const store = memoryStore({
      policy: null,
      groups: [],
      unreadable: { kind: 'forbidden', message: 'x' },
      fetchedAt: NOW - 60_000,
      fromCache: false,
    });
    const state = await loadPanelState(ADELE, {
      client: clientFor(graph.fetch),
      policyStore: store,
      adminId: null,
      now: () => NOW,
    });
    expect(graph.calls).toHaveLength(1);
    expect(batchUrls(graph.calls[0])).not.toContain(POLICY_URL);
    expect(state.policy.fromCache).toBe(true);
  });

  it('keeps going when methods or the policy are forbidden', async () => {
    const denied = {
      status: 403,
      body: envelope('Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
    };
    const graph = createFakeGraph(
      base([on('GET', `/users/${ADELE}/authentication/methods`, denied), on('GET', POLICY_URL, denied)]),
    );
    const state = await loadPanelState(ADELE, {
      client: clientFor(graph.fetch),
      policyStore: memoryStore(),
      adminId: null,
      now: () => NOW,
    });
    expect(state.methods).toEqual([]);
    expect(state.methodsUnreadable?.kind).toBe('forbidden');
    expect(state.policy.policy).toBeNull();
    expect(state.policy.unreadable?.message).toMatch(
      /Global Reader, Authentication Policy Administrator or Global Administrator/,
    );
    expect(state.user.id).toBe(ADELE);
  });

  it('an unknown user is a notFound error', async () => {
    const graph = createFakeGraph(
      base([on('GET', `/users/${ADELE}`, { status: 404, body: envelope('Request_ResourceNotFound', 'no') })]),
    );
    await expect(
      loadPanelState(ADELE, { client: clientFor(graph.fetch), policyStore: memoryStore(), adminId: null }),
    ).rejects.toMatchObject({
      info: { kind: 'notFound' },
    });
  });

  it('names the excluded group from the user memberships', async () => {
    const graph = createFakeGraph(
      base([
        on('GET', `/users/${ADELE}/transitiveMemberOf`, {
          status: 200,
          body: { value: [{ '@odata.type': '#microsoft.graph.group', id: EXCLUDED, displayName: 'TAP Excluded' }] },
        }),
      ]),
    );
    const state = await loadPanelState(ADELE, {
      client: clientFor(graph.fetch),
      policyStore: memoryStore(),
      adminId: null,
      now: () => NOW,
    });
    expect(state.eligibility.canIssue).toBe(true); // a warning: Graph creates the pass, the user can't sign in with it
    expect(state.eligibility.warnings[0]?.sentence).toMatch(/TAP Excluded/);
    expect(graph.calls).toHaveLength(1);
  });
});
