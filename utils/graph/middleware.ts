import type { Context, Middleware, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import { networkError } from './errors';

/** Per-request notes shared by the middleware and the client (the library wraps thrown errors; we keep ours). */
export class RequestTrace implements MiddlewareOptions {
  /** The typed failure to rethrow instead of the library's wrapper. */
  failure: unknown = undefined;
  /** Set once fetch was called: from then on a write may have reached Graph. */
  sent = false;
  clientRequestId: string | undefined;
}

const traceOf = (context: Context): RequestTrace | undefined =>
  context.middlewareControl?.getMiddlewareOptions(RequestTrace) as RequestTrace | undefined;

const methodOf = (context: Context): string => (context.options?.method ?? 'GET').toUpperCase();
const urlOf = (context: Context): string => (typeof context.request === 'string' ? context.request : context.request.url);

/** A $batch is safe to send again only when every request in it only reads. */
function isReadOnlyBatch(context: Context): boolean {
  if (!/\/\$batch(\?|$)/.test(urlOf(context))) return false;
  try {
    const { requests } = JSON.parse(String(context.options?.body)) as { requests?: { method?: unknown }[] };
    return Array.isArray(requests) && requests.every((r) => String(r.method).toUpperCase() === 'GET');
  } catch {
    return false;
  }
}

export interface RetryPolicy {
  /** Retries after the first attempt. */
  maxRetries: number;
  /** A Retry-After longer than this is surfaced to the admin instead of waited out. */
  maxRetryAfterSeconds: number;
  /** Upper bound on all waiting for one request, so the UI never hangs. */
  maxTotalWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 2, maxRetryAfterSeconds: 3, maxTotalWaitMs: 5_000 };

const RETRY_STATUSES = new Set([429, 503, 504]);

/**
 * Bounded retry for reads only. Replaces the library's RetryHandler, which would also retry a POST: a TAP POST
 * is never repeated (a second one would replace the pass). GETs and the $batch of GETs are safe to repeat.
 */
export class BoundedRetryMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly policy: RetryPolicy,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const next = this.next;
    if (!next) throw new Error('BoundedRetryMiddleware needs a next middleware');
    const method = methodOf(context);
    const repeatable = method === 'GET' || (method === 'POST' && isReadOnlyBatch(context));
    let waited = 0;
    for (let attempt = 0; ; attempt++) {
      await next.execute(context);
      const response = context.response;
      if (!repeatable || !response || !RETRY_STATUSES.has(response.status) || attempt >= this.policy.maxRetries) return;
      const header = response.headers.get('retry-after');
      const seconds = header !== null && /^\d+(\.\d+)?$/.test(header.trim()) ? Number(header) : 2 ** attempt;
      const waitMs = Math.ceil(seconds * 1000);
      if (seconds > this.policy.maxRetryAfterSeconds || waited + waitMs > this.policy.maxTotalWaitMs) return;
      waited += waitMs;
      await response.body?.cancel().catch(() => undefined);
      await this.sleep(waitMs);
    }
  }
}

/** The last link: the injectable fetch, a client-request-id for support, and a timeout. */
export class FetchMiddleware implements Middleware {
  constructor(
    private readonly fetchImpl: typeof fetch,
    private readonly timeoutMs: number,
  ) {}

  async execute(context: Context): Promise<void> {
    const trace = traceOf(context);
    const options = context.options ?? {};
    const headers = (options.headers ?? {}) as Record<string, string>;
    const clientRequestId = headers['client-request-id'] ?? crypto.randomUUID();
    headers['client-request-id'] = clientRequestId;
    if (trace) trace.clientRequestId = clientRequestId;
    try {
      if (trace) trace.sent = true;
      context.response = await this.fetchImpl(context.request, {
        ...options,
        headers,
        signal: options.signal ?? AbortSignal.timeout(this.timeoutMs),
      } as RequestInit);
    } catch (cause) {
      const failure = networkError(cause, clientRequestId);
      if (trace) trace.failure = failure;
      throw failure;
    }
  }
}
