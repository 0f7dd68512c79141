import { i18n } from '#i18n';
import type { GraphClient } from './client';
import { GraphError, graphErrorFrom, parseRetryAfter } from './errors';

export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Relative to /v1.0, e.g. "/users/{id}?$select=id". */
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  dependsOn?: string[];
}

export interface BatchItem {
  id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export const MAX_BATCH_SIZE = 20;

export interface BatchOptions {
  /** Throttled GETs inside the batch are re-sent once when Graph asks for at most this long. */
  maxSubRetryAfterSeconds?: number;
  sleep?: (ms: number) => Promise<void>;
}

function parseItems(body: unknown): BatchItem[] {
  const responses = (body as { responses?: unknown } | undefined)?.responses;
  if (!Array.isArray(responses)) {
    throw new GraphError({
      status: 502,
      code: 'invalidBatchResponse',
      message: i18n.t('graph.response.unreadableBatch'),
    });
  }
  return responses.map((r: Record<string, unknown>) => ({
    id: String(r.id),
    status: typeof r.status === 'number' ? r.status : 500,
    headers: (r.headers && typeof r.headers === 'object' ? r.headers : {}) as Record<string, string>,
    body: r.body ?? null,
  }));
}

/**
 * One JSON $batch round trip (at most 20 requests). Each sub-response succeeds or fails on its own;
 * read them with itemValue. Sub-requests throttled briefly are re-sent once; longer waits are left to the caller.
 */
export async function sendBatch(
  client: GraphClient,
  requests: BatchRequest[],
  options: BatchOptions = {},
): Promise<Map<string, BatchItem>> {
  if (requests.length === 0) return new Map();
  if (requests.length > MAX_BATCH_SIZE) throw new Error(`A Graph batch holds at most ${MAX_BATCH_SIZE} requests`);
  const post = async (list: BatchRequest[]) => parseItems(await client.request('POST', '/$batch', { body: { requests: list } }));
  const results = new Map((await post(requests)).map((item) => [item.id, item]));

  const maxWait = options.maxSubRetryAfterSeconds ?? 2;
  const retry = requests.filter((req) => {
    const item = results.get(req.id);
    if (req.method !== 'GET' || !item || item.status !== 429) return false;
    return (parseRetryAfter(headerValue(item.headers, 'retry-after')) ?? 1) <= maxWait;
  });
  if (retry.length > 0) {
    const wait = Math.max(...retry.map((req) => parseRetryAfter(headerValue(results.get(req.id)?.headers, 'retry-after')) ?? 1));
    await (options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(wait * 1000);
    for (const item of await post(retry)) results.set(item.id, item);
  }
  return results;
}

function headerValue(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key ? headers[key] : undefined;
}

/** The body of a successful sub-response, or the GraphError it carries. */
export function itemValue<T>(item: BatchItem | undefined): T {
  if (!item)
    throw new GraphError({
      status: 502,
      code: 'missingBatchResponse',
      message: i18n.t('graph.response.missingBatchPart'),
    });
  if (item.status >= 400) throw graphErrorFrom(item.status, item.headers, item.body);
  return item.body as T;
}

/** Like itemValue, but a failure comes back as a value so the caller can keep going. */
export function itemResult<T>(item: BatchItem | undefined): { ok: true; value: T } | { ok: false; error: GraphError } {
  try {
    return { ok: true, value: itemValue<T>(item) };
  } catch (e) {
    return { ok: false, error: e as GraphError };
  }
}
