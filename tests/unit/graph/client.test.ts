import { describe, expect, it } from 'vitest';
import { createGraphClient } from '@/utils/graph/client';
import { GraphError } from '@/utils/graph/errors';
import { clientFor, createFakeGraph, envelope, on } from './fake-graph';

describe('Graph client', () => {
  it('sends the bearer token and a client-request-id, without the SDK telemetry header', async () => {
    const graph = createFakeGraph([on('GET', '/me', { status: 200, body: { id: 'me' } })]);
    const client = clientFor(graph.fetch);
    await expect(client.request('GET', '/me')).resolves.toEqual({ id: 'me' });
    const [call] = graph.calls;
    expect(call?.url).toBe('https://graph.microsoft.com/v1.0/me');
    expect(call?.headers.Authorization).toBe('Bearer token-abc');
    expect(call?.headers['client-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(Object.keys(call?.headers ?? {}).map((k) => k.toLowerCase())).not.toContain('sdkversion');
  });

  it('returns undefined for 204 No Content', async () => {
    const graph = createFakeGraph([on('DELETE', '/users/u/authentication/temporaryAccessPassMethods/m', { status: 204 })]);
    await expect(
      clientFor(graph.fetch).request('DELETE', '/users/u/authentication/temporaryAccessPassMethods/m'),
    ).resolves.toBeUndefined();
  });

  it('parses Graph error envelopes into GraphError with ids and Retry-After', async () => {
    const graph = createFakeGraph([
      on('GET', '/policies/x', {
        status: 403,
        body: envelope('Authorization_RequestDenied', 'Insufficient privileges to complete the operation.', 'rid-9'),
      }),
    ]);
    const err = await clientFor(graph.fetch)
      .request('GET', '/policies/x')
      .catch((e) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect(err).toMatchObject({
      status: 403,
      code: 'Authorization_RequestDenied',
      requestId: 'rid-9',
      clientRequestId: 'client-1',
      date: '2025-02-13T10:17:06',
    });
  });

  it('retries a throttled GET briefly, honouring Retry-After', async () => {
    let n = 0;
    const graph = createFakeGraph([
      on('GET', '/me', () =>
        ++n === 1
          ? { status: 429, headers: { 'Retry-After': '1' }, body: envelope('TooManyRequests', 'Please retry again later.') }
          : { status: 200, body: { id: 'me' } },
      ),
    ]);
    const waits: number[] = [];
    const client = createGraphClient({
      fetch: graph.fetch,
      defaultScopes: [],
      getToken: async () => ({ accessToken: 't', scopes: [] }),
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    await expect(client.request('GET', '/me')).resolves.toEqual({ id: 'me' });
    expect(graph.calls).toHaveLength(2);
    expect(waits).toEqual([1000]);
  });

  it('surfaces a long Retry-After instead of waiting it out', async () => {
    const graph = createFakeGraph([
      on('GET', '/me', {
        status: 429,
        headers: { 'Retry-After': '30' },
        body: envelope('TooManyRequests', 'Please retry again later.'),
      }),
    ]);
    const err = await clientFor(graph.fetch)
      .request('GET', '/me')
      .catch((e) => e);
    expect(err).toMatchObject({ status: 429, retryAfterSeconds: 30 });
    expect(graph.calls).toHaveLength(1);
  });

  it('never retries a POST that is not a batch (the TAP POST)', async () => {
    const graph = createFakeGraph([
      on('POST', '/users/u/authentication/temporaryAccessPassMethods', { status: 429, headers: { 'Retry-After': '1' } }),
    ]);
    const err = await clientFor(graph.fetch)
      .request('POST', '/users/u/authentication/temporaryAccessPassMethods', { body: {} })
      .catch((e) => e);
    expect(err).toMatchObject({ status: 429, retryAfterSeconds: 1 });
    expect(graph.calls).toHaveLength(1);
  });

  it('turns a network failure into a GraphError with status 0', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const err = await clientFor(failing)
      .request('GET', '/me')
      .catch((e) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect(err).toMatchObject({ status: 0, code: 'networkError' });
  });

  it('rethrows the token error itself, not the library wrapper', async () => {
    class SignedOut extends Error {}
    const graph = createFakeGraph([]);
    const client = clientFor(graph.fetch, {
      getToken: async () => {
        throw new SignedOut('no account');
      },
    });
    await expect(client.request('GET', '/me')).rejects.toBeInstanceOf(SignedOut);
    expect(graph.calls).toHaveLength(0);
  });

  it('records the scopes of the token used', async () => {
    const graph = createFakeGraph([on('GET', '/me', { status: 200, body: {} })]);
    const client = clientFor(graph.fetch, { scopes: ['https://graph.microsoft.com/User.Read'] });
    await client.request('GET', '/me');
    expect(client.grantedScopes()).toEqual(['https://graph.microsoft.com/User.Read']);
  });
});
