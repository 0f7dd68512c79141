import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BULK_SENTENCES } from '@/utils/background/handlers/bulk-issue';
import { RECONCILE_MESSAGES } from '@/utils/background/handlers/issue-tap';
import type { BulkCheckRow, BulkIssueResult, BulkIssueRow } from '@/utils/messages';
import { ADMINS, LYNNE_PASS_ID, type SeedPerson, TARGETS } from '../../tenant/seed';
import { startTenant, type Tenant } from '../../tenant/server';
import { bulkSession, createdPosts, postBatches, rowsFor } from './harness';

type Session = Awaited<ReturnType<typeof bulkSession>>;
type Issued = { results: BulkIssueResult[] };

describe('bulkIssue against the simulated tenant', () => {
  let tenant: Tenant;
  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
  });
  afterAll(() => tenant.close());
  beforeEach(() => tenant.control.reset());

  const check = async (session: Session, refs: string[]) => {
    const reply = await session.send<{ rows: BulkCheckRow[] }>({ type: 'bulkCheck', refs });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.data?.rows ?? [];
  };
  const issue = async (session: Session, rows: BulkIssueRow[]) => {
    const reply = await session.send<Issued>({ type: 'bulkIssue', rows });
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.data?.results ?? [];
  };
  /** Twenty new members, checked (so resolved in this session). */
  const checkedUsers = async (session: Session, count = 20) => {
    const users = tenant.control.seedUsers({ count });
    await check(
      session,
      users.map((u) => u.userPrincipalName),
    );
    tenant.control.clearLog();
    return users;
  };
  const passOf = (userId: string) => tenant.control.state.passes[userId];

  it('issues twenty rows with one $batch of twenty POSTs, each row its own pass', async () => {
    const session = await bulkSession(tenant);
    const users = await checkedUsers(session);
    const results = await issue(session, rowsFor(users, { lifetimeInMinutes: 120 }));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill('issued'));
    const batches = postBatches(tenant);
    expect(batches).toHaveLength(1);
    expect(batches[0]?.batch?.map((item) => [item.method, item.status])).toEqual(Array(20).fill(['POST', 201]));
    for (const [n, user] of users.entries()) {
      const result = results[n];
      expect(result).toMatchObject({ userId: user.id, status: 'issued', pass: { lifetimeInMinutes: 120 } });
      if (result?.status === 'issued') expect(result.pass.id).toBe(passOf(user.id)?.id);
    }
    const values = results.map((r) => (r.status === 'issued' ? r.pass.temporaryAccessPass : ''));
    expect(new Set(values).size).toBe(20);
    expect(values.every((v) => v.length >= 8)).toBe(true);
  });

  it('a repeated rowId is answered "already handled", with no second POST; nor a second history entry', async () => {
    const session = await bulkSession(tenant);
    const users = await checkedUsers(session, 3);
    const rows = rowsFor(users);
    await issue(session, rows);
    const first = Object.fromEntries(users.map((u) => [u.id, passOf(u.id)?.id]));
    const again = await issue(session, rows);
    expect(again).toEqual(
      rows.map((row) => ({
        rowId: row.rowId,
        userId: row.userId,
        status: 'failed',
        error: { kind: 'invalidInput', message: BULK_SENTENCES.alreadyHandled },
      })),
    );
    expect(postBatches(tenant)).toHaveLength(1);
    expect(Object.fromEntries(users.map((u) => [u.id, passOf(u.id)?.id]))).toEqual(first);
    await expect.poll(async () => (await session.historyStore.getValue())?.length).toBe(3);
  });

  it('refuses a user no check resolved, and one the check skipped, before any request', async () => {
    const session = await bulkSession(tenant);
    await check(session, [TARGETS.diego.id]); // excluded: skipped, so never made issuable
    tenant.control.clearLog();
    const results = await issue(session, rowsFor([TARGETS.adele, TARGETS.diego]));
    expect(results.map((r) => r.status === 'failed' && r.error.message)).toEqual([
      BULK_SENTENCES.notResolved,
      BULK_SENTENCES.notResolved,
    ]);
    expect(tenant.control.requestLog()).toHaveLength(0);
    expect(passOf(TARGETS.adele.id)).toBeUndefined();
  });

  it('a user whose pass a panel is issuing right now: the row issues none; a panel clicking meanwhile never gets the row’s pass', async () => {
    const session = await bulkSession(tenant);
    const users = await checkedUsers(session, 2);
    const [busy, free] = users as [SeedPerson, SeedPerson];
    let finish: (value: never) => void = () => {};
    session.services.guard.track(
      busy.id,
      new Promise<never>((resolve) => {
        finish = resolve;
      }),
    );
    tenant.control.setLatency(100);
    const pending = issue(session, rowsFor([busy, free]));
    await expect.poll(() => session.services.guard.issuing(free.id), { interval: 5 }).toBe('bulk');
    // issueTap refuses a user a list is issuing for (issue-tap.ts): nothing to join, so the pass stays on the bulk page.
    expect(session.services.guard.joining(free.id)).toBeUndefined();
    const results = await pending;
    tenant.control.setLatency(0);
    finish(undefined as never);
    expect(results[0]).toMatchObject({ status: 'failed', error: { message: BULK_SENTENCES.inFlight } });
    expect(results[1]?.status).toBe('issued');
    expect(postBatches(tenant)[0]?.batch).toHaveLength(1);
  });

  it('checks each row’s options against the policy before any request', async () => {
    const session = await bulkSession(tenant);
    const users = await checkedUsers(session, 2);
    const results = await issue(session, [
      { ...rowsFor([users[0] as { id: string }])[0], options: { lifetimeInMinutes: 600 } } as BulkIssueRow,
      ...rowsFor([users[1] as { id: string }], { lifetimeInMinutes: 60 }),
    ]);
    expect(results[0]).toMatchObject({
      status: 'failed',
      error: { kind: 'lifetimeOutOfRange', message: expect.stringMatching(/60–480 minutes/) },
    });
    expect(results[1]?.status).toBe('issued');
    expect(postBatches(tenant)[0]?.batch).toHaveLength(1);
  });

  it('a replace row replaces the user’s pass, and the history says replace', async () => {
    const session = await bulkSession(tenant);
    await check(session, [TARGETS.lynne.id]);
    const [result] = await issue(session, rowsFor([TARGETS.lynne]));
    expect(result?.status).toBe('issued');
    expect(passOf(TARGETS.lynne.id)?.id).not.toBe(LYNNE_PASS_ID);
    await expect.poll(async () => (await session.historyStore.getValue())?.[0]?.action).toBe('replace');
  });

  it("Graph's refusal of one row (an Authentication Administrator on an admin) is that row's sentence; the rest issue", async () => {
    const session = await bulkSession(tenant, ADMINS.alex);
    await check(session, [TARGETS.miriam.id, TARGETS.adele.id]);
    const results = await issue(session, rowsFor([TARGETS.miriam, TARGETS.adele]));
    expect(results[0]).toMatchObject({
      status: 'failed',
      error: { kind: 'forbidden', message: expect.stringMatching(/can't issue a Temporary Access Pass for this user/) },
    });
    expect(results[1]?.status).toBe('issued');
  });

  it.each([
    ['with Retry-After: waits what Graph asked', '3', [3000]],
    ['without Retry-After (authentication methods send none): backs off 10 s', undefined, [10_000]],
  ])('a throttled POST %s and sends only it again, once: one pass', async (_name, retryAfter, waits) => {
    const session = await bulkSession(tenant);
    const users = await checkedUsers(session, 3);
    const throttled = users[1] as { id: string };
    tenant.control.injectFault({
      host: 'graph',
      inBatch: true,
      method: 'POST',
      path: throttled.id,
      status: 429,
      ...(retryAfter && { retryAfter }),
      times: 1,
    });
    const results = await issue(session, rowsFor(users));
    expect(results.map((r) => r.status)).toEqual(['issued', 'issued', 'issued']);
    expect(session.waits).toEqual(waits);
    const batches = postBatches(tenant);
    expect(batches.map((b) => b.batch?.length)).toEqual([3, 1]);
    expect(batches[1]?.batch?.[0]?.url).toContain(throttled.id);
    for (const user of users) expect(createdPosts(tenant, user.id)).toBe(1);
  });

  it('throttled past the budget (10 s, then 20 s): a failed row saying so, nothing created', async () => {
    const session = await bulkSession(tenant);
    const users = await checkedUsers(session, 2);
    const throttled = users[0] as { id: string };
    tenant.control.injectFault({ host: 'graph', inBatch: true, method: 'POST', path: throttled.id, status: 429 });
    const results = await issue(session, rowsFor(users));
    expect(results[0]).toMatchObject({
      status: 'failed',
      error: {
        kind: 'throttled',
        message: expect.stringMatching(/kept throttling requests for 30 seconds, so no pass was issued/),
      },
    });
    expect(results[1]?.status).toBe('issued');
    expect(session.waits).toEqual([10_000, 20_000]);
    expect(passOf(throttled.id)).toBeUndefined();
  });

  it('a Retry-After longer than the budget is not waited out: the row says when to try again', async () => {
    const session = await bulkSession(tenant);
    const users = await checkedUsers(session, 1);
    tenant.control.injectFault({ host: 'graph', inBatch: true, method: 'POST', status: 429, retryAfter: '120', times: 1 });
    const [result] = await issue(session, rowsFor(users));
    expect(result).toMatchObject({
      status: 'failed',
      error: { kind: 'throttled', retryAfterSeconds: 120, message: expect.stringMatching(/asked to wait 120 seconds/) },
    });
    expect(session.waits).toEqual([]);
  });

  it('the $batch dropped before Graph saw it: the reads show no pass, the rows are sent once more, each issued once', async () => {
    const session = await bulkSession(tenant);
    const users = await checkedUsers(session, 20);
    tenant.control.injectFault({ host: 'graph', method: 'POST', path: '/$batch', drop: 'before', times: 1 });
    const results = await issue(session, rowsFor(users));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill('issued'));
    for (const user of users) expect(createdPosts(tenant, user.id)).toBe(1);
    const log = tenant.control.requestLog();
    expect(log.filter((e) => e.dropped === 'before')).toHaveLength(1);
    expect(session.waits).toEqual([500, 1000, 2000]); // settle.ts's bounded re-reads, then the one re-send
    for (const [n, user] of users.entries()) {
      const result = results[n];
      if (result?.status === 'issued') expect(result.pass.id).toBe(passOf(user.id)?.id);
    }
  });

  it('the answer dropped after Graph acted: the reads find the new passes, no row is sent again or shows a pass', async () => {
    const session = await bulkSession(tenant);
    const users = await checkedUsers(session, 5);
    tenant.control.injectFault({ host: 'graph', method: 'POST', path: '/$batch', drop: 'after', times: 1 });
    const results = await issue(session, rowsFor(users));
    for (const [n, user] of users.entries()) {
      expect(results[n]).toEqual({
        rowId: results[n]?.rowId,
        userId: user.id,
        status: 'unknown',
        error: { kind: 'ambiguous', message: RECONCILE_MESSAGES.created },
      });
      expect(createdPosts(tenant, user.id)).toBe(1);
      // The guard knows the new pass: the next check says replace, and a re-issue replaces this one.
      expect((await session.services.guard.resolved(user.id))?.passId).toBe(passOf(user.id)?.id);
    }
    expect(JSON.stringify(results)).not.toContain('temporaryAccessPass');
  });

  it('a 5xx for one POST: read back, nothing there, sent once more and issued', async () => {
    const session = await bulkSession(tenant);
    const users = await checkedUsers(session, 2);
    const failing = users[0] as { id: string };
    tenant.control.injectFault({ host: 'graph', inBatch: true, method: 'POST', path: failing.id, status: 503, times: 1 });
    const results = await issue(session, rowsFor(users));
    expect(results.map((r) => r.status)).toEqual(['issued', 'issued']);
    expect(postBatches(tenant).map((b) => b.batch?.length)).toEqual([2, 1]);
    expect(createdPosts(tenant, failing.id)).toBe(1);
  });

  it('lost twice (a 5xx, read back empty, sent again, a 5xx again): reported with the server error, no third POST', async () => {
    const session = await bulkSession(tenant);
    const users = await checkedUsers(session, 1);
    const user = users[0] as { id: string };
    tenant.control.injectFault({ host: 'graph', inBatch: true, method: 'POST', path: user.id, status: 503, times: 2 });
    const [result] = await issue(session, rowsFor(users));
    expect(result).toMatchObject({ status: 'unknown', error: { kind: 'serverError', message: expect.stringMatching(/503/) } });
    expect(postBatches(tenant)).toHaveLength(2);
    expect(passOf(user.id)).toBeUndefined();
  });

  it('no read works after a lost answer: nothing is known, so nothing is sent again', async () => {
    const session = await bulkSession(tenant);
    const users = await checkedUsers(session, 1);
    tenant.control.injectFault({ host: 'graph', method: 'POST', path: '/$batch', drop: 'before', times: 5 });
    // Every $batch (the reads too) is dropped: nothing can be checked, so nothing is sent again.
    const [result] = await issue(session, rowsFor(users));
    expect(result).toMatchObject({
      status: 'unknown',
      error: { kind: 'ambiguous', message: expect.stringMatching(/couldn’t check/) },
    });
    expect(tenant.control.requestLog().filter((e) => e.dropped === 'before')).toHaveLength(5);
    expect(passOf(users[0]?.id as string)).toBeUndefined();
  });

  it('offline: failed rows, no request, and the same rows issue once back online', async () => {
    let online = false;
    const session = await bulkSession(tenant, ADMINS.megan, { isOnline: () => online });
    const users = await checkedUsers(session, 2);
    const rows = rowsFor(users);
    const offline = await issue(session, rows);
    expect(offline.map((r) => r.status === 'failed' && r.error)).toEqual([
      { kind: 'offline', message: BULK_SENTENCES.offline },
      { kind: 'offline', message: BULK_SENTENCES.offline },
    ]);
    expect(tenant.control.requestLog()).toHaveLength(0);
    online = true;
    expect((await issue(session, rows)).map((r) => r.status)).toEqual(['issued', 'issued']);
  });

  it('history: one entry per row, source bulk, issue or replace from the check; no pass in storage or logs', async () => {
    const session = await bulkSession(tenant);
    const users = await checkedUsers(session, 3);
    await check(session, [TARGETS.lynne.id]);
    const results = await issue(session, rowsFor([...users, TARGETS.lynne], { lifetimeInMinutes: 90 }));
    const passes = results.flatMap((r) => (r.status === 'issued' ? [r.pass.temporaryAccessPass] : []));
    expect(passes).toHaveLength(4);
    await expect.poll(async () => (await session.historyStore.getValue())?.length).toBe(4);
    const history = (await session.historyStore.getValue()) ?? [];
    expect(history.map((e) => [e.user.id, e.action, e.source, e.result.status])).toEqual(
      expect.arrayContaining([
        ...users.map((u) => [u.id, 'issue', 'bulk', 'done']),
        [TARGETS.lynne.id, 'replace', 'bulk', 'done'],
      ]),
    );
    expect(history[0]).toMatchObject({ options: { lifetimeInMinutes: 90 }, tenant: { id: tenant.control.state.tenant.id } });
    const stored = JSON.stringify({
      history: await session.historyStore.getValue(),
      guard: await session.guardStore.getValue(),
      policy: await session.policyStore.getValue(),
      bindings: await session.bindingStore.getValue(),
      logs: session.logs,
    });
    for (const pass of passes) expect(stored).not.toContain(pass);
    expect(stored).not.toContain('temporaryAccessPass');
  });
});
