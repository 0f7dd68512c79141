/** /me, /users/{id | userPrincipalName} (graph-docs: user-get.md). */
import type { DirectoryUser } from '../state';
import { findUser } from '../state';
import { graphError, MESSAGES } from './errors';
import { checkSelect, entityContext, ok, pick, selectedProperties } from './odata';
import { requireScopes, SCOPES } from './permissions';
import type { GraphCall, GraphResult } from './types';

/** Returned without $select (user-get.md "Default properties"). */
export const DEFAULT_USER_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
] as const;

export const USER_PROPERTIES = [
  ...DEFAULT_USER_PROPERTIES,
  'accountEnabled',
  'userType',
  'creationType',
  'externalUserState',
  'identities',
];

export function userEntity(user: DirectoryUser): Record<string, unknown> {
  const { roles: _roles, methods: _methods, ...properties } = user;
  return properties;
}

/** Resolves a user reference (object id or UPN, case-insensitive) or answers Graph's 404. */
export function resolveUser(call: GraphCall, ref: string): DirectoryUser | GraphResult {
  return findUser(call.runtime.state, ref) ?? graphError(call.meta, 404, 'Request_ResourceNotFound', MESSAGES.notFound(ref));
}

export function isUser(value: DirectoryUser | GraphResult): value is DirectoryUser {
  return 'userPrincipalName' in value;
}

export function getUser(call: GraphCall, user: DirectoryUser): GraphResult {
  const names = selectedProperties(call.query);
  const bad = checkSelect(call.meta, names, USER_PROPERTIES, 'user');
  if (bad) return bad;
  const entity = userEntity(user);
  return ok({ '@odata.context': entityContext(call, 'users', names), ...pick(entity, names ?? DEFAULT_USER_PROPERTIES) });
}

export function getMe(call: GraphCall): GraphResult {
  return requireScopes(call.caller, SCOPES.me, call.meta, 'directory') ?? getUser(call, call.caller.user);
}

export function getUserByRef(call: GraphCall, ref: string): GraphResult {
  const denied = requireScopes(call.caller, SCOPES.users, call.meta, 'directory');
  if (denied) return denied;
  const user = resolveUser(call, ref);
  return isUser(user) ? getUser(call, user) : user;
}
