import { describe, expect, it } from 'vitest';
import { handleRequest } from '@/utils/background/dispatcher';
import { issueTap } from '@/utils/background/handlers/issue-tap';
import type { Request } from '@/utils/messages';
import { clientFor, createFakeGraph, envelope, on, type Route } from '../graph/fake-graph';
import { boundContext, fakeServices, windowCaller } from './services-fake';

const USER = '22222222-0000-4000-8000-000000000001';
const TAPS = `/users/${USER}/authentication/temporaryAccessPassMethods`;
const created = {
  id: 'new-pass',
  temporaryAccessPass: '+drkzqAD',
  createdDateTime: '2025-06-01T10:00:01Z',
  startDateTime: '2025-06-01T10:00:01Z',
  lifetimeInMinutes: 60,
  isUsableOnce: false,
  isUsable: true,
  methodUsabilityReason: 'EnabledByPolicy',
};

function setup(routes: Route[], fetchOverride?: typeof fetch, over: Parameters<typeof fakeServices>[1] = {}) {
  const graph = createFakeGraph(routes);
  const ctx = fakeServices(clientFor(fetchOverride ?? graph.fetch), over);
  // The requests come from a panel window the background opened for USER.
  const caller = windowCaller(ctx.windows, USER);
  /** What a first view does: the window's binding resolved to USER, whose current pass is `passId`. */
  const resolve = async (passId: string | null) => {
    await ctx.services.frames.setResolved('window:7', USER);
    await ctx.services.guard.recordResolved(USER, passId);
  };
  const send = (request: Request) => handleRequest(request, ctx.services, caller);
  return { graph, caller, resolve, send, ...ctx };
}

const issue = (attemptId: string, options = {}): Request => ({ type: 'issueTap', userId: USER, attemptId, options });

