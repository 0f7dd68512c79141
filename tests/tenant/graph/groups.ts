/** GET /groups/{id} (graph-docs: group-get.md). */
import { findGroup } from '../state';
import { graphError, MESSAGES } from './errors';
import { groupEntity } from './memberships';
import { checkSelect, entityContext, ok, pick, selectedProperties } from './odata';
import { requireScopes, SCOPES } from './permissions';
import type { GraphCall, GraphResult } from './types';

const GROUP_PROPERTIES = [
  'id',
  'displayName',
  'description',
  'securityEnabled',
  'mailEnabled',
  'groupTypes',
  'isAssignableToRole',
];

export function getGroup(call: GraphCall, id: string): GraphResult {
  const denied = requireScopes(call.caller, SCOPES.groups, call.meta, 'directory');
  if (denied) return denied;
  const group = findGroup(call.runtime.state, id);
  if (!group) return graphError(call.meta, 404, 'Request_ResourceNotFound', MESSAGES.notFound(id));
  const names = selectedProperties(call.query);
  const bad = checkSelect(call.meta, names, GROUP_PROPERTIES, 'group');
  if (bad) return bad;
  const { '@odata.type': _type, ...entity } = groupEntity(group);
  return ok({ '@odata.context': entityContext(call, 'groups', names), ...pick(entity, names ?? GROUP_PROPERTIES) });
}
