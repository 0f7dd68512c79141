import { randomUUID } from 'node:crypto';
import type { RequestMeta } from './types';

export function newMeta(clientRequestId: string | undefined): RequestMeta {
  const requestId = randomUUID();
  return { requestId, clientRequestId: clientRequestId || requestId, date: new Date().toISOString().slice(0, 19) };
}
