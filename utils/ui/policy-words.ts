import { i18n } from '#i18n';
import type { GroupRef, PolicyTarget, TapPolicy } from '@/utils/graph/types';
import type { PolicyView } from '@/utils/messages';
import { itemList } from '../i18n/lists';
import { formatDuration, formatRange } from './format';

const ALL_USERS = 'all_users';

function groupName(target: PolicyTarget, groups: GroupRef[]): string {
  if (target.id === ALL_USERS) return i18n.t('popup.policy.allUsers');
  const name = groups.find((g) => g.id === target.id)?.displayName;
  if (name) return name;
  return target.targetType === 'user'
    ? i18n.t('popup.policy.user', { id: target.id })
    : i18n.t('popup.policy.group', { id: target.id });
}

/** "All users", or the included groups' names. */
export function includedWords(view: PolicyView): string {
  const targets = view.policy?.includeTargets ?? [];
  if (targets.length === 0) return i18n.t('popup.policy.nobody');
  return itemList(targets.map((t) => groupName(t, view.groups)));
}

/** The excluded groups' names, or "None". */
export function excludedWords(view: PolicyView): string {
  const targets = view.policy?.excludeTargets ?? [];
  if (targets.length === 0) return i18n.t('popup.policy.none');
  return itemList(targets.map((t) => groupName(t, view.groups)));
}

/** The default lifetime and the allowed range, in words: "1 hour", "allowed 1–8 hours". */
const lifetimes = (policy: TapPolicy) => ({
  duration: formatDuration(policy.defaultLifetimeInMinutes),
  range: formatRange(policy.minimumLifetimeInMinutes, policy.maximumLifetimeInMinutes),
});

/** "Default lifetime 1 hour, allowed 1–8 hours". */
export function lifetimeWords(policy: TapPolicy): string {
  return i18n.t('popup.policy.lifetime', lifetimes(policy));
}

export function lengthWords(policy: TapPolicy): string {
  return i18n.t('popup.policy.length', { length: policy.defaultLength });
}

export function oneTimeWords(policy: TapPolicy): string {
  // graph-docs: isUsableOnce true makes every pass in the tenant one-time; false lets each pass be either.
  return policy.isUsableOnce ? i18n.t('popup.policy.oneTimeRequired') : i18n.t('popup.policy.reusableByDefault');
}

/** One line for the panel: "Policy: default 1 hour, allowed 1–8 hours, reusable by default". */
export function policyLine(policy: TapPolicy): string {
  const parts = lifetimes(policy);
  return policy.isUsableOnce ? i18n.t('popup.policy.lineOneTime', parts) : i18n.t('popup.policy.lineReusable', parts);
}
