/** Fault injection: which requests a fault hits and how many times. */
import type { HostKind } from './hosts';

export interface FaultSpec {
  host?: HostKind;
  method?: string;
  /** Substring of path + query (for $batch sub-requests: of the relative url, with or without /v1.0). */
  path?: string;
  /** true: only $batch sub-requests; false: only top-level requests; undefined: both. */
  inBatch?: boolean;
  status?: number;
  /** Retry-After header value; null (or omitted on a 429) sends none. */
  retryAfter?: string | null;
  code?: string;
  message?: string;
  /** Destroy the socket before handling, or after the action was applied (the client never sees the answer). */
  drop?: 'before' | 'after';
  /**
   * Substring of the raw request body (top-level requests only), e.g. one sub-request of a $batch, so a fault can hit
   * the batch that carries it and not the reads that follow it.
   */
  bodyIncludes?: string;
  /** How many requests it hits; unlimited when omitted. */
  times?: number;
}

export interface ActiveFault extends FaultSpec {
  remaining: number;
}

export interface FaultTarget {
  host: HostKind;
  method: string;
  pathAndQuery: string;
  inBatch: boolean;
  /** The raw body, for top-level requests. */
  body?: string;
}

function matches(fault: ActiveFault, target: FaultTarget): boolean {
  if (fault.remaining <= 0) return false;
  if (fault.host && fault.host !== target.host) return false;
  if (fault.method && fault.method.toUpperCase() !== target.method.toUpperCase()) return false;
  if (fault.inBatch === true && !target.inBatch) return false;
  if (fault.inBatch === false && target.inBatch) return false;
  if (fault.bodyIncludes !== undefined && (target.inBatch || !(target.body ?? '').includes(fault.bodyIncludes))) return false;
  if (fault.path) {
    const candidates = target.inBatch ? [target.pathAndQuery, `/v1.0${target.pathAndQuery}`] : [target.pathAndQuery];
    if (!candidates.some((candidate) => candidate.includes(fault.path as string))) return false;
  }
  return true;
}

/** Finds the first live fault for the target and uses up one of its hits. */
export function takeFault(faults: ActiveFault[], target: FaultTarget): ActiveFault | null {
  const fault = faults.find((candidate) => matches(candidate, target));
  if (!fault) return null;
  fault.remaining -= 1;
  return fault;
}

export function activate(spec: FaultSpec): ActiveFault {
  return { ...spec, remaining: spec.times ?? Number.POSITIVE_INFINITY };
}
