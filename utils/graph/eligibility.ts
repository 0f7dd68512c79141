import { i18n } from '#i18n';
import { conjunctionList, itemList } from '../i18n/lists';
import type { Eligibility, EligibilityWarning, IneligibleReason } from '../messages';
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
type Warning = Eligibility['warnings'][number];

const ALL_USERS = 'all_users';
const sameId = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** “Pilot”, “Pilot” and a group, “A”, “B” and “C”. */
function nameList(groups: GroupRef[]): string {
  const names = groups.map((g) =>
    g.displayName ? i18n.t('graph.eligibility.group', { name: g.displayName }) : i18n.t('graph.eligibility.unnamedGroup'),
  );
  return names.length === 0 ? i18n.t('graph.eligibility.unnamedGroup') : conjunctionList(names);
}

function who(user: TargetUser): string {
  return user.displayName || user.userPrincipalName || i18n.t('graph.eligibility.thisUser');
}

/**
 * B2B collaboration users: they sign in with their home organization's (or a social / email) identity, as an external
 * guest (UserType Guest) or an external member (UserType Member). entra-docs external-id/user-properties.md: the UPN of
 * a B2B user "contains an #EXT# identifier"; graph-docs user: creationType "Invitation", externalUserState
 * PendingAcceptance / Accepted for invitees, null for everyone else.
 */
export function externalKind(user: TargetUser): 'guest' | 'member' | null {
  const invited = (user.creationType ?? '').toLowerCase() === 'invitation' || !!user.externalUserState;
  const external = invited || user.userPrincipalName.toUpperCase().includes('#EXT#');
  if (!external) return null;
  return (user.userType ?? '').toLowerCase() === 'guest' ? 'guest' : 'member';
}

/**
 * No pass for any B2B user. entra-docs howto-authentication-temporary-access-pass.md, Guest access: "You can add a TAP as
 * a sign-in method to an internal guest, but not other types of guests", and Graph answers "Temporary Access Pass cannot
 * be added to an external guest user." External members aren't named there, but they too authenticate at home, where a
 * pass from this tenant is never asked for. Internal guests (UserType Guest, signing in here) can get one.
 */
export function isExternalGuest(user: TargetUser): boolean {
  return externalKind(user) !== null;
}

function externalReasons(user: TargetUser): Reason[] {
  const kind = externalKind(user);
  if (kind === 'guest') {
    return [{ reason: 'externalGuest', sentence: i18n.t('graph.eligibility.externalGuest', { user: who(user) }) }];
  }
  if (kind === 'member') {
    return [{ reason: 'externalMember', sentence: i18n.t('graph.eligibility.externalMember', { user: who(user) }) }];
  }
  return [];
}

// Pure: the panel imports this module (externalKind) without the sentence.
export const POLICY_DISABLED_SENTENCE = /* @__PURE__ */ i18n.t('graph.eligibility.policyDisabled');

function policyDisabled(input: EligibilityInput): Reason[] {
  // Blocking: "Before users can sign-in with a TAP, you need to enable this method" and "After you enable a TAP policy,
  // you can create a TAP" (entra-docs TAP how-to); Graph refuses the POST with "Converged UserCredentialPolicy…".
  if (!input.policy || input.policy.state === 'enabled') return [];
  return [{ reason: 'policyDisabled', sentence: POLICY_DISABLED_SENTENCE }];
}

/**
 * Not blocking: "Although you can create a TAP for any user, only users included in the policy can sign-in with it"
 * (entra-docs TAP how-to). Graph creates the pass and reads it DisabledByPolicy, so the admin is told before issuing.
 */
function policyWarnings(input: EligibilityInput): Warning[] {
  const { policy, user, target } = input;
  if (policy?.state !== 'enabled') return [];
  const named = (id: string): GroupRef =>
    target?.groups.find((g) => sameId(g.id, id) && g.displayName) ??
    input.policyGroups.find((g) => sameId(g.id, id)) ?? { id, displayName: null };
  const warnings: Warning[] = [];
  const userGroupIds = new Set((target?.groups ?? []).map((g) => g.id.toLowerCase()));
  const matches = (t: TapPolicy['includeTargets'][number]) =>
    t.targetType === 'user' ? sameId(t.id, user.id) : userGroupIds.has(t.id.toLowerCase());

  const excludedBy = policy.excludeTargets.filter(matches);
  if (excludedBy.length > 0) {
    const groups = excludedBy.filter((t) => t.targetType !== 'user').map((t) => named(t.id));
    warnings.push({
      reason: 'excluded',
      sentence:
        groups.length > 0
          ? i18n.t('graph.eligibility.excludedGroups', groups.length, { user: who(user), groups: nameList(groups) })
          : i18n.t('graph.eligibility.excludedUser', { user: who(user) }),
      ...(groups.length > 0 && { groups }),
    });
  }
  const includesEveryone = policy.includeTargets.some((t) => t.id === ALL_USERS);
  // Without complete membership we can't prove someone is outside the included groups: no claim then.
  if (!includesEveryone && target?.complete && !policy.includeTargets.some(matches)) {
    warnings.push(
      notIncludedWarning(
        user,
        policy.includeTargets.filter((t) => t.targetType !== 'user').map((t) => named(t.id)),
      ),
    );
  }
  return warnings;
}

/** The warning for a user outside every included group; rebuilt once the groups' names are known. */
function notIncludedWarning(user: TargetUser, groups: GroupRef[]): Warning {
  return {
    reason: 'notIncluded',
    sentence:
      groups.length > 0
        ? i18n.t('graph.eligibility.notIncludedGroups', groups.length, { user: who(user), groups: nameList(groups) })
        : i18n.t('graph.eligibility.notIncludedUser', { user: who(user) }),
    ...(groups.length > 0 && { groups }),
  };
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
  const roles = itemList(privileged.map((r) => r.displayName));
  return [{ reason: 'roleCannotActOnAdmin', sentence: i18n.t('graph.eligibility.adminTarget', { user: who(user), roles }) }];
}

/** Can the signed-in admin issue a pass for this user; if not, why and what to do; if so, what won't work yet. Pure. */
export function evaluateEligibility(input: EligibilityInput): Eligibility {
  const { user, adminId } = input;
  const reasons: Reason[] = [];
  const warnings: Warning[] = [];
  const add = (reason: IneligibleReason, sentence: string) => reasons.push({ reason, sentence });
  const warn = (reason: EligibilityWarning, sentence: string) => warnings.push({ reason, sentence });

  if (adminId && sameId(adminId, user.id)) {
    add('self', i18n.t('graph.eligibility.self'));
  }
  reasons.push(...externalReasons(user));
  reasons.push(...policyDisabled(input));
  warnings.push(...policyWarnings(input));
  if (user.accountEnabled === false) {
    // [U] Graph sets no rule for disabled accounts (the create page and the TAP how-to are silent): it creates the pass.
    // Sign-in is blocked for the account itself, so the pass waits for it (e.g. a new hire's, with a later start).
    warn('accountDisabled', i18n.t('graph.eligibility.accountDisabled', { user: who(user) }));
  }
  reasons.push(...roleReasons(input));
  return { canIssue: reasons.length === 0, reasons, warnings: reasons.length === 0 ? warnings : [] };
}
