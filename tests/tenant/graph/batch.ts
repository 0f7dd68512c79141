/** POST /$batch (graph-docs: concepts/json-batching.md): ≤ 20 requests, unique ids, relative urls, dependsOn → 424. */
import { takeFault } from '../faults';
import type { LoggedBatchItem } from '../request-log';
import { graphError } from './errors';
import { newMeta } from './meta';
import { ODATA_JSON } from './odata';
import { routeGraph, splitGraphPath } from './routes';
import { faultResult } from './throttle';
import type { GraphCall, GraphResult } from './types';

export const BATCH_LIMIT = 20;
/** [U] exact texts of the outer 400s. */
export const BATCH_MESSAGES = {
  notJson: 'Invalid batch payload format.',
  tooMany: `The number of requests in a batch exceeds the limit of ${BATCH_LIMIT}.`,
  duplicateId: (id: string) => `Request Id '${id}' must be unique in a batch request.`,
  missingField: (field: string) => `Batch request item is missing the required '${field}' property.`,
  unknownDependency: (id: string) => `Request dependsOn id '${id}' does not exist in the batch.`,
  failedDependency: 'The request was not executed because one of its dependencies failed.',
  contentTypeRequired: 'Content-Type header is required when a request body is present.',
  relativeUrlRequired: (url: string) => `Request url '${url}' must be relative to the version, e.g. '/me'.`,
};

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

export interface BatchOutcome {
  result: GraphResult;
  items: LoggedBatchItem[];
  drop?: 'before' | 'after';
}

function validate(call: GraphCall): BatchItem[] | GraphResult {
  const bad = (message: string) => graphError(call.meta, 400, 'BadRequest', message);
  const requests = (call.body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests)) return bad(BATCH_MESSAGES.notJson);
  if (requests.length > BATCH_LIMIT) return bad(BATCH_MESSAGES.tooMany);
  const ids = new Set<string>();
  for (const item of requests as Partial<BatchItem>[]) {
    for (const field of ['id', 'method', 'url'] as const) {
      if (typeof item?.[field] !== 'string' || item[field] === '') return bad(BATCH_MESSAGES.missingField(field));
    }
    // json-batching.md: id "must be unique within the batch. Not case-sensitive."
    if (ids.has((item.id as string).toLowerCase())) return bad(BATCH_MESSAGES.duplicateId(item.id as string));
    ids.add((item.id as string).toLowerCase());
  }
  for (const item of requests as BatchItem[]) {
    for (const dependency of item.dependsOn ?? [])
      if (!ids.has(String(dependency).toLowerCase())) return bad(BATCH_MESSAGES.unknownDependency(dependency));
  }
  return requests as BatchItem[];
}

function subCall(call: GraphCall, item: BatchItem): GraphCall {
  const [rawPath = '', rawQuery = ''] = item.url.split('?');
  const segments = splitGraphPath(rawPath);
  if (segments[0] === 'v1.0') segments.shift();
  const headers = Object.fromEntries(
    Object.entries(item.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]),
  );
  return {
    ...call,
    method: item.method.toUpperCase(),
    segments,
    query: new URLSearchParams(rawQuery),
    headers,
    body: item.body,
    hasBody: item.body !== undefined,
    meta: newMeta(headers['client-request-id'] ?? call.meta.clientRequestId),
  };
}

function execute(call: GraphCall, item: BatchItem): GraphResult {
  // json-batching.md: url is "the relative resource URL"; an absolute one fails that request alone with 400. [U] text.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(item.url))
    return graphError(newMeta(call.meta.clientRequestId), 400, 'BadRequest', BATCH_MESSAGES.relativeUrlRequired(item.url));
  const sub = subCall(call, item);
  if (sub.hasBody && !sub.headers['content-type'])
    return graphError(sub.meta, 400, 'BadRequest', BATCH_MESSAGES.contentTypeRequired);
  return routeGraph(sub);
}

/**
 * Runs items in order, each after its dependencies; faults marked for batches hit sub-requests. A throttled item fails
 * alone and is not acted on, and the batch still answers 200 (graph-docs concepts/throttling.md "Throttling and batching":
 * "Requests in a batch are evaluated individually against throttling limits … The batch itself succeeds with a status
 * code of 200"; the item's Retry-After is in its own headers, "the value provided in the retry-after response header from
 * the JSON content").
 */
export function runBatch(call: GraphCall): BatchOutcome {
  const valid = validate(call);
  if (!Array.isArray(valid)) return { result: valid, items: [] };
  const done = new Map<string, GraphResult>();
  const responses: Record<string, unknown>[] = [];
  const items: LoggedBatchItem[] = [];
  let drop: BatchOutcome['drop'];
  const pending = [...valid];
  while (pending.length > 0 && drop !== 'before') {
    const index = pending.findIndex((item) => (item.dependsOn ?? []).every((id) => done.has(id.toLowerCase())));
    const [item] = pending.splice(index === -1 ? 0 : index, 1) as [BatchItem];
    const failedDependency = (item.dependsOn ?? []).some((id) => (done.get(id.toLowerCase())?.status ?? 424) >= 400);
    let result: GraphResult;
    if (failedDependency) {
      result = graphError(newMeta(call.meta.clientRequestId), 424, 'FailedDependency', BATCH_MESSAGES.failedDependency);
    } else {
      const fault = takeFault(call.runtime.faults, { host: 'graph', method: item.method, pathAndQuery: item.url, inBatch: true });
      if (fault?.drop === 'before') {
        drop = 'before';
        break;
      }
      result = fault?.status ? faultResult(newMeta(call.meta.clientRequestId), fault, item.url) : execute(call, item);
      if (fault?.drop === 'after') drop = 'after';
    }
    done.set(item.id.toLowerCase(), result);
    items.push({ id: item.id, method: item.method.toUpperCase(), url: item.url, status: result.status });
    const headers: Record<string, string> = { ...(result.headers ?? {}) };
    if (result.body !== undefined) headers['Content-Type'] = ODATA_JSON;
    responses.push({ id: item.id, status: result.status, headers, ...(result.body !== undefined ? { body: result.body } : {}) });
  }
  // json-batching.md: "Individual responses might appear in a different order than the requests. The id property can be
  // used to correlate individual requests and responses." [U] the order: here always the reverse of the requests', so a
  // client that pairs responses with requests by position fails at once.
  const order = new Map(valid.map((item, position) => [item.id, position]));
  responses.sort((a, b) => (order.get(String(b.id)) ?? 0) - (order.get(String(a.id)) ?? 0));
  return { result: { status: 200, body: { responses } }, items, drop };
}
