/**
 * Delegated scopes and Entra roles each Graph operation accepts. Scope lists: graph-docs permissions includes
 * (api-reference/v1.0/includes/permissions/*.md); roles: rbac-for-apis includes and entra-docs pages named beside each rule.
 */
import { ROLE } from '../roles';
import type { DirectoryUser, TenantState } from '../state';
import { transitiveGroupsOf } from '../state';
import { graphError, MESSAGES } from './errors';
import { activeRoleIds, anyRoleIds, rolesOver } from './role-scope';
import type { Caller, GraphResult, RequestMeta } from './types';

const DIRECTORY_READ = ['Directory.Read.All', 'Directory.ReadWrite.All'];

/** Each inner list: any one of these scopes. All inner lists must be satisfied. */
export const SCOPES = {
  // graph-docs: user-get-permissions.md (/me: User.Read least)
  me: [['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', ...DIRECTORY_READ]],
  // graph-docs: user-get-permissions.md (others: User.ReadBasic.All least)
  users: [['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', ...DIRECTORY_READ]],
  // graph-docs: user-list-memberof-permissions.md, user-list-transitivememberof-permissions.md (User.Read least, for /me)
  myMemberships: [['User.Read', 'GroupMember.Read.All', 'Group.Read.All', 'User.Read.All', ...DIRECTORY_READ]],
  // graph-docs: directoryobject-checkmembergroups.md (others: User.ReadBasic.All + GroupMember.Read.All)
  userMemberships: [
    ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', ...DIRECTORY_READ],
    ['GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', ...DIRECTORY_READ],
  ],
  // graph-docs: group-get-permissions.md
  groups: [['GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', ...DIRECTORY_READ]],
  // graph-docs: temporaryaccesspassauthenticationmethod-get.md, authentication-list-temporaryaccesspassmethods.md (others)
  tapReadOthers: [
    [
      'UserAuthMethod-TAP.Read.All',
      'UserAuthMethod-TAP.ReadWrite.All',
      'UserAuthenticationMethod.Read.All',
      'UserAuthenticationMethod.ReadWrite.All',
    ],
  ],
  tapReadSelf: [
    [
      'UserAuthMethod-TAP.Read',
      'UserAuthMethod-TAP.ReadWrite',
      'UserAuthenticationMethod.Read',
      'UserAuthenticationMethod.ReadWrite',
      'UserAuthMethod-TAP.Read.All',
      'UserAuthMethod-TAP.ReadWrite.All',
      'UserAuthenticationMethod.Read.All',
      'UserAuthenticationMethod.ReadWrite.All',
    ],
  ],
  // graph-docs: authentication-post-temporaryaccesspassmethods.md and -delete.md (the POST include's "read" least scope is a doc glitch)
  tapWriteOthers: [['UserAuthMethod-TAP.ReadWrite.All', 'UserAuthenticationMethod.ReadWrite.All']],
  tapWriteSelf: [
    [
      'UserAuthMethod-TAP.ReadWrite',
      'UserAuthenticationMethod.ReadWrite',
      'UserAuthMethod-TAP.ReadWrite.All',
      'UserAuthenticationMethod.ReadWrite.All',
    ],
  ],
  // graph-docs: authentication-list-methods-permissions.md
  methodsOthers: [['UserAuthenticationMethod.Read.All', 'UserAuthenticationMethod.ReadWrite.All']],
  methodsSelf: [
    [
      'UserAuthenticationMethod.Read',
      'UserAuthenticationMethod.ReadWrite',
      'UserAuthenticationMethod.Read.All',
      'UserAuthenticationMethod.ReadWrite.All',
    ],
  ],
  // graph-docs: temporaryaccesspassauthenticationmethodconfiguration-get.md, authenticationmethodspolicy-get.md
  policyRead: [['Policy.Read.AuthenticationMethod', 'Policy.ReadWrite.AuthenticationMethod']],
  // graph-docs: temporaryaccesspassauthenticationmethodconfiguration-update.md
  policyWrite: [['Policy.ReadWrite.AuthenticationMethod']],
  // graph-docs: application-list-permissions.md (and application-get: the same list)
  applicationsRead: [['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All']],
  // graph-docs: application-post-applications-permissions.md
  applicationsCreate: [['AppRegistration.Create', 'Application.ReadWrite.All']],
  // graph-docs: application-update-permissions.md
  applicationsUpdate: [['Application.ReadWrite.All']],
  // graph-docs: serviceprincipal-list-permissions.md
  servicePrincipalsRead: [['Application.Read.All', 'Application.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All']],
  // graph-docs: serviceprincipal-post-serviceprincipals-permissions.md
  servicePrincipalsCreate: [['Application.ReadWrite.All', 'Directory.ReadWrite.All']],
  // graph-docs: oauth2permissiongrant-post.md
  grantsCreate: [['DelegatedPermissionGrant.ReadWrite.All', 'Directory.ReadWrite.All']],
  // graph-docs: unifiedroleeligibilityscheduleinstance-filterbycurrentuser.md
  myEligibleRoles: [
    [
      'RoleEligibilitySchedule.Read.Directory',
      'RoleManagement.Read.Directory',
      'RoleManagement.Read.All',
      'RoleEligibilitySchedule.ReadWrite.Directory',
      'RoleManagement.ReadWrite.Directory',
    ],
  ],
} as const;

/**
 * Scopes that let the caller read a membership item in full. graph-docs user-list-memberof.md and
 * user-list-transitivememberof.md ("Important": limited information returned for inaccessible member objects): without
 * permission to read the object's type, only '@odata.type' and 'id' are real, every other property null.
 */
