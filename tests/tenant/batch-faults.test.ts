import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMINS, TARGETS } from './seed';
import { startTenant, type Tenant } from './server';
import { call, graph, signIn } from './test-client';

interface BatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: Record<string, unknown>;
}

describe('simulated tenant: $batch, faults, latency and the control API', () => {
  let tenant: Tenant;
  let alex: string;
  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
    alex = (await signIn(tenant, ADMINS.alex.id)).accessToken;
  });
  afterAll(() => tenant.close());
  beforeEach(() => tenant.control.reset());
  const batch = (requests: object[]) => graph(tenant, alex, '/$batch', { method: 'POST', body: { requests } });
  /** The responses in the requests' order, paired by id (Graph may answer in any order). */
  const responsesOf = async (requests: ({ id: string } & Record<string, unknown>)[]) => {
    const answered = (await batch(requests)).json<{ responses: BatchResponse[] }>().responses;
    return requests.map((request) => answered.find((response) => response.id === request.id) as BatchResponse);
  };

  it('answers in another order than the requests (json-batching.md: pair them by id)', async () => {
    const answered = (
      await batch([
        { id: '1', method: 'GET', url: '/me' },
        { id: '2', method: 'GET', url: `/users/${TARGETS.adele.id}` },
      ])
    ).json<{ responses: BatchResponse[] }>().responses;
    expect(answered.map((response) => response.id)).toEqual(['2', '1']);
  });

  it('answers each sub-request with its own status, headers and body, and logs them', async () => {
    const responses = await responsesOf([
      { id: '1', method: 'GET', url: `/users/${TARGETS.adele.id}?$select=displayName` },
      { id: '2', method: 'GET', url: `/users/${TARGETS.adele.id}/authentication/temporaryAccessPassMethods` },
      { id: '3', method: 'GET', url: '/users/nobody@contoso.onmicrosoft.com' },
    ]);
    expect(responses.map((response) => [response.id, response.status])).toEqual([
      ['1', 200],
      ['2', 200],
      ['3', 404],
    ]);
    expect(responses[0]?.body?.displayName).toBe(TARGETS.adele.displayName);
    expect(responses[0]?.headers['Content-Type']).toContain('application/json');
    expect(
      tenant.control
        .requestLog()
        .at(-1)
        ?.batch?.map((item) => item.status),
    ).toEqual([200, 200, 404]);
  });

  it('runs dependsOn in order and answers 424 when a dependency failed', async () => {
    const responses = await responsesOf([
      { id: 'b', method: 'GET', url: `/users/${TARGETS.adele.id}`, dependsOn: ['a'] },
      { id: 'a', method: 'GET', url: '/users/missing@contoso.onmicrosoft.com' },
      { id: 'c', method: 'GET', url: '/me', dependsOn: ['b'] },
    ]);
    expect(responses.map((response) => response.status)).toEqual([424, 404, 424]);
  });

  it('rejects more than 20 requests and duplicate ids with 400', async () => {
    const many = Array.from({ length: 21 }, (_, index) => ({ id: String(index), method: 'GET', url: '/me' }));
    expect((await batch(many)).status).toBe(400);
    expect(
      (
        await batch([
          { id: '1', method: 'GET', url: '/me' },
          { id: '1', method: 'GET', url: '/me' },
        ])
      ).status,
    ).toBe(400);
    expect((await batch(many.slice(0, 20))).status).toBe(200);
    // json-batching.md: ids are not case-sensitive.
    const caseOnly = await batch([
      { id: 'a', method: 'GET', url: '/me' },
      { id: 'A', method: 'GET', url: '/me' },
    ]);
    expect(caseOnly.status).toBe(400);
  });

  it('matches dependsOn case-insensitively and refuses an absolute url for that request only', async () => {
    const responses = await responsesOf([
      { id: 'First', method: 'GET', url: '/me' },
      { id: 'second', method: 'GET', url: '/me', dependsOn: ['first'] },
      { id: 'abs', method: 'GET', url: 'https://graph.microsoft.com/v1.0/me' },
    ]);
    expect(responses.map((response) => [response.id, response.status])).toEqual([
      ['First', 200],
      ['second', 200],
      ['abs', 400],
    ]);
  });

  it('throttles a sub-request with its own Retry-After when a fault is marked inBatch', async () => {
    tenant.control.injectFault({
      host: 'graph',
      inBatch: true,
      path: 'temporaryAccessPassMethods',
      status: 429,
      retryAfter: '7',
      times: 1,
    });
    const url = `/users/${TARGETS.adele.id}/authentication/temporaryAccessPassMethods`;
    const responses = await responsesOf([
      { id: '1', method: 'GET', url: '/me' },
      { id: '2', method: 'GET', url },
      { id: '3', method: 'GET', url },
    ]);
    expect(responses.map((response) => response.status)).toEqual([200, 429, 200]);
    expect(responses[1]?.headers['Retry-After']).toBe('7');
    expect(responses[1]?.body).toMatchObject({ error: { code: 'TooManyRequests' } });
  });

  it('injects a top-level 429 with Retry-After once, then serves normally', async () => {
    tenant.control.injectFault({
      host: 'graph',
      method: 'POST',
      path: 'temporaryAccessPassMethods',
      status: 429,
      retryAfter: '2.5',
      times: 1,
    });
    const path = `/users/${TARGETS.adele.id}/authentication/temporaryAccessPassMethods`;
    const throttled = await graph(tenant, alex, path, { method: 'POST', body: {} });
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('2.5');
    expect(throttled.headers['request-id']).toBeTruthy();
    expect((await graph(tenant, alex, path, { method: 'POST', body: {} })).status).toBe(201);
  });

  it('drops the connection after applying the action: the pass exists although the client saw no answer', async () => {
    tenant.control.injectFault({ host: 'graph', method: 'POST', path: 'temporaryAccessPassMethods', drop: 'after', times: 1 });
    const path = `/users/${TARGETS.adele.id}/authentication/temporaryAccessPassMethods`;
    await expect(graph(tenant, alex, path, { method: 'POST', body: {} })).rejects.toThrow();
    expect(tenant.control.state.passes[TARGETS.adele.id]).toBeDefined();
    expect(tenant.control.requestLog().at(-1)).toMatchObject({ status: 0, dropped: 'after' });
    tenant.control.injectFault({ host: 'graph', path: '/me', drop: 'before', times: 1 });
    await expect(graph(tenant, alex, '/me')).rejects.toThrow();
  });

  it('adds latency to every response and is controllable over HTTP', async () => {
    const latency = await call(tenant, `${tenant.origin}/__control/latency`, { method: 'POST', body: { ms: 150 } });
    expect(latency.status).toBe(200);
    const started = Date.now();
    await graph(tenant, alex, '/me');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await call(tenant, `${tenant.origin}/__control/fault`, { method: 'POST', body: { host: 'graph', status: 503, times: 1 } });
    tenant.control.setLatency(0);
    expect((await graph(tenant, alex, '/me')).status).toBe(503);
    const log = await call(tenant, `${tenant.origin}/__control/log`);
    expect(log.json<{ path: string }[]>().map((entry) => entry.path)).toEqual(['/v1.0/me', '/v1.0/me']);
    await call(tenant, `${tenant.origin}/__control/reset`, { method: 'POST' });
    expect(tenant.control.requestLog()).toEqual([]);
  });
});
