import type { PanelState } from '../messages';
import type { GraphClient } from './client';
import { notIncludedWarning } from './eligibility';
import { type PolicyStore, resolveGroupNames, targetGroupIds } from './policy';

/**
 * A "not included" warning names the groups the policy includes, which the user is not in, so their names don't come
 * with the user's memberships. When the first view didn't know them, one batch names them and the warning is rebuilt
 * (the policy copy keeps the names for the next view). Any failure leaves the view as it was: "a group" is still true.
 */
export async function nameWarningGroups(state: PanelState, client: GraphClient, policyStore: PolicyStore): Promise<PanelState> {
  const view = state.policy;
  const policy = view.policy;
  const unnamed = state.eligibility.warnings.some((w) => w.reason === 'notIncluded' && w.groups?.some((g) => !g.displayName));
  if (!unnamed || !policy) return state;
  const groups = await resolveGroupNames(client, targetGroupIds(policy), view.groups).catch(() => null);
  if (!groups) return state;
  const included = new Set(policy.includeTargets.filter((t) => t.targetType !== 'user').map((t) => t.id.toLowerCase()));
  const named = groups.filter((g) => included.has(g.id.toLowerCase()));
  const warnings = state.eligibility.warnings.map((w) =>
    w.reason === 'notIncluded' ? notIncludedWarning(state.user, named) : w,
  );
  const nextView = { ...view, groups };
  if (!view.fromCache && !view.unreadable) await policyStore.setValue(nextView);
  return { ...state, policy: nextView, eligibility: { ...state.eligibility, warnings } };
}
