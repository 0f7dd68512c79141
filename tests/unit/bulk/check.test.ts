import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LIST_SKIPS_SENTENCE } from '@/utils/bulk-background/verdict';
import type { TapPolicy } from '@/utils/graph/types';
import type { BulkCheckRow } from '@/utils/messages';
import { ADMINS, EXTERNAL_USERS, GROUPS, LYNNE_PASS_ID, TARGETS } from '../../tenant/seed';
import { startTenant, type Tenant } from '../../tenant/server';
import { bulkSession, roundTrips } from './harness';

type Checked = { rows: BulkCheckRow[]; policy: TapPolicy | null };

describe('bulkCheck against the simulated tenant', () => {
  let tenant: Tenant;
  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
  });
  afterAll(() => tenant.close());
  beforeEach(() => tenant.control.reset());

  const check = async (session: Awaited<ReturnType<typeof bulkSession>>, refs: string[]) => {
    const reply = await session.send<Checked>({ type: 'bulkCheck', refs });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.data as Checked;
  };
  const byRef = (rows: BulkCheckRow[]) => new Map(rows.map((row) => [row.ref, row]));

  it('gives the panel’s verdicts: issue, replace (saying it deletes the pass), and skips with the panel’s sentences', async () => {
    const session = await bulkSession(tenant);
    const { rows, policy } = await check(session, [
      TARGETS.adele.id,
      TARGETS.lynne.userPrincipalName,
      TARGETS.isla.id,
      TARGETS.chris.id,
      EXTERNAL_USERS.dana.id,
      TARGETS.diego.id,
      TARGETS.nestor.id,
      'nobody@contoso.onmicrosoft.com',
      ADMINS.megan.id,
    ]);
    expect(policy).toMatchObject({ state: 'enabled', excludeTargets: [{ id: GROUPS.tapExcluded.id }] });
    const row = byRef(rows);
    expect(row.get(TARGETS.adele.id)).toEqual({
      ref: TARGETS.adele.id,
      verdict: 'issue',
      user: { id: TARGETS.adele.id, displayName: 'Adele Vance', userPrincipalName: TARGETS.adele.userPrincipalName },
    });
    expect(row.get(TARGETS.lynne.userPrincipalName)).toMatchObject({
      verdict: 'replace',
      user: { id: TARGETS.lynne.id },
      sentence: expect.stringMatching(
        /Lynne Robbins has a Temporary Access Pass now\. Issuing replaces it: the current pass is deleted/,
      ),
      currentPass: { id: LYNNE_PASS_ID, lifetimeInMinutes: 480, isUsableOnce: false },
    });
    expect(row.get(TARGETS.isla.id)).toMatchObject({ verdict: 'issue' }); // an internal guest can have one
    expect(row.get(TARGETS.chris.id)).toMatchObject({
      verdict: 'skip',
      reason: 'externalGuest',
      sentence: expect.stringMatching(/Chris Green is an external guest/),
    });
    expect(row.get(EXTERNAL_USERS.dana.id)).toMatchObject({ verdict: 'skip', reason: 'externalMember' });
    expect(row.get(ADMINS.megan.id)).toMatchObject({
      verdict: 'skip',
      reason: 'self',
      sentence: "You can't issue a Temporary Access Pass for yourself. Ask another administrator to issue one for you.",
    });
    expect(row.get('nobody@contoso.onmicrosoft.com')).toEqual({
      ref: 'nobody@contoso.onmicrosoft.com',
      verdict: 'skip',
      reason: 'notFound',
      sentence: expect.stringMatching(/wasn't found in your directory/),
    });
  });

  it('skips where the panel only warns (excluded, disabled), with the warning and why a list skips', async () => {
    const session = await bulkSession(tenant);
    const row = byRef((await check(session, [TARGETS.diego.id, TARGETS.nestor.id])).rows);
    expect(row.get(TARGETS.diego.id)).toMatchObject({
      verdict: 'skip',
      reason: 'excluded',
      sentence: `Diego Siciliani is in “TAP Excluded”, which the Temporary Access Pass policy excludes. You can issue a pass, but Diego Siciliani can't sign in with it until you remove the user from that group or change the policy's exclusions. ${LIST_SKIPS_SENTENCE}`,
    });
    expect(row.get(TARGETS.nestor.id)).toMatchObject({
      verdict: 'skip',
      reason: 'accountDisabled',
      sentence: expect.stringMatching(/Nestor Wilke's account is disabled.*A list skips users who couldn’t sign in/),
    });
  });

  it('skips a user the policy does not include, naming its groups', async () => {
    tenant.control.setPolicy({ includeTargets: [{ targetType: 'group', id: GROUPS.pilot.id }] });
    const session = await bulkSession(tenant);
    const row = byRef((await check(session, [TARGETS.pradeep.id, TARGETS.henrietta.id, TARGETS.lynne.id])).rows);
    expect(row.get(TARGETS.pradeep.id)).toMatchObject({
      verdict: 'skip',
      reason: 'notIncluded',
      sentence: expect.stringMatching(/Pradeep Gupta isn't in the group .*\(“Pilot TAP users”\).*A list skips/),
    });
    expect(row.get(TARGETS.henrietta.id)).toMatchObject({ verdict: 'issue' });
    expect(row.get(TARGETS.lynne.id)).toMatchObject({ verdict: 'replace' }); // included through a nested group
  });

  it('an Authentication Administrator (policy and admins’ roles hidden from Alex) gets no claims it can’t back', async () => {
    const session = await bulkSession(tenant, ADMINS.alex);
    const { rows, policy } = await check(session, [TARGETS.miriam.id, TARGETS.chris.id, ADMINS.alex.id]);
    expect(policy).toBeNull(); // 403: Graph decides the policy's verdicts at issue time, as in the panel
    const row = byRef(rows);
    expect(row.get(TARGETS.miriam.id)).toMatchObject({ verdict: 'issue' }); // Graph's 403 at the issue says why not
    expect(row.get(TARGETS.chris.id)).toMatchObject({ verdict: 'skip', reason: 'externalGuest' });
    expect(row.get(ADMINS.alex.id)).toMatchObject({ verdict: 'skip', reason: 'self' });
  });

  it('a policy that is off skips every row with its sentence', async () => {
    tenant.control.setPolicy({ state: 'disabled' });
    const session = await bulkSession(tenant);
    const { rows } = await check(session, [TARGETS.adele.id]);
    expect(rows[0]).toMatchObject({ verdict: 'skip', reason: 'policyDisabled' });
  });

  it('one user named twice (object id and UPN): the second line is skipped, never a second pass', async () => {
    const session = await bulkSession(tenant);
    const { rows } = await check(session, [TARGETS.adele.id, TARGETS.adele.userPrincipalName]);
    expect(rows.map((r) => r.verdict)).toEqual(['issue', 'skip']);
    expect(rows[1]?.sentence).toMatch(/is on this list already \(as 22222222-0000-4000-8000-000000000001\)/);
  });

  it('records only the rows that will be issued with the issue guard, with their current pass', async () => {
    const session = await bulkSession(tenant);
    await check(session, [TARGETS.adele.id, TARGETS.lynne.id, TARGETS.diego.id, TARGETS.chris.id]);
    expect(await session.services.guard.resolved(TARGETS.adele.id)).toMatchObject({
      passId: null,
      displayName: 'Adele Vance',
    });
    expect(await session.services.guard.resolved(TARGETS.lynne.id)).toMatchObject({ passId: LYNNE_PASS_ID });
    expect(await session.services.guard.resolved(TARGETS.diego.id)).toBeNull();
    expect(await session.services.guard.resolved(TARGETS.chris.id)).toBeNull();
  });

  it('100 references in 5 messages: few round trips, the policy and the admin’s roles read once', async () => {
    const users = tenant.control.seedUsers({ count: 100 });
    const session = await bulkSession(tenant);
    const refs = users.map((u) => u.userPrincipalName);
    const chunks = [0, 1, 2, 3, 4].map((n) => refs.slice(n * 20, n * 20 + 20));
    tenant.control.clearLog();
    session.traffic.spans = [];
    tenant.control.setLatency(50); // answers arrive after one another, not all in the same instant
    const answers = await Promise.all(chunks.map((chunk) => check(session, chunk)));
    tenant.control.setLatency(0);
    expect(answers.flatMap((a) => a.rows).filter((r) => r.verdict === 'issue')).toHaveLength(100);

    const log = tenant.control.requestLog().filter((entry) => entry.host === 'graph');
    const subRequests = log.flatMap((entry) => entry.batch ?? []);
    expect(
      subRequests.filter((item) => item.url.includes('authenticationMethodConfigurations/TemporaryAccessPass')),
    ).toHaveLength(1);
    expect(log.filter((entry) => entry.path.startsWith('/v1.0/me/transitiveMemberOf'))).toHaveLength(1);
    // 300 per-user reads in 15 batches, the policy's batch and its groups' names: 17, plus the admin's roles.
    expect(log.filter((entry) => entry.path === '/v1.0/$batch')).toHaveLength(17);
    expect(session.traffic.maxInFlight).toBeLessThanOrEqual(5);
    // 18 requests, 5 at a time: 4 round trips of wall time (issue 14's budget: 6).
    expect(roundTrips(session.traffic)).toBeLessThanOrEqual(4);

    // Within the minute, the next list reads neither again.
    tenant.control.clearLog();
    await check(session, refs.slice(0, 5));
    const again = tenant.control.requestLog();
    expect(again.flatMap((e) => e.batch ?? []).filter((i) => i.url.startsWith('/policies/'))).toHaveLength(0);
    expect(again.filter((e) => e.path.startsWith('/v1.0/me/'))).toHaveLength(0);
    expect(again).toHaveLength(1);
  });

  it('refuses the request from anything but the bulk page, before any Graph request', async () => {
    const session = await bulkSession(tenant);
    const { createDispatcher } = await import('@/utils/background/dispatcher');
    const { SELF } = await import('./harness');
    const dispatch = createDispatcher(session.services, SELF);
    const popup = { id: SELF.id, url: `${SELF.pagesBaseUrl}popup.html` };
    expect(await dispatch({ type: 'bulkCheck', refs: [TARGETS.adele.id] }, popup)).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
    expect(session.traffic.requests).toBe(0);
  });
});
