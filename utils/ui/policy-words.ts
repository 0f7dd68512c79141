import type { GroupRef, PolicyTarget, TapPolicy } from '@/utils/graph/types';
import type { PolicyView } from '@/utils/messages';
import { formatDuration, formatRange } from './format';

const ALL_USERS = 'all_users';

function groupName(target: PolicyTarget, groups: GroupRef[]): string {
  if (target.id === ALL_USERS) return 'All users';
  const name = groups.find((g) => g.id === target.id)?.displayName;
  if (name) return name;
  return target.targetType === 'user' ? `User ${target.id}` : `Group ${target.id}`;
}

/** "All users", or the included groups' names. */
export function includedWords(view: PolicyView): string {
  const targets = view.policy?.includeTargets ?? [];
  if (targets.length === 0) return 'Nobody';
  return targets.map((t) => groupName(t, view.groups)).join(', ');
}

/** The excluded groups' names, or "None". */
export function excludedWords(view: PolicyView): string {
  const targets = view.policy?.excludeTargets ?? [];
  if (targets.length === 0) return 'None';
  return targets.map((t) => groupName(t, view.groups)).join(', ');
}

/** "Default lifetime 1 hour, allowed 1–8 hours". */
export function lifetimeWords(policy: TapPolicy): string {
  return `Default lifetime ${formatDuration(policy.defaultLifetimeInMinutes)}, ${formatRange(policy.minimumLifetimeInMinutes, policy.maximumLifetimeInMinutes)}`;
}

export function lengthWords(policy: TapPolicy): string {
  return `Length ${policy.defaultLength} characters`;
}

export function oneTimeWords(policy: TapPolicy): string {
  // graph-docs: isUsableOnce true makes every pass in the tenant one-time; false lets each pass be either.
  return policy.isUsableOnce ? 'One-time use required for every pass' : 'Reusable by default';
}

/** One line for the panel: "Policy: default 1 hour, allowed 1–8 hours, reusable by default". */
export function policyLine(policy: TapPolicy): string {
  const once = policy.isUsableOnce ? 'one-time use required' : 'reusable by default';
  return `Policy: default ${formatDuration(policy.defaultLifetimeInMinutes)}, ${formatRange(policy.minimumLifetimeInMinutes, policy.maximumLifetimeInMinutes)}, ${once}`;
}
