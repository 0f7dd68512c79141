/**
 * Which roles count for a caller acting on a target: active assignments (direct or through a role-assignable group),
 * administrative-unit scopes and restricted-management units. Eligible (PIM) assignments never count.
 */
import type { DirectoryUser, TenantState } from '../state';

/**
 * Active, tenant-wide role template ids: direct assignments plus roles assigned to role-assignable groups the user is a
 * member of (entra-docs: groups-concept.md "Use Microsoft Entra groups to manage role assignments"; role-assignable
 * groups can't contain other groups, so direct membership is enough). Eligible roles (PIM, entra-docs:
 * pim-how-to-activate-role.md) are left out: they grant nothing until activated.
 */
export function activeRoleIds(state: TenantState, user: DirectoryUser): string[] {
  const ids = new Set(user.roles);
  for (const group of state.groups) {
    if (group.isAssignableToRole && group.members.includes(user.id)) for (const role of group.assignedRoles ?? []) ids.add(role);
  }
  return [...ids];
}

const unitsOf = (state: TenantState, userId: string) =>
  (state.administrativeUnits ?? []).filter((unit) => unit.members.includes(userId));

/**
 * The roles the caller holds over `target`.
 * - A role scoped to an administrative unit applies only to the unit's members (entra-docs: admin-units-assign-roles.md).
 * - Writes to a member of a restricted-management unit need a role scoped to that unit; tenant-scoped roles, Global
 *   Administrator included, can't change it (entra-docs: admin-units-restricted-management.md, "Who can modify"). Reads
 *   are not restricted (same page: restricted management limits changes only).
 */
export function rolesOver(state: TenantState, caller: DirectoryUser, target: DirectoryUser, access: 'read' | 'write'): string[] {
  const targetUnits = unitsOf(state, target.id);
  const scoped = (caller.scopedRoles ?? []).filter((scope) => targetUnits.some((unit) => unit.id === scope.administrativeUnitId));
  const restrictedUnits = targetUnits.filter((unit) => unit.isMemberManagementRestricted);
  if (access === 'write' && restrictedUnits.length > 0) {
    return scoped
      .filter((scope) => restrictedUnits.some((unit) => unit.id === scope.administrativeUnitId))
      .map((scope) => scope.roleTemplateId);
  }
  return [...activeRoleIds(state, caller), ...scoped.map((scope) => scope.roleTemplateId)];
}

/** Every role the target holds, however assigned (for "is this user an admin?": entra-docs privileged-roles-permissions.md). */
export function anyRoleIds(state: TenantState, user: DirectoryUser): string[] {
  return [...new Set([...activeRoleIds(state, user), ...(user.scopedRoles ?? []).map((scope) => scope.roleTemplateId)])];
}
