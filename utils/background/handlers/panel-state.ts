import { issueDefaultsOf } from '../../managed-config';
import type { PanelState } from '../../messages';
import type { HandlerContext } from '../handler-context';
import { boundUserRef } from '../panel-binding';
import type { BackgroundServices } from '../services';

/** The bound user's first view (shared with a prefetch or a recent load unless `fresh`). */
export async function getPanelState(
  req: { fresh?: boolean },
  services: BackgroundServices,
  ctx: HandlerContext,
): Promise<PanelState> {
  const userRef = boundUserRef(ctx.binding);
  const state = await services.panelLoads.get(userRef, { tabId: ctx.binding?.portalTabId, fresh: req.fresh });
  // Only the user this binding resolved to can be targeted by its issueTap / revokeTap.
  if (ctx.binding) await services.frames.setResolved(ctx.binding.key, state.user.id);
  await services.guard.recordResolved(state.user.id, state.currentPass?.id ?? null);
  // The organisation's form defaults travel with the view: the panel reads no policy of its own.
  const defaults = issueDefaultsOf(await services.organisation().catch(() => ({})));
  return Object.keys(defaults).length > 0 ? { ...state, issueDefaults: defaults } : state;
}
