import { accountObjectId } from '../../auth/broker';
import { loadPanelState } from '../../graph/panel-state';
import type { PanelState } from '../../messages';
import type { BackgroundServices } from '../services';

export async function getPanelState(req: { userRef: string }, services: BackgroundServices): Promise<PanelState> {
  const account = await services.broker.account();
  const state = await loadPanelState(req.userRef, {
    client: services.graph,
    policyStore: services.policyStore,
    adminId: account ? accountObjectId(account) : null,
    now: services.now,
  });
  // Only users resolved here can be targeted by issueTap / revokeTap.
  await services.guard.recordResolved(state.user.id, state.currentPass?.id ?? null);
  return state;
}
