/** Error bodies for injected faults (graph-docs: concepts/throttling.md sample 429). */
import { graphError, MESSAGES } from './errors';
import type { GraphResult, RequestMeta } from './types';

export interface StatusFault {
  status?: number;
  retryAfter?: string | null;
  code?: string;
  message?: string;
}

const DEFAULT_CODES: Record<number, string> = {
  429: 'TooManyRequests',
  500: 'generalException',
  502: 'BadGateway',
  503: 'serviceNotAvailable',
  504: 'GatewayTimeout',
};

export function faultResult(meta: RequestMeta, fault: StatusFault): GraphResult {
  const status = fault.status ?? 500;
  const headers: Record<string, string> = {};
  // A 429 carries Retry-After unless the fault says null (some identity endpoints omit it: throttling.md).
  const retryAfter = fault.retryAfter === undefined ? (status === 429 || status === 503 ? '2' : null) : fault.retryAfter;
  if (retryAfter !== null) headers['Retry-After'] = retryAfter;
  const code = fault.code ?? DEFAULT_CODES[status] ?? 'generalException';
  const message = fault.message ?? (status === 429 ? MESSAGES.throttled : 'An unexpected error occurred.');
  const result = graphError(meta, status, code, message, { headers });
  if (status === 429) {
    const error = (result.body as { error: { innerError: Record<string, string> } }).error;
    Object.assign(error.innerError, { code: '429', message: 'Please retry after', status: '429' });
  }
  return result;
}
