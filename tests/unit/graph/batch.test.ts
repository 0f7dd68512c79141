import { describe, expect, it } from 'vitest';
import { itemResult, itemValue, sendBatch } from '@/utils/graph/batch';
import { GraphError } from '@/utils/graph/errors';
import { clientFor, createFakeGraph, envelope, on } from './fake-graph';

describe('sendBatch', () => {
  it('sends one $batch and hands back each sub-response by id', async () => {
    const graph = createFakeGraph([
      on('GET', '/me', { status: 200, body: { id: 'me' } }),
      on('GET', '/users/x', { status: 404, body: envelope('Request_ResourceNotFound', 'gone', 'sub-rid') }),
    ]);
    const items = await sendBatch(clientFor(graph.fetch), [
      { id: 'a', method: 'GET', url: '/me' },
      { id: 'b', method: 'GET', url: '/users/x' },
    ]);
    expect(graph.calls).toHaveLength(1);
    expect(graph.calls[0]?.url).toBe('https://graph.microsoft.com/v1.0/$batch');
    expect(itemValue(items.get('a'))).toEqual({ id: 'me' });
    const b = itemResult(items.get('b'));
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.error).toMatchObject({ status: 404, requestId: 'sub-rid' });
    expect(() => itemValue(items.get('missing'))).toThrow(GraphError);
  });

  it('re-sends only briefly throttled sub-requests, once', async () => {
    let n = 0;
    const graph = createFakeGraph([
      on('GET', '/me', { status: 200, body: { id: 'me' } }),
      on('GET', '/users/y', () =>
        ++n === 1 ? { status: 429, headers: { 'Retry-After': '1' } } : { status: 200, body: { id: 'y' } },
      ),
    ]);
    const items = await sendBatch(
      clientFor(graph.fetch),
      [
        { id: 'a', method: 'GET', url: '/me' },
        { id: 'b', method: 'GET', url: '/users/y' },
      ],
      { sleep: async () => {} },
    );
    expect(graph.calls).toHaveLength(2);
    expect(((graph.calls[1]?.body ?? {}) as { requests?: unknown[] }).requests).toHaveLength(1);
    expect(itemValue(items.get('b'))).toEqual({ id: 'y' });
  });

  it('leaves a long sub-request throttle to the caller', async () => {
    const graph = createFakeGraph([on('GET', '/me', { status: 429, headers: { 'Retry-After': '40' } })]);
    const items = await sendBatch(clientFor(graph.fetch), [{ id: 'a', method: 'GET', url: '/me' }]);
    expect(graph.calls).toHaveLength(1);
    expect(() => itemValue(items.get('a'))).toThrow(expect.objectContaining({ status: 429, retryAfterSeconds: 40 }));
  });
});
