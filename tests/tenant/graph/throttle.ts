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

/**
 * Authentication-methods and their policy are not among throttling.md's service-specific limits, whose 429s carry
 * Retry-After; the page warns some identity endpoints omit it. Inference [U]: these answer 429 without Retry-After.
 */
const OMITS_RETRY_AFTER = /\/authentication\/|\/authenticationMethodsPolicy|\/authenticationMethodConfigurations/i;

export function faultResult(meta: RequestMeta, fault: StatusFault, path = ''): GraphResult {
  const status = fault.status ?? 500;
  const headers: Record<string, string> = {};
  // A fault's own retryAfter (null: none) wins; else 429 and 503 carry one, except where throttling.md's list is silent.
  const byDefault = (status === 429 && !OMITS_RETRY_AFTER.test(path)) || status === 503 ? '2' : null;
  const retryAfter = fault.retryAfter === undefined ? byDefault : fault.retryAfter;
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
