import { describe, expect, it } from 'vitest';
import { loadPanelState } from '@/utils/graph/panel-state';
import { POLICY_URL } from '@/utils/graph/policy';
import { clientFor, createFakeGraph, memoryStore, on, type Route } from './fake-graph';

const PRADEEP = '22222222-0000-4000-8000-000000000006';
const PILOT = '33333333-0000-4000-8000-000000000002';

const routes = (groupName: Route): Route[] => [
  on('GET', `/users/${PRADEEP}`, {
    status: 200,
    body: {
      id: PRADEEP,
      displayName: 'Pradeep Gupta',
      userPrincipalName: 'PradeepG@contoso.onmicrosoft.com',
      accountEnabled: true,
    },
  }),
  on('GET', `/users/${PRADEEP}/authentication/temporaryAccessPassMethods`, { status: 200, body: { value: [] } }),
  on('GET', `/users/${PRADEEP}/authentication/methods`, { status: 200, body: { value: [] } }),
  on('GET', `/users/${PRADEEP}/transitiveMemberOf`, { status: 200, body: { value: [] } }),
  on('GET', '/me/transitiveMemberOf', { status: 200, body: { value: [] } }),
  on('GET', POLICY_URL, {
    status: 200,
    body: {
      state: 'enabled',
      defaultLifetimeInMinutes: 60,
      minimumLifetimeInMinutes: 60,
      maximumLifetimeInMinutes: 480,
      defaultLength: 8,
      isUsableOnce: false,
      includeTargets: [{ targetType: 'group', id: PILOT }],
      excludeTargets: [],
    },
  }),
  groupName,
];

const groupLookups = (graph: ReturnType<typeof createFakeGraph>) =>
  graph.calls.flatMap((call) => {
    const body = call.body as { requests?: { url: string }[] } | undefined;
    return [call.url, ...(body?.requests ?? []).map((r) => r.url)].filter((url) => url.includes('/groups/'));
  });

describe('the first view names the groups of a "not included" warning (the user is not in them)', () => {
  it('names them with one more batch when the first view did not know them, and keeps the names with the policy', async () => {
    const graph = createFakeGraph(
      routes(on('GET', `/groups/${PILOT}`, { status: 200, body: { id: PILOT, displayName: 'Pilot TAP users' } })),
    );
    const client = clientFor(graph.fetch);
    const store = memoryStore();
    const named = await loadPanelState(PRADEEP, { client, policyStore: store, adminId: null });
    expect(named.eligibility).toMatchObject({ canIssue: true, reasons: [] });
    expect(named.eligibility.warnings).toEqual([
      expect.objectContaining({
        reason: 'notIncluded',
        groups: [{ id: PILOT, displayName: 'Pilot TAP users' }],
        sentence: expect.stringMatching(
          /^Pradeep Gupta isn't in the group the Temporary Access Pass policy includes \(“Pilot TAP users”\)\. You can issue a pass, but Pradeep Gupta can't sign in with it/,
        ),
      }),
    ]);
    expect(store.value?.groups).toEqual([{ id: PILOT, displayName: 'Pilot TAP users' }]);
    expect(groupLookups(graph)).toHaveLength(1);
    // Known now: the next view asks nothing more.
    await loadPanelState(PRADEEP, { client, policyStore: store, adminId: null });
    expect(groupLookups(graph)).toHaveLength(1);
  });

  it('a failed lookup leaves the view as it was ("a group" is still true)', async () => {
    const graph = createFakeGraph(routes(on('GET', `/groups/${PILOT}`, { status: 403, body: {} })));
    const client = clientFor(graph.fetch);
    const store = memoryStore();
    const after = await loadPanelState(PRADEEP, { client, policyStore: store, adminId: null });
    expect(after.eligibility.warnings[0]?.sentence).toMatch(/\(a group\)/);
  });
});