describe('issueTap', () => {
  it('refuses a user this session did not resolve', async () => {
    const { graph, send } = setup([]);
    const reply = await send(issue('attempt-0001'));
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalidInput' } });
    expect(graph.calls).toHaveLength(0);
  });

  it("refuses any user but the one the panel's binding resolved to, even one resolved elsewhere", async () => {
    const { services, graph, send } = setup([on('POST', TAPS, { status: 201, body: created })]);
    const OTHER = '22222222-0000-4000-8000-000000000009';
    await services.frames.setResolved('window:7', USER);
    await services.guard.recordResolved(OTHER, null); // another panel looked this one up
    const reply = await send({ type: 'issueTap', userId: OTHER, attemptId: 'attempt-0001', options: {} });
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalidInput' } });
    expect(graph.calls).toHaveLength(0);
  });

  it('refuses a page that is not a bound panel (no binding: unbound)', async () => {
    const { services, graph, resolve } = setup([on('POST', TAPS, { status: 201, body: created })]);
    await resolve(null);
    const stranger = await handleRequest(issue('attempt-0001'), services, { kind: 'panelWindow', tabId: 5, windowId: 99 });
    expect(stranger).toMatchObject({ ok: false, error: { kind: 'unbound' } });
    const framed = await handleRequest(issue('attempt-0002'), services, { kind: 'panelFrame', tabId: 5, frameId: 3 });
    expect(framed).toMatchObject({ ok: false, error: { kind: 'unbound' } });
    expect(graph.calls).toHaveLength(0);
  });

  it('an attempt id named like an Object.prototype key is a fresh attempt', async () => {
    const { graph, resolve, send } = setup([on('POST', TAPS, { status: 201, body: created })]);
    await resolve(null);
    expect(await send(issue('constructor'))).toMatchObject({ ok: true });
    expect(graph.calls).toHaveLength(1);
  });

  it('issues with one POST carrying only the fields the admin set', async () => {
    const { graph, resolve, send } = setup([on('POST', TAPS, { status: 201, body: created })]);
    await resolve(null);
    const reply = await send(issue('attempt-0001', { lifetimeInMinutes: 120 }));
    expect(reply).toMatchObject({ ok: true, data: { id: 'new-pass', temporaryAccessPass: '+drkzqAD' } });
    expect(graph.calls).toHaveLength(1);
    expect(graph.calls[0]?.body).toEqual({ lifetimeInMinutes: 120 });
  });

  it('a double click joins the in-flight issue: one POST, same pass', async () => {
    const { services, graph, resolve } = setup([on('POST', TAPS, { status: 201, body: created })]);
    await resolve(null);
    const [a, b] = await Promise.all([
      issueTap({ userId: USER, attemptId: 'attempt-0001', options: {} }, services, await boundContext(services, USER, USER)),
      issueTap({ userId: USER, attemptId: 'attempt-0002', options: {} }, services, await boundContext(services, USER, USER)),
    ]);
    expect(a).toBe(b);
    expect(graph.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('a pass the bulk page is issuing for this user right now: refused, never joined (its value stays on that page)', async () => {
    const { graph, resolve, send, services } = setup([on('POST', TAPS, { status: 201, body: created })]);
    await resolve(null);
    let finish: (pass: never) => void = () => {};
    services.guard.track(USER, new Promise<never>((done) => (finish = done)), 'bulk');
    const reply = await send(issue('attempt-0001'));
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalidInput', message: expect.stringMatching(/bulk page/) } });
    expect(JSON.stringify(reply)).not.toContain('temporaryAccessPass');
    expect(graph.calls).toHaveLength(0);
    finish(created as never);
  });

  it('never issues twice for the same attemptId', async () => {
    const { graph, resolve, send } = setup([on('POST', TAPS, { status: 201, body: created })]);
    await resolve(null);
    expect((await send(issue('attempt-0001'))).ok).toBe(true);
    const again = await send(issue('attempt-0001'));
    expect(again).toMatchObject({ ok: false, error: { kind: 'invalidInput' } });
    expect(graph.calls).toHaveLength(1);
  });

  it('checks options against the cached policy before any request', async () => {
    const { graph, policyStore, resolve, send } = setup([]);
    await resolve(null);
    policyStore.value = {
      policy: {
        state: 'enabled',
        defaultLifetimeInMinutes: 60,
        minimumLifetimeInMinutes: 60,
        maximumLifetimeInMinutes: 480,
        defaultLength: 8,
        isUsableOnce: true,
        includeTargets: [],
        excludeTargets: [],
      },
      groups: [],
      unreadable: null,
      fetchedAt: 0,
      fromCache: false,
    };
    const tooLong = await send(issue('attempt-0001', { lifetimeInMinutes: 600 }));
    expect(tooLong).toMatchObject({
      ok: false,
      error: { kind: 'lifetimeOutOfRange', message: expect.stringMatching(/60–480 minutes/) },
    });
    const multiUse = await send(issue('attempt-0002', { isUsableOnce: false }));
    expect(multiUse).toMatchObject({ ok: false, error: { kind: 'invalidInput', message: expect.stringMatching(/one-time/) } });
    expect(graph.calls).toHaveLength(0);
  });

  it('turns Graph refusals into sentences (policy)', async () => {
    const { resolve, send } = setup([
      on('POST', TAPS, {
        status: 400,
        body: envelope(
          'badRequest',
          'Converged UserCredentialPolicy does not allow creating or updating this authentication method. AuthMethodType [TemporaryAccessPass].',
        ),
      }),
    ]);
    await resolve(null);
    expect(await send(issue('attempt-0001'))).toMatchObject({ ok: false, error: { kind: 'policyBlocked' } });
  });

  it('a dropped connection after the POST, with a new pass in Graph: ambiguous, pass WAS created', async () => {
    const graph = createFakeGraph([
      on('GET', TAPS, { status: 200, body: { value: [{ ...created, temporaryAccessPass: null }] } }),
    ]);
    const dropping = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if ((init?.method ?? 'GET') === 'POST') throw new TypeError('network error');
      return graph.fetch(input, init);
    }) as typeof fetch;
    const { logs, resolve, send } = setup([], dropping);
    await resolve('old-pass');
    const reply = await send(issue('attempt-0001'));
    expect(reply).toMatchObject({
      ok: false,
      error: { kind: 'ambiguous', message: expect.stringMatching(/was created.*Issue a new pass/) },
    });
    expect(logs.join('\n')).not.toContain('+drkzqAD');
  });

  /** Graph that drops every POST's answer (after creating nothing here) and answers the reads with `lists` in turn. */
  function droppedPost(lists: (unknown[] | 'fail')[]) {
    let reads = 0;
    const graph = createFakeGraph([
      on('GET', TAPS, () => {
        const page = lists[Math.min(reads, lists.length - 1)] ?? [];
        reads += 1;
        return page === 'fail'
          ? { status: 429, body: envelope('TooManyRequests', 'Please retry again later.'), headers: { 'retry-after': '1' } }
          : { status: 200, body: { value: page } };
      }),
    ]);
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if ((init?.method ?? 'GET') === 'POST') {
        graph.calls.push({ method: 'POST', url: String(input), headers: {}, body: null });
        throw new TypeError('network error');
      }
      return graph.fetch(input, init);
    }) as typeof globalThis.fetch;
    const posts = () => graph.calls.filter((c) => c.method === 'POST').length;
    const gets = () => graph.calls.filter((c) => c.method === 'GET').length;
    return { fetch, posts, gets };
  }

  it('a dropped connection and no new pass in several reads: says it may still appear, safe to issue again; one POST', async () => {
    const graph = droppedPost([[]]);
    const { resolve, send, waits } = setup([], graph.fetch);
    await resolve(null);
    const reply = await send(issue('attempt-0001'));
    expect(reply).toMatchObject({
      ok: false,
      error: {
        kind: 'ambiguous',
        message: expect.stringMatching(
          /no new pass has shown up in several checks\. Entra can take a few minutes .* It's safe to issue again: a new pass replaces any that was created/,
        ),
      },
    });
    expect(graph.posts()).toBe(1);
    expect(graph.gets()).toBe(4);
    expect(waits).toEqual([500, 1000, 2000]); // bounded: 3.5 s in all, injected here
  });

  it('replication lag: the reads show the old pass twice, then the new one → "was created", with one POST', async () => {
    const old = { ...created, id: 'old-pass', temporaryAccessPass: null };
    const graph = droppedPost([[old], [old], [{ ...created, temporaryAccessPass: null }]]);
    const { resolve, send, waits, services } = setup([], graph.fetch);
    await resolve('old-pass');
    const reply = await send(issue('attempt-0001'));
    expect(reply).toMatchObject({ ok: false, error: { kind: 'ambiguous', message: expect.stringMatching(/was created/) } });
    expect(graph.posts()).toBe(1);
    expect(graph.gets()).toBe(3);
    expect(waits).toEqual([500, 1000]);
    expect((await services.guard.resolved(USER))?.passId).toBe('new-pass');
  });

  it('replication lag, no previous pass known: an old pass read back is not taken for the new one', async () => {
    const stale = { ...created, id: 'stale', createdDateTime: '2025-06-01T08:00:00Z', temporaryAccessPass: null };
    const graph = droppedPost([[stale]]);
    const { resolve, send } = setup([], graph.fetch);
    await resolve(null);
    const reply = await send(issue('attempt-0001'));
    expect(reply).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no new pass has shown up/) } });
    expect(graph.posts()).toBe(1);
  });

  it('every read fails: says it could not check, and to look before issuing again', async () => {
    const graph = droppedPost(['fail']);
    const { resolve, send } = setup([], graph.fetch);
    await resolve(null);
    const reply = await send(issue('attempt-0001'));
    expect(reply).toMatchObject({
      ok: false,
      error: { kind: 'ambiguous', message: expect.stringMatching(/couldn't check whether a pass was created/) },
    });
    expect(graph.posts()).toBe(1);
  });

  it('a 503 to the POST with no new pass after the reads keeps the server-error sentence', async () => {
    const { resolve, send, graph, waits } = setup([
      on('POST', TAPS, { status: 503, body: envelope('serviceNotAvailable', 'Service unavailable') }),
      on('GET', TAPS, { status: 200, body: { value: [] } }),
    ]);
    await resolve(null);
    const reply = await send(issue('attempt-0001'));
    expect(reply).toMatchObject({ ok: false, error: { kind: 'serverError' } });
    expect(graph.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
    expect(waits).toEqual([500, 1000, 2000]);
  });

  it('a pass created outside the policy (DisabledByPolicy) is handed back, and the cached policy is dropped', async () => {
    const { resolve, send, policyStore } = setup([
      on('POST', TAPS, { status: 201, body: { ...created, isUsable: false, methodUsabilityReason: 'DisabledByPolicy' } }),
    ]);
    policyStore.value = {
      policy: null,
      groups: [],
      unreadable: null,
      fetchedAt: Date.parse('2025-06-01T09:59:00Z'),
      fromCache: false,
    };
    await resolve(null);
    const reply = await send(issue('attempt-0001'));
    expect(reply).toMatchObject({ ok: true, data: { isUsable: false, methodUsabilityReason: 'DisabledByPolicy' } });
    expect(policyStore.value).toBeNull();
  });

  it('offline: nothing is sent', async () => {
    const { graph, resolve, send } = setup([], undefined, { isOnline: () => false });
    await resolve(null);
    expect(await send(issue('attempt-0001'))).toMatchObject({ ok: false, error: { kind: 'offline' } });
    expect(graph.calls).toHaveLength(0);
  });
});

describe('revokeTap', () => {
  it('deletes the pass; a 404 means it was already gone', async () => {
    const { resolve, send } = setup([
      on('DELETE', `${TAPS}/p1`, { status: 204 }),
      on('DELETE', `${TAPS}/p2`, { status: 404, body: envelope('itemNotFound', 'gone') }),
    ]);
    await resolve('p1');
    expect(await send({ type: 'revokeTap', userId: USER, methodId: 'p1' })).toEqual({
      ok: true,
      data: { revoked: true },
    });
    expect(await send({ type: 'revokeTap', userId: USER, methodId: 'p2' })).toMatchObject({
      ok: true,
      data: { revoked: true, alreadyGone: true, message: expect.stringMatching(/already gone/) },
    });
  });
});

describe('issueTap and the local history', () => {
  it('records the issue (user, tenant, options, result) and no part of the pass, in the stored history', async () => {
    const { send, resolve, historyStore } = setup([on('POST', TAPS, { status: 201, body: created })]);
    await resolve(null);
    const reply = await send(issue('attempt-0001', { lifetimeInMinutes: 60 }));
    expect(reply).toMatchObject({ ok: true, data: { temporaryAccessPass: created.temporaryAccessPass } });
    await expect.poll(async () => ((await historyStore.getValue()) ?? []).length).toBe(1);
    const stored = JSON.stringify(await historyStore.getValue());
    expect(stored).not.toContain(created.temporaryAccessPass);
    expect(stored).not.toContain('temporaryAccessPass');
    expect(stored).not.toContain('drkzq');
    expect((await historyStore.getValue())?.[0]).toMatchObject({
      action: 'issue',
      user: { id: USER },
      result: { status: 'done' },
      source: 'window',
    });
  });
});
