import { describe, expect, it } from 'vitest';
import { CHECK_MEMBER_GROUPS_MAX_IDS, completeMemberships } from '@/utils/graph/memberships';
import { loadPanelState } from '@/utils/graph/panel-state';
import type { PolicyStore } from '@/utils/graph/policy';
import { ROLE } from '@/utils/graph/roles';
import type { TapPolicy } from '@/utils/graph/types';
import type { PolicyView } from '@/utils/messages';
import { clientFor, createFakeGraph, envelope, on, type Route } from './fake-graph';

const JONI = '22222222-0000-4000-8000-00000000000a';
const WAVE = '33333333-0000-4000-8000-000000000004';
const EXCLUDED = '33333333-0000-4000-8000-000000000001';
const NOW = 1_750_000_000_000;
const NEXT = (path: string) => `https://graph.microsoft.com/v1.0${path}?$top=999&$skiptoken=RFNwdAIx`;

const project = (n: number) => ({
  '@odata.type': '#microsoft.graph.group',
  id: `33333333-0000-4000-8001-${String(n).padStart(12, '0')}`,
  displayName: `Project team ${n}`,
});
const role = (roleTemplateId: string, displayName: string) => ({
  '@odata.type': '#microsoft.graph.directoryRole',
  id: `role-${roleTemplateId}`,
  displayName,
  roleTemplateId,
});
/** A first page cut short: a hundred groups and a nextLink. */
const cutShort = (path: string) => ({
  status: 200,
  body: { '@odata.nextLink': NEXT(path), value: Array.from({ length: 100 }, (_, i) => project(i + 1)) },
});

function policyView(over: Partial<TapPolicy> = {}): PolicyView {
  return {
    policy: {
      state: 'enabled',
      defaultLifetimeInMinutes: 60,
      minimumLifetimeInMinutes: 60,
      maximumLifetimeInMinutes: 480,
      defaultLength: 8,
      isUsableOnce: false,
      includeTargets: [{ targetType: 'group', id: WAVE }],
      excludeTargets: [{ targetType: 'group', id: EXCLUDED }],
      ...over,
    },
    groups: [
      { id: WAVE, displayName: 'TAP onboarding wave 3' },
      { id: EXCLUDED, displayName: 'TAP Excluded' },
    ],
    unreadable: null,
    fetchedAt: NOW - 60_000,
    fromCache: false,
  };
}

const store = (value: PolicyView): PolicyStore => ({ getValue: async () => value, setValue: async () => {} });

/** Joni's view; `memberOf` is what checkMemberGroups finds him in, whatever page the list would put it on. */
function routes({ memberOf = [] as string[], targetPaged = true, adminPaged = false, over = [] as Route[] } = {}): Route[] {
  return [
    ...over,
    (req) => {
      if (req.url.includes('skiptoken')) throw new Error(`followed a nextLink: ${req.url}`);
      return undefined;
    },
    on('GET', `/users/${JONI}`, {
      status: 200,
      body: { id: JONI, displayName: 'Joni Sherman', userPrincipalName: 'JoniS@contoso.onmicrosoft.com', accountEnabled: true },
    }),
    on('GET', `/users/${JONI}/authentication/temporaryAccessPassMethods`, { status: 200, body: { value: [] } }),
    on('GET', `/users/${JONI}/authentication/methods`, { status: 200, body: { value: [] } }),
    on(
      'GET',
      `/users/${JONI}/transitiveMemberOf`,
      targetPaged ? cutShort(`/users/${JONI}/transitiveMemberOf`) : { status: 200, body: { value: [project(1)] } },
    ),
    on('GET', `/users/${JONI}/transitiveMemberOf/microsoft.graph.directoryRole`, { status: 200, body: { value: [] } }),
    on('POST', `/users/${JONI}/checkMemberGroups`, (body) => ({
      status: 200,
      body: { value: ((body as { groupIds: string[] }).groupIds ?? []).filter((id) => memberOf.includes(id)) },
    })),
    on(
      'GET',
      '/me/transitiveMemberOf',
      adminPaged
        ? cutShort('/me/transitiveMemberOf')
        : { status: 200, body: { value: [role(ROLE.globalAdministrator, 'Global Administrator')] } },
    ),
    on('GET', '/me/transitiveMemberOf/microsoft.graph.directoryRole', {
      status: 200,
      body: { value: [role(ROLE.authenticationAdministrator, 'Authentication Administrator')] },
    }),
  ];
}

