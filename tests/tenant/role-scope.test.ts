import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ROLE } from './roles';
import { ADMINS, TARGETS } from './seed';
import { startTenant, type Tenant } from './server';
import { claimsOf, graph, signIn } from './test-client';

const passes = (userRef: string) => `/users/${userRef}/authentication/temporaryAccessPassMethods`;

describe('simulated tenant: roles as Entra counts them (PIM, administrative units, role-assignable groups)', () => {
  let tenant: Tenant;
  const token: Record<string, string> = {};
  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
    for (const who of ['megan', 'alex', 'priya', 'oscar', 'grace'] as const)
      token[who] = (await signIn(tenant, ADMINS[who].id)).accessToken;
  });
  afterAll(() => tenant.close());
  beforeEach(() => tenant.control.reset());
  const issue = (who: string, userId: string) => graph(tenant, token[who] ?? '', passes(userId), { method: 'POST', body: {} });

  it('an eligible (PIM) Authentication Administrator holds nothing until activated: 403 at the click, no role anywhere', async () => {
    expect((await issue('priya', TARGETS.adele.id)).status).toBe(403);
    expect(claimsOf(token.priya ?? '').wids).toEqual([]);
    const mine = (await graph(tenant, token.priya ?? '', '/me/transitiveMemberOf')).json<{ value: unknown[] }>().value;
    expect(mine).toEqual([]);
  });

  it('a unit-scoped Authentication Administrator acts inside the unit only, and the role is not in memberships', async () => {
    expect((await issue('oscar', TARGETS.adele.id)).status).toBe(201);
    expect((await issue('oscar', TARGETS.henrietta.id)).status).toBe(201);
    expect((await issue('oscar', TARGETS.diego.id)).status).toBe(403);
    expect((await graph(tenant, token.oscar ?? '', passes(TARGETS.lynne.id))).status).toBe(403);
    const mine = (await graph(tenant, token.oscar ?? '', '/me/transitiveMemberOf')).json<{ value: unknown[] }>().value;
    expect(mine).toEqual([]);
  });

  it('a restricted-management unit refuses tenant-wide admins, Global Administrator included, but lets them read', async () => {
    expect((await issue('alex', TARGETS.kenji.id)).status).toBe(403);
    expect((await issue('megan', TARGETS.kenji.id)).status).toBe(403);
    expect((await graph(tenant, token.megan ?? '', passes(TARGETS.kenji.id))).status).toBe(200);
  });

  it('a role held through a role-assignable group counts, and shows in transitiveMemberOf and wids', async () => {
    expect((await issue('grace', TARGETS.adele.id)).status).toBe(201);
    expect(claimsOf(token.grace ?? '').wids).toEqual([ROLE.authenticationAdministrator]);
    const mine = (await graph(tenant, token.grace ?? '', '/me/transitiveMemberOf')).json<{
      value: Record<string, unknown>[];
    }>().value;
    expect(mine.map((item) => item['@odata.type'])).toEqual(
      expect.arrayContaining(['#microsoft.graph.group', '#microsoft.graph.directoryRole']),
    );
  });
});
