import type { HandlerContext } from '../handler-context';
import { boundUserRef } from '../panel-binding';
import type { BackgroundServices } from '../services';

/** A bound panel (or the bulk page, sender.ts) copied a pass: clear the clipboard later (or now) if it still holds it. */
export async function clearClipboard(
  req: { digest: string; when: 'later' | 'now' },
  services: BackgroundServices,
  ctx: HandlerContext,
): Promise<{ scheduled: boolean; afterSeconds: number }> {
  if (ctx.caller.kind !== 'page') boundUserRef(ctx.binding);
  return services.clipboard.watch(req.digest, req.when);
}