type BatchBody = { requests: { id: string; method: string; url: string; body?: { groupIds: string[] } }[] };
const requestsOf = (call: { body: unknown } | undefined) => ((call?.body ?? { requests: [] }) as BatchBody).requests;

async function load(graphRoutes: Route[], view = policyView(), fetchWrap?: (f: typeof fetch) => typeof fetch) {
  const graph = createFakeGraph(graphRoutes);
  const state = await loadPanelState(JONI, {
    client: clientFor(fetchWrap ? fetchWrap(graph.fetch) : graph.fetch),
    policyStore: store(view),
    adminId: '11111111-0000-4000-8000-000000000001',
    now: () => NOW,
  });
  return { state, calls: graph.calls };
}

describe('memberships longer than a page', () => {
  it('one page (no nextLink): one $batch, nothing more', async () => {
    const { state, calls } = await load(routes({ targetPaged: false }));
    expect(calls).toHaveLength(1);
    // Not in the wave group, and the list is whole: the verdict may say so.
    expect(state.eligibility.warnings.map((r) => r.reason)).toEqual(['notIncluded']);
  });

  it("the target's list cut short: one more $batch checks the policy's groups and reads the roles, no nextLink followed", async () => {
    const { state, calls } = await load(routes({ memberOf: [WAVE] }));
    expect(calls).toHaveLength(2);
    const second = requestsOf(calls[1]);
    expect(second.map((r) => `${r.method} ${r.url}`)).toEqual([
      `GET /users/${JONI}/transitiveMemberOf/microsoft.graph.directoryRole`,
      `POST /users/${JONI}/checkMemberGroups`,
    ]);
    expect(second[1]?.body?.groupIds.sort()).toEqual([WAVE, EXCLUDED].sort());
    expect(state.eligibility).toEqual({ canIssue: true, reasons: [], warnings: [] });
  });

  it('not in the included group on any page → notIncluded, naming it (the check makes the answer complete)', async () => {
    const { state, calls } = await load(routes({ memberOf: [] }));
    expect(calls).toHaveLength(2);
    // A warning, not a refusal: a pass can be created for anyone; only the policy's users can sign in with it.
    expect(state.eligibility.canIssue).toBe(true);
    expect(state.eligibility.warnings).toEqual([
      expect.objectContaining({ reason: 'notIncluded', sentence: expect.stringMatching(/“TAP onboarding wave 3”/) }),
    ]);
  });

  it('in the excluded group beyond the first page → excluded', async () => {
    const { state } = await load(routes({ memberOf: [WAVE, EXCLUDED] }));
    expect(state.eligibility.warnings.map((r) => r.reason)).toEqual(['excluded']);
    expect(state.eligibility.warnings[0]?.sentence).toMatch(/TAP Excluded/);
  });

  it("the policy's groups unnamed so far: their names come in the same second round, so the sentence names the group", async () => {
    const names = [
      on('GET', `/groups/${WAVE}`, { status: 200, body: { id: WAVE, displayName: 'TAP onboarding wave 3' } }),
      on('GET', `/groups/${EXCLUDED}`, { status: 200, body: { id: EXCLUDED, displayName: 'TAP Excluded' } }),
    ];
    const unnamed = { ...policyView(), groups: [] };
    const excluded = await load(routes({ memberOf: [EXCLUDED], over: names }), unnamed);
    expect(excluded.calls).toHaveLength(2);
    expect(requestsOf(excluded.calls[1]).filter((r) => r.url.startsWith('/groups/'))).toHaveLength(2);
    expect(excluded.state.eligibility.warnings.find((r) => r.reason === 'excluded')?.sentence).toMatch(/“TAP Excluded”/);
    const notIncluded = await load(routes({ memberOf: [], over: names }), unnamed);
    expect(notIncluded.calls).toHaveLength(2); // no third round to name the group
    expect(notIncluded.state.eligibility.warnings[0]?.sentence).toMatch(/“TAP onboarding wave 3”/);
  });

  it('the check fails → memberships stay incomplete: no notIncluded claimed from partial data', async () => {
    const failing = on('POST', `/users/${JONI}/checkMemberGroups`, {
      status: 500,
      body: envelope('generalException', 'boom'),
    });
    const { state, calls } = await load(routes({ memberOf: [], over: [failing] }));
    expect(calls).toHaveLength(2);
    expect(state.eligibility).toEqual({ canIssue: true, reasons: [], warnings: [] });
  });

  it('the second $batch fails as a whole → the first view still shows, incomplete', async () => {
    let n = 0;
    const wrap = (f: typeof fetch) =>
      (async (input: RequestInfo | URL, init?: RequestInit) => {
        n += 1;
        if (n > 1) return new Response(JSON.stringify(envelope('serviceNotAvailable', 'down')), { status: 503 });
        return f(input, init);
      }) as typeof fetch;
    const { state } = await load(routes({ memberOf: [] }), policyView(), wrap);
    expect(state.user.displayName).toBe('Joni Sherman');
    expect(state.eligibility).toEqual({ canIssue: true, reasons: [], warnings: [] });
  });

  it("the admin's own list cut short: their roles come from the cast, so an Authentication Administrator's verdict holds", async () => {
    const privileged = on('GET', `/users/${JONI}/transitiveMemberOf`, {
      status: 200,
      body: { value: [role(ROLE.userAdministrator, 'User Administrator')] },
    });
    const { state, calls } = await load(
      routes({ adminPaged: true, over: [privileged] }),
      policyView({ includeTargets: [{ targetType: 'group', id: 'all_users' }] }),
    );
    expect(calls).toHaveLength(2);
    expect(requestsOf(calls[1]).map((r) => r.url)).toEqual(['/me/transitiveMemberOf/microsoft.graph.directoryRole']);
    expect(state.adminRoles).toEqual(['Authentication Administrator']);
    expect(state.eligibility.reasons.map((r) => r.reason)).toEqual(['roleCannotActOnAdmin']);
  });

  it("the admin's roles cast cut short too (absurdly many roles) → unknown: no role verdict", async () => {
    const rolesPaged = on('GET', '/me/transitiveMemberOf/microsoft.graph.directoryRole', {
      status: 200,
      body: {
        '@odata.nextLink': NEXT('/me/transitiveMemberOf/microsoft.graph.directoryRole'),
        value: [role(ROLE.authenticationAdministrator, 'Authentication Administrator')],
      },
    });
    const privileged = on('GET', `/users/${JONI}/transitiveMemberOf`, {
      status: 200,
      body: { value: [role(ROLE.userAdministrator, 'User Administrator')] },
    });
    const { state } = await load(
      routes({ adminPaged: true, over: [rolesPaged, privileged] }),
      policyView({ includeTargets: [{ targetType: 'group', id: 'all_users' }] }),
    );
    expect(state.eligibility).toEqual({ canIssue: true, reasons: [], warnings: [] });
  });
});

