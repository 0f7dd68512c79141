import { i18n } from '#i18n';
import { userPath } from './paths';
import type { DirectoryRole, GroupRef, TargetUser } from './types';

export const USER_SELECT = 'id,displayName,userPrincipalName,accountEnabled,userType,creationType,externalUserState,mail';

export const userUrl = (ref: string) => `${userPath(ref)}?$select=${USER_SELECT}`;
// $top=999: the documented maximum page (default 100; graph-docs: user-list-transitivememberof.md), one page for nearly everyone.
export const transitiveMemberOfUrl = (ref: string) =>
  `${userPath(ref)}/transitiveMemberOf?$select=id,displayName,roleTemplateId&$top=999`;
// Transitive: a role held through a role-assignable group counts (graph-docs: user-list-transitivememberof.md, User.Read for /me).
// Roles come wherever Graph puts them, after a hundred groups too: the same maximum page.
export const MY_MEMBER_OF_URL = '/me/transitiveMemberOf?$select=id,displayName,roleTemplateId&$top=999';

/**
 * Only the directory roles (OData cast). No other query option, so no advanced-query headers (graph-docs:
 * aad-advanced-queries.md lists "OData cast with another query parameter" as advanced only); a user holds far fewer roles
 * than the default page of 100.
 */
export const directoryRolesUrl = (ref: string | 'me') =>
  `${ref === 'me' ? '/me' : userPath(ref)}/transitiveMemberOf/microsoft.graph.directoryRole`;
export const checkMemberGroupsUrl = (ref: string) => `${userPath(ref)}/checkMemberGroups`;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function toTargetUser(raw: Record<string, unknown>): TargetUser {
  return {
    id: String(raw.id ?? ''),
    displayName: str(raw.displayName) ?? str(raw.userPrincipalName) ?? '',
    userPrincipalName: str(raw.userPrincipalName) ?? '',
    accountEnabled: typeof raw.accountEnabled === 'boolean' ? raw.accountEnabled : null,
    userType: str(raw.userType),
    creationType: str(raw.creationType),
    externalUserState: str(raw.externalUserState),
    mail: str(raw.mail),
  };
}

/** Groups and directory roles from a memberOf / transitiveMemberOf page. */
export interface Memberships {
  groups: GroupRef[];
  roles: DirectoryRole[];
  /** A directory role came back without its template id (the granted permissions hide it): tiers are unknowable. */
  rolesOpaque: boolean;
  /**
   * Every role is listed and every group the eligibility verdict needs is known: the whole list came in one page (no
   * @odata.nextLink), or a later round settled the roles (directoryRolesUrl) and the policy's groups (checkMemberGroups).
   * False: the lists are not the whole truth, so absence from them proves nothing.
   */
  complete: boolean;
}

export function toMemberships(body: unknown): Memberships {
  const page = (body ?? {}) as { value?: unknown; '@odata.nextLink'?: unknown };
  const items = Array.isArray(page.value) ? (page.value as Record<string, unknown>[]) : [];
  const groups: GroupRef[] = [];
  const roles: DirectoryRole[] = [];
  let rolesOpaque = false;
  for (const item of items) {
    const type = str(item['@odata.type']) ?? '';
    const id = String(item.id ?? '');
    if (type === '#microsoft.graph.group') groups.push({ id, displayName: str(item.displayName) });
    else if (type === '#microsoft.graph.directoryRole') {
      const roleTemplateId = str(item.roleTemplateId);
      if (roleTemplateId)
        roles.push({
          id,
          displayName: str(item.displayName) ?? i18n.t('graph.roles.unnamed'),
          roleTemplateId: roleTemplateId.toLowerCase(),
        });
      else rolesOpaque = true;
    }
  }
  return { groups, roles, rolesOpaque, complete: typeof page['@odata.nextLink'] !== 'string' };
}
