import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMINS, GROUPS, TARGETS } from './seed';
import { startTenant, type Tenant } from './server';
import { call, graph, signIn } from './test-client';

interface BatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: Record<string, unknown>;
}

const taps = (id: string) => `/users/${id}/authentication/temporaryAccessPassMethods`;
const post = (id: string, n: number) => ({
  id: String(n),
  method: 'POST',
  url: taps(id),
  body: {},
  headers: { 'Content-Type': 'application/json' },
});

describe('simulated tenant: many users and a $batch of pass POSTs', () => {
  let tenant: Tenant;
  let megan: string;
  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
    megan = (await signIn(tenant, ADMINS.megan.id)).accessToken;
  });
  afterAll(() => tenant.close());
  beforeEach(() => tenant.control.reset());
  const batch = async (requests: object[]) =>
    (await graph(tenant, megan, '/$batch', { method: 'POST', body: { requests } })).json<{ responses: BatchResponse[] }>()
      .responses;

  it('seeds ordinary members in the groups named, numbered on across calls', () => {
    const first = tenant.control.seedUsers({ count: 3, prefix: 'wave', groupIds: [GROUPS.pilot.id] });
    expect(first.map((u) => u.userPrincipalName)).toEqual([
      'wave001@contoso.onmicrosoft.com',
      'wave002@contoso.onmicrosoft.com',
      'wave003@contoso.onmicrosoft.com',
    ]);
    const next = tenant.control.seedUsers({ count: 1 });
    expect(next[0]).toMatchObject({ displayName: 'bulk 004', userPrincipalName: 'bulk004@contoso.onmicrosoft.com' });
    const user = tenant.control.state.users.find((u) => u.id === first[0]?.id);
    expect(user).toMatchObject({ accountEnabled: true, userType: 'Member', roles: [], creationType: null });
    expect(tenant.control.state.groups.find((g) => g.id === GROUPS.pilot.id)?.members).toEqual(
      expect.arrayContaining(first.map((u) => u.id)),
    );
    expect(() => tenant.control.seedUsers({ count: 0 })).toThrow(/count/);
    expect(() => tenant.control.seedUsers({ count: 1, groupIds: ['33333333-0000-4000-8000-00000000ffff'] })).toThrow(/No group/);
  });

  it('seeds over HTTP, and says what is wrong with a spec', async () => {
    const ok = await call(tenant, `${tenant.origin}/__control/seed-users`, { method: 'POST', body: { count: 2 } });
    expect(ok.status).toBe(200);
    expect(ok.json<{ id: string }[]>()).toHaveLength(2);
    const bad = await call(tenant, `${tenant.origin}/__control/seed-users`, {
      method: 'POST',
      body: { count: 1, prefix: 'no spaces' },
    });
    expect(bad.status).toBe(400);
    expect(bad.json()).toEqual({ error: expect.stringMatching(/prefix/) });
  });

  it('answers 20 POSTs in one $batch with 20 passes, each value only in its own 201', async () => {
    const users = tenant.control.seedUsers({ count: 20 });
    const responses = await batch(users.map((u, n) => post(u.id, n)));
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const values = responses.map((r) => r.body?.temporaryAccessPass);
    expect(new Set(values).size).toBe(20);
    expect(Object.keys(tenant.control.state.passes)).toEqual(expect.arrayContaining(users.map((u) => u.id)));
    const listed = await batch(users.slice(0, 2).map((u, n) => ({ id: String(n), method: 'GET', url: taps(u.id) })));
    expect(listed.map((r) => ((r.body?.value ?? []) as { temporaryAccessPass: unknown }[])[0]?.temporaryAccessPass)).toEqual([
      null,
      null,
    ]);
    expect(
      tenant.control
        .requestLog()
        .at(-2)
        ?.batch?.filter((item) => item.status === 201),
    ).toHaveLength(20);
  });

  it('a throttled POST inside the $batch: the batch answers 200, that item 429 without Retry-After, nothing created', async () => {
    tenant.control.injectFault({ host: 'graph', inBatch: true, method: 'POST', path: TARGETS.adele.id, status: 429, times: 1 });
    const raw = await graph(tenant, megan, '/$batch', {
      method: 'POST',
      body: { requests: [post(TARGETS.adele.id, 0), post(TARGETS.henrietta.id, 1)] },
    });
    expect(raw.status).toBe(200);
    // Answers may come in any order (json-batching.md): paired by id.
    const responses = raw.json<{ responses: BatchResponse[] }>().responses;
    const adele = responses.find((r) => r.id === '0');
    const henrietta = responses.find((r) => r.id === '1');
    expect(adele).toMatchObject({ status: 429, body: { error: { code: 'TooManyRequests' } } });
    expect(Object.keys(adele?.headers ?? {}).map((h) => h.toLowerCase())).not.toContain('retry-after');
    expect(henrietta?.status).toBe(201);
    expect(tenant.control.state.passes[TARGETS.adele.id]).toBeUndefined();
  });
});