describe('completeMemberships', () => {
  const open = { groups: [], roles: [], rolesOpaque: false, complete: false };

  it('checks at most 20 ids a call, all in one $batch', async () => {
    const ids = Array.from({ length: 25 }, (_, i) => `33333333-0000-4000-8002-${String(i).padStart(12, '0')}`);
    const graph = createFakeGraph(routes({ memberOf: [ids[3] as string, ids[22] as string] }));
    const result = await completeMemberships(clientFor(graph.fetch), {
      userRef: JONI,
      target: open,
      admin: null,
      policyGroupIds: ids,
    });
    expect(graph.calls).toHaveLength(1);
    const checks = requestsOf(graph.calls[0]).filter((r) => r.method === 'POST');
    expect(checks.map((r) => r.body?.groupIds.length)).toEqual([CHECK_MEMBER_GROUPS_MAX_IDS, 5]);
    expect(result.target?.groups.map((g) => g.id)).toEqual([ids[3], ids[22]]);
    expect(result.target?.complete).toBe(true);
  });

  it('more policy groups than one $batch can check → stays incomplete', async () => {
    const ids = Array.from({ length: 20 * 20 }, (_, i) => `33333333-0000-4000-8002-${String(i).padStart(12, '0')}`);
    const graph = createFakeGraph(routes());
    const result = await completeMemberships(clientFor(graph.fetch), {
      userRef: JONI,
      target: open,
      admin: null,
      policyGroupIds: ids,
    });
    expect(requestsOf(graph.calls[0])).toHaveLength(20);
    expect(result.target?.complete).toBe(false);
  });

  it('nothing cut short → no request at all', async () => {
    const graph = createFakeGraph(routes());
    const whole = { ...open, complete: true };
    const result = await completeMemberships(clientFor(graph.fetch), {
      userRef: JONI,
      target: whole,
      admin: null,
      policyGroupIds: [WAVE],
    });
    expect(graph.calls).toHaveLength(0);
    expect(result.target).toBe(whole);
  });
});
