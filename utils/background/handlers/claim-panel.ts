import { AppError } from '../../graph/errors';
import type { PanelClaim } from '../../messages';
import type { HandlerContext } from '../handler-context';
import { UNBOUND_MESSAGE } from '../panel-binding';

/** Tells a panel whom it is for (the dispatcher bound it; this only answers). */
export async function claimPanel(_req: unknown, _services: unknown, ctx: HandlerContext): Promise<PanelClaim> {
  if (!ctx.binding) throw new AppError({ kind: 'unbound', message: UNBOUND_MESSAGE });
  return ctx.binding.claim;
}
