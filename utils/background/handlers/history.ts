import type { RequestMap } from '../../messages';
import type { BackgroundServices } from '../services';

export function getHistory(req: { limit?: number }, services: BackgroundServices): Promise<RequestMap['getHistory']['res']> {
  return services.history.list(req.limit);
}

export async function clearHistory(_req: Record<never, never>, services: BackgroundServices) {
  return { cleared: await services.history.clear() };
}
