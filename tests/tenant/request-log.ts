import type { HostKind } from './hosts';

export interface LoggedBatchItem {
  id: string;
  method: string;
  url: string;
  status: number;
}

export interface LoggedRequest {
  time: string;
  host: HostKind | string;
  method: string;
  /** Path and query as received. */
  path: string;
  /** 0 when the connection was dropped before an answer. */
  status: number;
  origin: string | null;
  isPreflight: boolean;
  dropped?: 'before' | 'after';
  batch?: LoggedBatchItem[];
  /** Graph: the tid of the bearer token (which directory answered); login: the directory the path named. */
  tenantId?: string;
}
