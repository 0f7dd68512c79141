import { i18n } from '#i18n';
import type { ErrorInfo } from '../messages';

/** What Graph's error envelope and headers say about one failed request. */
export interface GraphErrorDetails {
  /** HTTP status; 0 when no response arrived (network failure, timeout). */
  status: number;
  code: string;
  message: string;
  requestId?: string;
  clientRequestId?: string;
  date?: string;
  retryAfterSeconds?: number;
  /** The claims request (JSON) of a 401 claims challenge: WWW-Authenticate error="insufficient_claims". */
  claimsChallenge?: string;
}

/** A failed Graph request, parsed from Microsoft's envelope {"error":{"code","message","innerError":{…}}}. */
export class GraphError extends Error implements GraphErrorDetails {
  readonly status: number;
  readonly code: string;
  readonly requestId?: string;
  readonly clientRequestId?: string;
  readonly date?: string;
  readonly retryAfterSeconds?: number;
  readonly claimsChallenge?: string;

  constructor(details: GraphErrorDetails) {
    super(details.message);
    this.name = 'GraphError';
    this.status = details.status;
    this.code = details.code;
    this.requestId = details.requestId;
    this.clientRequestId = details.clientRequestId;
    this.date = details.date;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.claimsChallenge = details.claimsChallenge;
  }

  /** True when no response was received, so a write may or may not have happened. */
  get isNetworkFailure(): boolean {
    return this.status === 0;
  }
}

/** Carries a ready-made ErrorInfo (validation, reconciliation results, configuration). */
export class AppError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
    this.name = 'AppError';
  }
}

type HeaderBag = { get(name: string): string | null } | Record<string, string | undefined> | undefined;

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as { get?: unknown }).get === 'function')
    return (headers as { get(n: string): string | null }).get(name) ?? undefined;
  const bag = headers as Record<string, string | undefined>;
  const key = Object.keys(bag).find((k) => k.toLowerCase() === name.toLowerCase());
  return key ? bag[key] : undefined;
}

/** Retry-After in seconds: a number (fractions allowed) or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed));
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * The claims of a claims challenge (entra-docs claims-challenge.md "Claims challenge header format": a 401 whose
 * WWW-Authenticate has error="insufficient_claims" and claims="<base64 JSON>"), decoded; undefined otherwise.
 */
export function parseClaimsChallenge(status: number, wwwAuthenticate: string | undefined): string | undefined {
  if (status !== 401 || !wwwAuthenticate || !/error\s*=\s*"insufficient_claims"/i.test(wwwAuthenticate)) return undefined;
  const encoded = /claims\s*=\s*"([^"]+)"/i.exec(wwwAuthenticate)?.[1];
  if (!encoded) return undefined;
  try {
    const json = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    JSON.parse(json);
    return json;
  } catch {
    return undefined;
  }
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** Builds a GraphError from a status, headers and an already-parsed (or raw) body. */
export function graphErrorFrom(status: number, headers: HeaderBag, body: unknown): GraphError {
  const envelope = (body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined) as
    | { code?: unknown; message?: unknown; innerError?: Record<string, unknown>; innererror?: Record<string, unknown> }
    | undefined;
  const inner = envelope?.innerError ?? envelope?.innererror ?? {};
  return new GraphError({
    status,
    code: text(envelope?.code) ?? `http${status}`,
    message: text(envelope?.message) ?? text(inner.message) ?? i18n.t('graph.response.answered', { status }),
    requestId: text(inner['request-id']) ?? header(headers, 'request-id'),
    clientRequestId: text(inner['client-request-id']) ?? header(headers, 'client-request-id'),
    date: text(inner.date) ?? header(headers, 'date'),
    retryAfterSeconds: parseRetryAfter(header(headers, 'retry-after')),
    claimsChallenge: parseClaimsChallenge(status, header(headers, 'www-authenticate')),
  });
}

/** Reads a failed Response (at most 64 KB of its body) into a GraphError. */
export async function graphErrorFromResponse(response: Response): Promise<GraphError> {
  let body: unknown = null;
  try {
    const raw = (await response.text()).slice(0, 65_536);
    body = raw ? JSON.parse(raw) : null;
  } catch {
    body = null;
  }
  return graphErrorFrom(response.status, response.headers, body);
}

/** A request that got no response: offline, connection dropped, or timed out. */
export function networkError(cause: unknown, clientRequestId?: string): GraphError {
  const name = (cause as { name?: string } | null)?.name;
  const timedOut = name === 'TimeoutError' || name === 'AbortError';
  return new GraphError({
    status: 0,
    code: timedOut ? 'timeout' : 'networkError',
    message: timedOut ? i18n.t('graph.response.timeout') : i18n.t('graph.response.unreachable'),
    clientRequestId,
  });
}
