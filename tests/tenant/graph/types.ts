import type { TenantRuntime } from '../runtime';
import type { DirectoryUser } from '../state';

export interface RequestMeta {
  requestId: string;
  clientRequestId: string;
  /** Graph's innerError date format: 2025-02-13T10:17:06 */
  date: string;
}

/** The signed-in admin, from a validated access token. Roles are evaluated live, as Graph does. */
export interface Caller {
  user: DirectoryUser;
  /** Granted delegated scopes (scp), lower-cased. */
  scopes: Set<string>;
}

export interface GraphCall {
  runtime: TenantRuntime;
  caller: Caller;
  method: string;
  /** Path after /v1.0, percent-decoded per segment. */
  segments: string[];
  query: URLSearchParams;
  headers: Record<string, string>;
  body: unknown;
  hasBody: boolean;
  meta: RequestMeta;
}

export interface GraphResult {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}
