import { externalKind } from '../../graph/eligibility';
import { AppError } from '../../graph/errors';
import { isGuid } from '../../graph/paths';
import { issueDefaultsOf } from '../../managed-config';
import type { PanelState } from '../../messages';
import type { HandlerContext } from '../handler-context';
import { boundUserRef } from '../panel-binding';
import { notInTenantSentence, panelTenant } from '../panel-tenant';
import type { BackgroundServices } from '../services';

/** The user's B2B kind for the guard's record (none for everyone else). */
function externalOf(user: PanelState['user']): { external?: 'guest' | 'member' } {
  const kind = externalKind(user);
  return kind ? { external: kind } : {};
}

/** The bound user's first view (shared with a prefetch or a recent load unless `fresh`). */
export async function getPanelState(
  req: { fresh?: boolean },
  services: BackgroundServices,
  ctx: HandlerContext,
): Promise<PanelState> {
  const userRef = boundUserRef(ctx.binding);
  // The portal's tenant first: a frame for another directory than the signed-in one reads nothing.
  const tenant = await panelTenant(ctx.binding, services);
  let state: PanelState;
  try {
    state = await services.panelLoads.get(userRef, { tabId: ctx.binding?.portalTabId, fresh: req.fresh });
  } catch (e) {
    // An object id this directory doesn't know most often belongs to another one (the portal shows another tenant).
    if (tenant && isGuid(userRef) && e instanceof AppError && e.info.kind === 'notFound') {
      throw new AppError({ ...e.info, message: notInTenantSentence(tenant) });
    }
    throw e;
  }
  // Only the user this binding resolved to can be targeted by its issueTap / revokeTap.
  if (ctx.binding) await services.frames.setResolved(ctx.binding.key, state.user.id);
  await services.guard.recordResolved(state.user.id, state.currentPass?.id ?? null, {
    displayName: state.user.displayName,
    userPrincipalName: state.user.userPrincipalName,
    ...externalOf(state.user),
  });
  // The organisation's form defaults travel with the view: the panel reads no policy of its own.
  const defaults = issueDefaultsOf(await services.organisation().catch(() => ({})));
  return { ...state, ...(tenant && { tenant }), ...(Object.keys(defaults).length > 0 && { issueDefaults: defaults }) };
}
