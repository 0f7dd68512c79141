import { enablePolicy as enableInGraph, fetchPolicyView } from '../../graph/policy';
import type { PolicyView } from '../../messages';
import type { BackgroundServices } from '../services';

/** The cached policy instantly, or Graph's when asked to refresh (or nothing is cached). */
export async function getPolicy(req: { refresh?: boolean }, services: BackgroundServices): Promise<PolicyView> {
  const cached = await services.policyStore.getValue();
  if (cached && !req.refresh) return { ...cached, fromCache: true };
  const view = await fetchPolicyView(services.graph, cached, services.now());
  await services.policyStore.setValue(view);
  return view;
}

/**
 * Turns the policy on. Policy.ReadWrite.AuthenticationMethod is asked for only here (incremental consent);
 * the flow belongs to the background, so it completes even if the popup closes when the sign-in window opens.
 */
export async function enablePolicy(_req: Record<never, never>, services: BackgroundServices): Promise<PolicyView> {
  const view = await enableInGraph(services.graph, await services.policyStore.getValue(), {
    wait: services.wait,
    now: services.now,
  });
  // A read-back that doesn't show the change yet is not kept: the next view asks Graph again instead of "off" for minutes.
  await services.policyStore.setValue(view.pending ? null : view);
  services.panelLoads.clear(); // every shared first view said "policy off"
  return view;
}