export const MEMBER_OBJECT_READ_SCOPES = {
  // graph-docs: directoryrole-list-permissions.md, directoryrole-get-permissions.md
  directoryRole: [
    'RoleManagement.Read.Directory',
    'RoleManagement.Read.All',
    'RoleManagement.ReadWrite.Directory',
    ...DIRECTORY_READ,
  ],
  // graph-docs: group-get-permissions.md (same list as SCOPES.groups)
  group: ['GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', ...DIRECTORY_READ],
} as const;

export type ScopeRequirement = readonly (readonly string[])[];
export type DenialStyle = 'directory' | 'authMethods';

export function hasScopes(caller: Caller, requirement: ScopeRequirement): boolean {
  return requirement.every((anyOf) => anyOf.some((scope) => caller.scopes.has(scope.toLowerCase())));
}

export function denied(meta: RequestMeta, style: DenialStyle): GraphResult {
  return style === 'directory'
    ? graphError(meta, 403, 'Authorization_RequestDenied', MESSAGES.insufficientPrivileges)
    : graphError(meta, 403, 'accessDenied', MESSAGES.requestAuthorizationFailed);
}

export function requireScopes(
  caller: Caller,
  requirement: ScopeRequirement,
  meta: RequestMeta,
  style: DenialStyle,
): GraphResult | null {
  return hasScopes(caller, requirement) ? null : denied(meta, style);
}

/** Tenant-wide active roles only (direct or through a role-assignable group): eligible and unit-scoped ones don't count. */
export function hasAnyRole(state: TenantState, user: DirectoryUser, roles: readonly string[]): boolean {
  return activeRoleIds(state, user).some((role) => roles.includes(role));
}

/**
 * Read another user's pass and methods: graph-docs rbac-authentication-methods-apis-read-others.md
 * (Global Reader, Authentication Administrator, Privileged Authentication Administrator) + Global Administrator.
 */
export const METHOD_READ_ROLES = [
  ROLE.globalReader,
  ROLE.authenticationAdministrator,
  ROLE.privilegedAuthenticationAdministrator,
  ROLE.globalAdministrator,
] as const;

/**
 * Create/delete another user's pass: graph-docs rbac-authentication-methods-apis-write-others.md (Authentication
 * Administrator, Privileged Authentication Administrator); entra-docs howto-authentication-temporary-access-pass.md adds
 * Global Administrator. Authentication Policy Administrator cannot issue (entra-docs PR #667).
 */
export const METHOD_WRITE_ROLES = [
  ROLE.authenticationAdministrator,
  ROLE.privilegedAuthenticationAdministrator,
  ROLE.globalAdministrator,
] as const;

/**
 * Roles an Authentication Administrator may still act on (entra-docs: privileged-roles-permissions.md,
 * "Who can perform sensitive actions"). Any other role on the target (e.g. User Administrator) → 403.
 */
export const AUTH_ADMIN_MANAGEABLE_TARGET_ROLES: readonly string[] = [
  ROLE.authenticationAdministrator,
  ROLE.directoryReaders,
  ROLE.guestInviter,
  ROLE.messageCenterReader,
  ROLE.passwordAdministrator,
  ROLE.reportsReader,
  ROLE.usageSummaryReportsReader,
];

/**
 * Read the authentication methods policy: graph-docs rbac-authentication-methods-policy-apis-read.md lists Global Reader
 * and Authentication Policy Administrator as least privileged; Global Administrator holds every permission. Authentication
 * Administrator and Privileged Authentication Administrator are not listed (their role definitions carry no
 * userCredentialPolicies read), so they get 403 here.
 */
export const POLICY_READ_ROLES = [ROLE.globalReader, ROLE.authenticationPolicyAdministrator, ROLE.globalAdministrator] as const;

/** Write it: graph-docs rbac-authentication-methods-policy-apis-write.md (Authentication Policy Administrator least) + Global Administrator. */
export const POLICY_WRITE_ROLES = [ROLE.authenticationPolicyAdministrator, ROLE.globalAdministrator] as const;

/**
 * Whether the caller may create or delete a pass for the target (self is refused: "except themselves", entra-docs TAP
 * page). Roles are the caller's roles over this target (role-scope.ts): active, through role-assignable groups, or scoped
 * to an administrative unit the target is in; restricted-management units need a role scoped to them.
 */
export function canManageMethodsOf(state: TenantState, caller: DirectoryUser, target: DirectoryUser): boolean {
  if (caller.id === target.id) return false;
  const roles = rolesOver(state, caller, target, 'write');
  if (roles.some((role) => role === ROLE.globalAdministrator || role === ROLE.privilegedAuthenticationAdministrator)) return true;
  if (!roles.includes(ROLE.authenticationAdministrator)) return false;
  const privilegedRole = anyRoleIds(state, target).some((role) => !AUTH_ADMIN_MANAGEABLE_TARGET_ROLES.includes(role));
  // entra-docs authentication-administrator.md: not for members/owners of role-assignable groups.
  const inRoleAssignableGroup = transitiveGroupsOf(state, target.id).some((group) => group.isAssignableToRole);
  return !privilegedRole && !inRoleAssignableGroup;
}

/** Whether the caller may read the target's methods and pass (METHOD_READ_ROLES over this target). */
export function canReadMethodsOf(state: TenantState, caller: DirectoryUser, target: DirectoryUser): boolean {
  return rolesOver(state, caller, target, 'read').some((role) => (METHOD_READ_ROLES as readonly string[]).includes(role));
}
