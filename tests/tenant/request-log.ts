import type { Cloud, HostKind } from './hosts';

export interface LoggedBatchItem {
  id: string;
  method: string;
  url: string;
  status: number;
}

export interface LoggedRequest {
  time: string;
  /** What the host serves ('login', 'graph', 'portal'), or the Host header of a host this server doesn't answer for. */
  host: HostKind | string;
  /** The host name the request came to, without port: graph.microsoft.us vs graph.microsoft.com. */
  hostName: string;
  /** The cloud of that host (simulated hosts only): 'usGov' for the .us hosts. */
  cloud?: Cloud;
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
