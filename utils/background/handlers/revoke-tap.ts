import { PERMISSION_FOR } from '../../auth/scopes';
import { toErrorInfo } from '../../graph/error-info';
import { AppError, GraphError } from '../../graph/errors';
import { deletePass } from '../../graph/tap';
import { boundUserId, type HandlerContext } from '../handler-context';
import { panelTenant } from '../panel-tenant';
import type { BackgroundServices } from '../services';

export interface RevokeResult {
  revoked: true;
  /** Graph had no such pass any more (404): nothing to remove. */
  alreadyGone?: true;
  message?: string;
}

export async function revokeTap(
  req: { userId: string; methodId: string },
  services: BackgroundServices,
  ctx: HandlerContext,
): Promise<RevokeResult> {
  const userId = await boundUserId(ctx, services, req.userId);
  await panelTenant(ctx.binding, services); // the frame's tenant, checked again at the click
  services.panelLoads.invalidate(userId);
  const resolved = await services.guard.resolved(userId);
  if (!resolved) {
    throw new AppError({
      kind: 'invalidInput',
      message: "This user hasn't been looked up in this session. Close the panel and open it again.",
    });
  }
  try {
    await deletePass(services.graph, resolved.id, req.methodId);
  } catch (e) {
    if (e instanceof GraphError && e.status === 404) {
      return { revoked: true, alreadyGone: true, message: 'That Temporary Access Pass was already gone. Nothing else to do.' };
    }
    throw new AppError(
      toErrorInfo(e, { action: 'revoke', permission: PERMISSION_FOR.writeTap, grantedScopes: services.graph.grantedScopes() }),
    );
  }
  await services.guard.recordResolved(resolved.id, null);
  return { revoked: true };
}
