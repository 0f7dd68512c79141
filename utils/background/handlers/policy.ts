import { i18n } from '#i18n';
import { cloudOf } from '../../clouds';
import { AppError } from '../../graph/errors';
import { enablePolicy as enableInGraph, fetchPolicyView } from '../../graph/policy';
import { mayEnablePolicy } from '../../managed-config';
import type { PolicyView } from '../../messages';
import { ENABLE_POLICY_OFF_SENTENCE } from '../../ui/enable-policy-words';
import { policyBladeUrl } from '../../ui/links';
import type { BackgroundServices } from '../services';

/** The cached policy instantly, or Graph's when asked to refresh (or nothing is cached). */
export async function getPolicy(req: { refresh?: boolean }, services: BackgroundServices): Promise<PolicyView> {
  const cached = await services.policyStore.getValue();
  if (cached && !req.refresh) return { ...cached, fromCache: true };
  const view = await fetchPolicyView(services.graph, cached, services.now());
  await services.policyStore.setValue(view);
  return view;
}

// With its own link: a refusal here is not about the admin's role, so no "activate it in PIM" link may be added to it.
const enableTurnedOff = (portalHost: string) =>
  new AppError({
    kind: 'forbidden',
    message: ENABLE_POLICY_OFF_SENTENCE,
    link: { href: policyBladeUrl(null, portalHost), label: i18n.t('background.links.tapPolicy') },
  });

/**
 * Turns the policy on. Policy.ReadWrite.AuthenticationMethod is asked for only here (incremental consent);
 * the flow belongs to the background, so it completes even if the popup closes when the sign-in window opens.
 */
export async function enablePolicy(_req: Record<never, never>, services: BackgroundServices): Promise<PolicyView> {
  // The organisation's policy (allowEnablePolicy: false) keeps this change in the Entra admin center.
  if (!mayEnablePolicy(await services.organisation())) {
    throw enableTurnedOff(cloudOf(await services.broker.settings()).portalHost);
  }
  const view = await enableInGraph(services.graph, await services.policyStore.getValue(), {
    wait: services.wait,
    now: services.now,
  });
  // A read-back that doesn't show the change yet is not kept: the next view asks Graph again instead of "off" for minutes.
  await services.policyStore.setValue(view.pending ? null : view);
  services.panelLoads.clear(); // every shared first view said "policy off"
  services.bulk.shared.clear(); // and so did a list's
  return view;
}
