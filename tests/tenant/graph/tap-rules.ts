/** Policy targeting, live usability and value generation for Temporary Access Passes. */
import { randomInt } from 'node:crypto';
import type { DirectoryUser, TapPolicy, TapRecord, TenantState } from '../state';
import { transitiveGroupsOf } from '../state';

export type UsabilityReason = 'EnabledByPolicy' | 'DisabledByPolicy' | 'Expired' | 'NotYetValid' | 'OneTimeUsed';

/** includeTargets ("all_users" or groups/users) minus excludeTargets; exclusion wins (graph-tap-detail.md §3.3). */
export function isUserInPolicyScope(state: TenantState, policy: TapPolicy, user: DirectoryUser): boolean {
  const groupIds = new Set(transitiveGroupsOf(state, user.id).map((group) => group.id));
  const hits = (target: { targetType: string; id: string }) =>
    target.id === 'all_users' || target.id === user.id || (target.targetType === 'group' && groupIds.has(target.id));
  if (policy.excludeTargets.some((target) => target.id !== 'all_users' && hits(target))) return false;
  return policy.includeTargets.some(hits);
}

/**
 * A B2B collaboration user: one who signs in with another organization's (or a social / email) identity, whatever the
 * userType (entra-docs external-id/user-properties.md: external guest = UserType Guest, external member = UserType
 * Member; the UPN "contains an #EXT# identifier"; creationType "Invitation" and externalUserState PendingAcceptance |
 * Accepted for invitees, graph-docs user resource; a `federated` identity whose issuer is not this tenant's domain,
 * graph-docs objectidentity.md).
 *
 * Only internal guests (UserType Guest, methods registered in this tenant) can get a pass (entra-docs TAP how-to, Guest
 * access: "You can add a TAP as a sign-in method to an internal guest, but not other types of guests"). [U] external
 * members: the docs don't name them, but they are B2B users who authenticate at home exactly as external guests do, so
 * they get the same refusal ("Temporary Access Pass cannot be added to an external guest user.").
 */
export function isExternalUser(state: TenantState, user: DirectoryUser): boolean {
  if (user.creationType === 'Invitation' || user.externalUserState !== null) return true;
  if (user.userPrincipalName.includes('#EXT#')) return true;
  const home = state.tenant.domain.toLowerCase();
  return user.identities.some((identity) => identity.signInType === 'federated' && identity.issuer.toLowerCase() !== home);
}

/**
 * isUsable / methodUsabilityReason, computed at read time (graph-docs: temporaryaccesspassauthenticationmethod.md).
 * Precedence DisabledByPolicy > NotYetValid > Expired > OneTimeUsed > EnabledByPolicy. DisabledByPolicy also covers a
 * multi-use pass under a one-time-only policy (entra-docs TAP page: "blocked due to User Credential Policy").
 */
export function usability(
  state: TenantState,
  record: TapRecord,
  now = Date.now(),
): { isUsable: boolean; methodUsabilityReason: UsabilityReason } {
  const user = state.users.find((candidate) => candidate.id === record.userId);
  const policy = state.policy;
  const start = Date.parse(record.startDateTime);
  const end = start + record.lifetimeInMinutes * 60_000;
  let reason: UsabilityReason = 'EnabledByPolicy';
  if (
    policy.state !== 'enabled' ||
    !user ||
    !isUserInPolicyScope(state, policy, user) ||
    (policy.isUsableOnce && !record.isUsableOnce)
  ) {
    reason = 'DisabledByPolicy';
  } else if (now < start) reason = 'NotYetValid';
  else if (now >= end) reason = 'Expired';
  else if (record.isUsableOnce && record.used) reason = 'OneTimeUsed';
  return { isUsable: reason === 'EnabledByPolicy', methodUsabilityReason: reason };
}

/** [U] The real alphabet is not published; samples ("+drkzqAD", "TAPRocks!") mix letters, digits and symbols. */
export const TAP_ALPHABETS = {
  upper: 'ABCDEFGHJKLMNPQRSTUVWXYZ',
  lower: 'abcdefghijkmnopqrstuvwxyz',
  digits: '23456789',
  symbols: '!@#$%&*+=?',
} as const;

/** A pass of the policy's length with at least one character of each class (so clients must handle symbols literally). */
export function generatePassValue(length: number): string {
  const classes = Object.values(TAP_ALPHABETS);
  const all = classes.join('');
  const chars = classes.map((set) => set[randomInt(set.length)] as string);
  while (chars.length < length) chars.push(all[randomInt(all.length)] as string);
  for (let index = chars.length - 1; index > 0; index -= 1) {
    const swap = randomInt(index + 1);
    [chars[index], chars[swap]] = [chars[swap] as string, chars[index] as string];
  }
  return chars.join('');
}
