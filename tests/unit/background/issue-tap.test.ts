import { describe, expect, it } from 'vitest';
import { handleRequest } from '@/utils/background/dispatcher';
import { issueTap } from '@/utils/background/handlers/issue-tap';
import type { Request } from '@/utils/messages';
import { clientFor, createFakeGraph, envelope, on, type Route } from '../graph/fake-graph';
import { fakeServices } from './services-fake';

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

function setup(routes: Route[], fetchOverride?: typeof fetch) {
  const graph = createFakeGraph(routes);
  const ctx = fakeServices(clientFor(fetchOverride ?? graph.fetch));
  return { graph, ...ctx };
}

const issue = (attemptId: string, options = {}): Request => ({ type: 'issueTap', userId: USER, attemptId, options });

describe('issueTap', () => {
  it('refuses a user this session did not resolve', async () => {
    const { services, graph } = setup([]);
    const reply = await handleRequest(issue('attempt-0001'), services);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'invalidInput' } });
    expect(graph.calls).toHaveLength(0);
  });

  it('issues with one POST carrying only the fields the admin set', async () => {
    const { services, graph } = setup([on('POST', TAPS, { status: 201, body: created })]);
    await services.guard.recordResolved(USER, null);
    const reply = await handleRequest(issue('attempt-0001', { lifetimeInMinutes: 120 }), services);
    expect(reply).toMatchObject({ ok: true, data: { id: 'new-pass', temporaryAccessPass: '+drkzqAD' } });
    expect(graph.calls).toHaveLength(1);
    expect(graph.calls[0]?.body).toEqual({ lifetimeInMinutes: 120 });
  });

  it('a double click joins the in-flight issue: one POST, same pass', async () => {
    const { services, graph } = setup([on('POST', TAPS, { status: 201, body: created })]);
    await services.guard.recordResolved(USER, null);
    const [a, b] = await Promise.all([
      issueTap({ userId: USER, attemptId: 'attempt-0001', options: {} }, services),
      issueTap({ userId: USER, attemptId: 'attempt-0002', options: {} }, services),
    ]);
    expect(a).toBe(b);
    expect(graph.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
  });

  it('never issues twice for the same attemptId', async () => {
    const { services, graph } = setup([on('POST', TAPS, { status: 201, body: created })]);
    await services.guard.recordResolved(USER, null);
    expect((await handleRequest(issue('attempt-0001'), services)).ok).toBe(true);
    const again = await handleRequest(issue('attempt-0001'), services);
    expect(again).toMatchObject({ ok: false, error: { kind: 'invalidInput' } });
    expect(graph.calls).toHaveLength(1);
  });

  it('checks options against the cached policy before any request', async () => {
    const { services, graph, policyStore } = setup([]);
    await services.guard.recordResolved(USER, null);
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
    const tooLong = await handleRequest(issue('attempt-0001', { lifetimeInMinutes: 600 }), services);
    expect(tooLong).toMatchObject({
      ok: false,
      error: { kind: 'lifetimeOutOfRange', message: expect.stringMatching(/60–480 minutes/) },
    });
    const multiUse = await handleRequest(issue('attempt-0002', { isUsableOnce: false }), services);
    expect(multiUse).toMatchObject({ ok: false, error: { kind: 'invalidInput', message: expect.stringMatching(/one-time/) } });
    expect(graph.calls).toHaveLength(0);
  });

  it('turns Graph refusals into sentences (policy)', async () => {
    const { services } = setup([
      on('POST', TAPS, {
        status: 400,
        body: envelope(
          'badRequest',
          'Converged UserCredentialPolicy does not allow creating or updating this authentication method. AuthMethodType [TemporaryAccessPass].',
        ),
      }),
    ]);
    await services.guard.recordResolved(USER, null);
    expect(await handleRequest(issue('attempt-0001'), services)).toMatchObject({ ok: false, error: { kind: 'policyBlocked' } });
  });

  it('a dropped connection after the POST, with a new pass in Graph: ambiguous, pass WAS created', async () => {
    const graph = createFakeGraph([
      on('GET', TAPS, { status: 200, body: { value: [{ ...created, temporaryAccessPass: null }] } }),
    ]);
    const dropping = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if ((init?.method ?? 'GET') === 'POST') throw new TypeError('network error');
      return graph.fetch(input, init);
    }) as typeof fetch;
    const { services, logs } = setup([], dropping);
    await services.guard.recordResolved(USER, 'old-pass');
    const reply = await handleRequest(issue('attempt-0001'), services);
    expect(reply).toMatchObject({
      ok: false,
      error: { kind: 'ambiguous', message: expect.stringMatching(/was created.*Issue a new pass/) },
    });
    expect(logs.join('\n')).not.toContain('+drkzqAD');
  });

  it('a dropped connection with no new pass: ambiguous, nothing issued, safe to retry', async () => {
    const graph = createFakeGraph([on('GET', TAPS, { status: 200, body: { value: [] } })]);
    const dropping = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if ((init?.method ?? 'GET') === 'POST') throw new TypeError('network error');
      return graph.fetch(input, init);
    }) as typeof fetch;
    const { services } = setup([], dropping);
    await services.guard.recordResolved(USER, null);
    const reply = await handleRequest(issue('attempt-0001'), services);
    expect(reply).toMatchObject({
      ok: false,
      error: { kind: 'ambiguous', message: expect.stringMatching(/nothing was issued.*safe to try again/) },
    });
  });

  it('offline: nothing is sent', async () => {
    const graph = createFakeGraph([]);
    const { services } = fakeServices(clientFor(graph.fetch), { isOnline: () => false });
    await services.guard.recordResolved(USER, null);
    expect(await handleRequest(issue('attempt-0001'), services)).toMatchObject({ ok: false, error: { kind: 'offline' } });
    expect(graph.calls).toHaveLength(0);
  });
});

describe('revokeTap', () => {
  it('deletes the pass; a 404 means it was already gone', async () => {
    const { services } = setup([
      on('DELETE', `${TAPS}/p1`, { status: 204 }),
      on('DELETE', `${TAPS}/p2`, { status: 404, body: envelope('itemNotFound', 'gone') }),
    ]);
    await services.guard.recordResolved(USER, 'p1');
    expect(await handleRequest({ type: 'revokeTap', userId: USER, methodId: 'p1' }, services)).toEqual({
      ok: true,
      data: { revoked: true },
    });
    expect(await handleRequest({ type: 'revokeTap', userId: USER, methodId: 'p2' }, services)).toMatchObject({
      ok: true,
      data: { revoked: true, alreadyGone: true, message: expect.stringMatching(/already gone/) },
    });
  });
});
