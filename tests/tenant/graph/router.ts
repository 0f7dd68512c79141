/** graph.microsoft.com and graph.microsoft.us over HTTP: CORS, request ids on every answer, bearer check, then the route (or $batch). */
import { corsHeaders, type HttpReply, header, type IncomingCall, isPreflight, preflightReply } from '../http';
import type { LoggedBatchItem } from '../request-log';
import type { TenantRuntime } from '../runtime';
import { authenticate, isCaller } from './auth';
import { runBatch } from './batch';
import { graphError } from './errors';
import { newMeta } from './meta';
import { ODATA_JSON } from './odata';
import { routeGraph, splitGraphPath } from './routes';
import { faultResult, type StatusFault } from './throttle';
import type { GraphCall, GraphResult, RequestMeta } from './types';

export interface GraphOutcome {
  reply: HttpReply;
  batch?: LoggedBatchItem[];
  drop?: 'before' | 'after';
}

/**
 * Both versions, in both clouds. graph-docs beta API pages carry the "national-cloud-support" include global-us.md (the
 * API is available in the global service and US Government L4/L5), and concepts/deployments.md sends national-cloud
 * developers to "the API beta reference and API v1.0 reference": beta is offered on graph.microsoft.us, so a request
 * there is served like v1.0 (an issue's "beta isn't offered in US Gov" finds no support in the docs).
 */
export const SUPPORTED_VERSIONS = ['v1.0', 'beta'];

/**
 * A POST/PATCH body sent with a Content-Type other than application/json (parameters such as charset ignored).
 * Status: graph-docs concepts/errors.md lists 415 Unsupported Media Type ("The content type of the request is a format
 * that isn't supported by the service"). [U] error code and message: not documented for Graph.
 */
export const UNSUPPORTED_MEDIA_TYPE = {
  status: 415,
  code: 'UnsupportedMediaType',
  message: (contentType: string) => `The content type '${contentType}' is not supported. Use 'application/json'.`,
} as const;
const BODY_METHODS = ['POST', 'PATCH'];

function toReply(call: IncomingCall, meta: RequestMeta, result: GraphResult): HttpReply {
  const headers: Record<string, string> = {
    ...corsHeaders(call),
    'request-id': meta.requestId,
    'client-request-id': meta.clientRequestId,
    'x-ms-ags-diagnostic': JSON.stringify({ ServerInfo: { DataCenter: 'Simulated', Slice: 'E', Ring: '0', ScaleUnit: '000' } }),
    'strict-transport-security': 'max-age=31536000',
    'cache-control': 'no-cache',
    ...(result.headers ?? {}),
  };
  if (result.body === undefined) return { status: result.status, headers, body: '' };
  headers['content-type'] = ODATA_JSON;
  return { status: result.status, headers, body: JSON.stringify(result.body) };
}

/** A fault that answers with a status, shaped like Graph's own errors. */
export function graphFaultReply(call: IncomingCall, fault: StatusFault): HttpReply {
  const meta = newMeta(header(call, 'client-request-id'));
  return toReply(call, meta, faultResult(meta, fault, call.url.pathname));
}

export function handleGraph(runtime: TenantRuntime, call: IncomingCall): GraphOutcome {
  if (isPreflight(call)) return { reply: preflightReply(call) };
  const meta = newMeta(header(call, 'client-request-id'));
  const reply = (result: GraphResult) => toReply(call, meta, result);
  const segments = splitGraphPath(call.url.pathname);
  const version = segments.shift() ?? '';
  if (!SUPPORTED_VERSIONS.includes(version)) {
    return { reply: reply(graphError(meta, 400, 'BadRequest', `Invalid version: ${version}`)) };
  }
  const caller = authenticate(runtime, header(call, 'authorization'), meta);
  if (!isCaller(caller)) return { reply: reply(caller) };
  let body: unknown;
  const contentType = header(call, 'content-type');
  if (BODY_METHODS.includes(call.method) && call.body.trim() !== '' && contentType) {
    const mediaType = contentType.split(';')[0]?.trim().toLowerCase();
    if (mediaType !== 'application/json') {
      const { status, code, message } = UNSUPPORTED_MEDIA_TYPE;
      return { reply: reply(graphError(meta, status, code, message(contentType))) };
    }
  }
  // A missing Content-Type falls through to the parse below (its message asks to set the header).
  if (call.body.trim() !== '') {
    try {
      body = JSON.parse(call.body);
    } catch {
      return {
        reply: reply(
          graphError(
            meta,
            400,
            'BadRequest',
            'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
          ),
        ),
      };
    }
  }
  const graphCall: GraphCall = {
    runtime,
    caller,
    method: call.method,
    segments,
    query: call.url.searchParams,
    headers: Object.fromEntries(Object.entries(call.headers).map(([name, value]) => [name, String(value)])),
    body,
    hasBody: body !== undefined,
    meta,
  };
  if (segments.length === 1 && segments[0] === '$batch') {
    if (call.method !== 'POST')
      return {
        reply: reply(graphError(meta, 405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.')),
      };
    const outcome = runBatch(graphCall);
    return { reply: reply(outcome.result), batch: outcome.items, drop: outcome.drop };
  }
  return { reply: reply(routeGraph(graphCall)) };
}
