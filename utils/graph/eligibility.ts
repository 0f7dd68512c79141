import type { Eligibility, IneligibleReason } from '../messages';
import { ISSUE_FOR_ANYONE, ISSUE_FOR_MEMBERS, ROLES_AUTH_ADMIN_CAN_ACT_ON } from './roles';
import type { GroupRef, TapPolicy, TargetUser } from './types';
import type { Memberships } from './users';

export interface EligibilityInput {
  user: TargetUser;
  /** Object id of the signed-in admin. */
  adminId: string | null;
  /** Null when the policy can't be read: then Graph decides at issue time. */
  policy: TapPolicy | null;
  /** Names for the policy's groups, when known. */
  policyGroups: GroupRef[];
  /** The target's transitive groups and roles; null when unreadable. */
  target: Memberships | null;
  /** The admin's roles; null when unreadable. */
  admin: Memberships | null;
}

type Reason = Eligibility['reasons'][number];

const ALL_USERS = 'all_users';
const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function nameList(groups: GroupRef[]): string {
  const names = groups.map((g) => (g.displayName ? `“${g.displayName}”` : 'a group'));
  if (names.length <= 1) return names[0] ?? 'a group';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function who(user: TargetUser): string {
  return user.displayName || user.userPrincipalName || 'This user';
}

/** Guests invited from another organization (B2B). Internal guests (no invitation) can get a pass. */
export function isExternalGuest(user: TargetUser): boolean {
  if ((user.userType ?? '').toLowerCase() !== 'guest') return false;
  return (user.creationType ?? '').toLowerCase() === 'invitation' || !!user.externalUserState;
}

function policyReasons(input: EligibilityInput): Reason[] {
  const { policy, user, target } = input;
  if (!policy) return [];
  if (policy.state !== 'enabled') {
    return [
      {
        reason: 'policyDisabled',
        sentence:
          'The Temporary Access Pass policy is turned off in this tenant. An Authentication Policy Administrator can turn it on in Authentication methods › Policies.',
      },
    ];
  }
  const named = (id: string): GroupRef =>
    target?.groups.find((g) => sameId(g.id, id) && g.displayName) ??
    input.policyGroups.find((g) => sameId(g.id, id)) ?? { id, displayName: null };
  const reasons: Reason[] = [];
  const userGroupIds = new Set((target?.groups ?? []).map((g) => g.id.toLowerCase()));
  const matches = (t: TapPolicy['includeTargets'][number]) =>
    t.targetType === 'user' ? sameId(t.id, user.id) : userGroupIds.has(t.id.toLowerCase());

  const excludedBy = policy.excludeTargets.filter(matches);
  if (excludedBy.length > 0) {
    const groups = excludedBy.filter((t) => t.targetType !== 'user').map((t) => named(t.id));
    reasons.push({
      reason: 'excluded',
      sentence:
        groups.length > 0
          ? `${who(user)} is in ${nameList(groups)}, which the Temporary Access Pass policy excludes. Remove the user from ${groups.length > 1 ? 'those groups' : 'that group'} or change the policy's exclusions.`
          : `The Temporary Access Pass policy excludes ${who(user)}. Change the policy's exclusions to issue a pass.`,
      ...(groups.length > 0 && { groups }),
    });
  }
  const includesEveryone = policy.includeTargets.some((t) => t.id === ALL_USERS);
  // Without complete membership we can't prove someone is outside the included groups; Graph will say so at issue time.
  if (!includesEveryone && target?.complete && !policy.includeTargets.some(matches)) {
    const groups = policy.includeTargets.filter((t) => t.targetType !== 'user').map((t) => named(t.id));
    reasons.push({
      reason: 'notIncluded',
      sentence:
        groups.length > 0
          ? `${who(user)} isn't in ${groups.length > 1 ? 'any of the groups' : 'the group'} the Temporary Access Pass policy includes (${nameList(groups)}). Add the user to ${groups.length > 1 ? 'one of them' : 'it'} or widen the policy.`
          : `The Temporary Access Pass policy doesn't include ${who(user)}. Widen the policy to issue a pass.`,
      ...(groups.length > 0 && { groups }),
    });
  }
  return reasons;
}

function roleReasons(input: EligibilityInput): Reason[] {
  const { admin, target, user } = input;
  if (!admin || admin.rolesOpaque || !admin.complete) return []; // unknowable with these permissions: Graph explains a 403
  const templates = new Set(admin.roles.map((r) => r.roleTemplateId));
  if ([...templates].some((t) => ISSUE_FOR_ANYONE.has(t))) return [];
  // No issuing role in the list is not proof: a role scoped to an administrative unit never appears there, so the
  // button stays enabled and Graph's 403, if it comes, is explained then.
  if (![...templates].some((t) => ISSUE_FOR_MEMBERS.has(t))) return [];
  const privileged = (target?.roles ?? []).filter((r) => !ROLES_AUTH_ADMIN_CAN_ACT_ON.has(r.roleTemplateId));
  if (privileged.length === 0) return [];
  const roles = privileged.map((r) => r.displayName).join(', ');
  return [
    {
      reason: 'roleCannotActOnAdmin',
      sentence: `${who(user)} holds an admin role (${roles}). An Authentication Administrator can't issue passes for admins; ask a Privileged Authentication Administrator or Global Administrator.`,
    },
  ];
}

/** Can the signed-in admin issue a pass for this user, and if not, why and what to do. Pure. */
export function evaluateEligibility(input: EligibilityInput): Eligibility {
  const { user, adminId } = input;
  const reasons: Reason[] = [];
  const add = (reason: IneligibleReason, sentence: string) => reasons.push({ reason, sentence });

  if (adminId && sameId(adminId, user.id)) {
    add('self', "You can't issue a Temporary Access Pass for yourself. Ask another administrator to issue one for you.");
  }
  if (isExternalGuest(user)) {
    add(
      'externalGuest',
      `${who(user)} is an external guest. Microsoft Entra can't give external guests a Temporary Access Pass; they sign in with their home organization's account.`,
    );
  }
  reasons.push(...policyReasons(input));
  if (user.accountEnabled === false) {
    add(
      'accountDisabled',
      `${who(user)}'s account is disabled, so sign-in is blocked. A pass won't help until an administrator enables the account again.`,
    );
  }
  reasons.push(...roleReasons(input));
  return { canIssue: reasons.length === 0, reasons };
}
