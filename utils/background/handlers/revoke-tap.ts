import { i18n } from '#i18n';
import { PERMISSION_FOR } from '../../auth/scopes';
import { toErrorInfo } from '../../graph/error-info';
import { AppError, GraphError } from '../../graph/errors';
import { deletePass } from '../../graph/tap';
import type { HistoryResult } from '../../history/types';
import { boundUserId, type HandlerContext } from '../handler-context';
import { failedResult, historySource, historyTenant, historyUser, recordQuietly } from '../history-record';
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
  const tenant = await panelTenant(ctx.binding, services); // the frame's tenant, checked again at the click
  services.panelLoads.invalidate(userId);
  const resolved = await services.guard.resolved(userId);
  if (!resolved) {
    throw new AppError({
      kind: 'invalidInput',
      message: i18n.t('background.revoke.notResolved'),
    });
  }
  const record = (result: HistoryResult) =>
    recordQuietly(services, {
      action: 'revoke',
      user: historyUser(resolved),
      tenant: historyTenant(tenant),
      result,
      source: historySource(ctx),
    });
  try {
    await deletePass(services.graph, resolved.id, req.methodId);
  } catch (e) {
    if (e instanceof GraphError && e.status === 404) {
      record({ status: 'done' });
      return { revoked: true, alreadyGone: true, message: i18n.t('background.revoke.alreadyGone') };
    }
    const error = new AppError(
      toErrorInfo(e, { action: 'revoke', permission: PERMISSION_FOR.writeTap, grantedScopes: services.graph.grantedScopes() }),
    );
    record(failedResult(error));
    throw error;
  }
  await services.guard.recordResolved(resolved.id, null);
  record({ status: 'done' });
  return { revoked: true };
}
