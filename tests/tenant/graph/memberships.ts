/** memberOf, transitiveMemberOf, checkMemberGroups (graph-docs: user-list-memberof.md, user-list-transitivememberof.md, directoryobject-checkmembergroups.md). */
import type { DirectoryGroup, DirectoryUser } from '../state';
import { activatedRolesOf, directGroupsOf, transitiveGroupsOf } from '../state';
import { graphError } from './errors';
import { graphV1, ok, pick, selectedProperties } from './odata';
import { isPage, pageOf } from './paging';
import { hasScopes, MEMBER_OBJECT_READ_SCOPES, requireScopes, SCOPES } from './permissions';
import type { GraphCall, GraphResult } from './types';

export const CHECK_MEMBER_GROUPS_LIMIT = 20;

export function groupEntity(group: DirectoryGroup): Record<string, unknown> {
  const { members: _members, ...properties } = group;
  return { '@odata.type': '#microsoft.graph.group', ...properties };
}

export function listMemberships(
  call: GraphCall,
  user: DirectoryUser,
  transitive: boolean,
  cast: string | undefined,
): GraphResult {
  const self = user.id === call.caller.user.id;
  const denied = requireScopes(call.caller, self ? SCOPES.myMemberships : SCOPES.userMemberships, call.meta, 'directory');
  if (denied) return denied;
  const state = call.runtime.state;
  const groups = (transitive ? transitiveGroupsOf(state, user.id) : directGroupsOf(state, user.id)).map(groupEntity);
  const roles = activatedRolesOf(state, user).map((role) => ({
    '@odata.type': '#microsoft.graph.directoryRole',
    deletedDateTime: null,
    ...role,
  }));
  let objects: Record<string, unknown>[] = [...groups, ...roles];
  if (cast) {
    const type = `#${cast}`.toLowerCase();
    if (type !== '#microsoft.graph.group' && type !== '#microsoft.graph.directoryrole') {
      return graphError(call.meta, 400, 'BadRequest', `Resource not found for the segment '${cast}'.`);
    }
    objects = objects.filter((object) => String(object['@odata.type']).toLowerCase() === type);
  }
  // Paged (graph-docs: user-list-transitivememberof.md: default 100, maximum 999; concepts/paging.md). [U] order: groups in
  // directory order, then roles, so a user in more than a page of groups has their roles on a later page.
  const page = pageOf(
    call,
    objects,
    `${user.id}/${transitive ? 'transitiveMemberOf' : 'memberOf'}/${(cast ?? '').toLowerCase()}`,
  );
  if (!isPage(page)) return page;
  const names = selectedProperties(call.query);
  const readsRoles = hasScopes(call.caller, [MEMBER_OBJECT_READ_SCOPES.directoryRole]);
  const readsGroups = hasScopes(call.caller, [MEMBER_OBJECT_READ_SCOPES.group]);
  const value = page.value.map((object) => {
    const shaped = names ? { '@odata.type': object['@odata.type'], ...pick(object, names) } : object;
    const isRole = object['@odata.type'] === '#microsoft.graph.directoryRole';
    return (isRole ? readsRoles : readsGroups) ? shaped : limited(shaped, object.id);
  });
  return ok({
    '@odata.context': `${graphV1(call)}/$metadata#directoryObjects${names ? `(${names.join(',')})` : ''}`,
    ...(page.nextLink && { '@odata.nextLink': page.nextLink }),
    value,
  });
}

/**
 * graph-docs user-list-memberof.md / user-list-transitivememberof.md "Important" note ("Limited information returned for
 * inaccessible member objects"): only '@odata.type' and 'id' keep their values; every other property is null.
 */
function limited(object: Record<string, unknown>, id: unknown): Record<string, unknown> {
  const nulls = Object.fromEntries(Object.keys(object).map((key) => [key, null]));
  return { ...nulls, '@odata.type': object['@odata.type'], id };
}

export function checkMemberGroups(call: GraphCall, user: DirectoryUser): GraphResult {
  const self = user.id === call.caller.user.id;
  const denied = requireScopes(call.caller, self ? SCOPES.myMemberships : SCOPES.userMemberships, call.meta, 'directory');
  if (denied) return denied;
  const groupIds = (call.body as { groupIds?: unknown } | undefined)?.groupIds;
  if (!Array.isArray(groupIds) || groupIds.some((id) => typeof id !== 'string')) {
    return graphError(
      call.meta,
      400,
      'Request_BadRequest',
      "Invalid value specified for property 'groupIds' of resource 'directoryObject'.",
    );
  }
  if (groupIds.length > CHECK_MEMBER_GROUPS_LIMIT) {
    // [U] exact text; the 20-id limit itself is documented.
    return graphError(call.meta, 400, 'Request_BadRequest', `The number of groupIds cannot exceed ${CHECK_MEMBER_GROUPS_LIMIT}.`);
  }
  const memberOf = new Set(transitiveGroupsOf(call.runtime.state, user.id).map((group) => group.id));
  const value = (groupIds as string[]).filter((id) => memberOf.has(id.toLowerCase()));
  return ok({ '@odata.context': `${graphV1(call)}/$metadata#Collection(Edm.String)`, value });
}
