/** Maps a Graph v1.0 path to its handler. Segment names match case-insensitively, as Graph's do. */
import {
  createApplication,
  createPermissionGrant,
  createServicePrincipal,
  getApplication,
  listApplications,
  listServicePrincipals,
  myEligibleRoles,
  updateApplication,
} from './applications';
import { graphError } from './errors';
import { getGroup } from './groups';
import { checkMemberGroups, listMemberships } from './memberships';
import { listMethods } from './methods';
import { getAuthenticationMethodsPolicy, getTapPolicy, patchTapPolicy, resetTapPolicy } from './policy';
import { createPass, deletePass, getPass, listPasses } from './tap';
import type { GraphCall, GraphResult } from './types';
import { getMe, getUserByRef, isUser, resolveUser } from './users';

/** Turns `users('x')` / `authenticationMethodConfigurations('TemporaryAccessPass')` key syntax into plain segments, then decodes. */
export function splitGraphPath(rawPath: string): string[] {
  const keyed = rawPath.replace(/%27/gi, "'").replace(/([A-Za-z$]+)\('([^']*)'\)/g, '$1/$2');
  return keyed
    .split('/')
    .filter(Boolean)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

function methodNotAllowed(call: GraphCall): GraphResult {
  return graphError(call.meta, 405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
}

function notFoundSegment(call: GraphCall, segment: string): GraphResult {
  return graphError(call.meta, 400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
}

type Handlers = Partial<Record<string, () => GraphResult>>;

function byMethod(call: GraphCall, handlers: Handlers): GraphResult {
  const handler = handlers[call.method.toUpperCase()];
  return handler ? handler() : methodNotAllowed(call);
}

export function routeGraph(call: GraphCall): GraphResult {
  const [first = '', ...rest] = call.segments;
  // Alternate key: /applications(appId='{appId}') (graph-docs application-get.md, application-update.md).
  const byAppId = /^applications\(appId='([^']*)'\)$/i.exec(first);
  if (byAppId) {
    if (rest.length > 0) return notFoundSegment(call, rest[0] as string);
    const appId = byAppId[1] ?? '';
    return byMethod(call, {
      GET: () => getApplication(call, appId, 'appId'),
      PATCH: () => updateApplication(call, appId, 'appId'),
    });
  }
  switch (first.toLowerCase()) {
    case 'me':
      if (rest.length === 0) return byMethod(call, { GET: () => getMe(call) });
      return userSubresource(call, call.caller.user.id, rest, true);
    case 'users': {
      const [ref, ...sub] = rest;
      if (!ref) return notFoundSegment(call, 'users');
      if (sub.length === 0) return byMethod(call, { GET: () => getUserByRef(call, ref) });
      return userSubresource(call, ref, sub, false);
    }
    case 'groups': {
      const [id, ...sub] = rest;
      if (!id || sub.length > 0) return notFoundSegment(call, sub[0] ?? 'groups');
      return byMethod(call, { GET: () => getGroup(call, id) });
    }
    case 'policies':
      return policyResource(call, rest);
    case 'applications': {
      const [id, ...sub] = rest;
      if (!id) return byMethod(call, { GET: () => listApplications(call), POST: () => createApplication(call) });
      if (sub.length > 0) return notFoundSegment(call, sub[0] as string);
      return byMethod(call, { GET: () => getApplication(call, id), PATCH: () => updateApplication(call, id) });
    }
    case 'serviceprincipals':
      if (rest.length > 0) return notFoundSegment(call, rest[0] as string);
      return byMethod(call, { GET: () => listServicePrincipals(call), POST: () => createServicePrincipal(call) });
    case 'oauth2permissiongrants':
      if (rest.length > 0) return notFoundSegment(call, rest[0] as string);
      return byMethod(call, { POST: () => createPermissionGrant(call) });
    case 'rolemanagement': {
      // /roleManagement/directory/roleEligibilityScheduleInstances/filterByCurrentUser(on='principal')
      const [provider = '', collection = '', fn = '', ...extra] = rest.map((segment) => segment.toLowerCase());
      if (
        provider !== 'directory' ||
        collection !== 'roleeligibilityscheduleinstances' ||
        fn.replace(/\s/g, '') !== "filterbycurrentuser(on='principal')" ||
        extra.length > 0
      ) {
        return notFoundSegment(call, rest.at(-1) ?? 'roleManagement');
      }
      return byMethod(call, { GET: () => myEligibleRoles(call) });
    }
    default:
      return notFoundSegment(call, first);
  }
}

function userSubresource(call: GraphCall, ref: string, sub: string[], viaMe: boolean): GraphResult {
  const [name = '', ...more] = sub;
  const lower = name.toLowerCase();
  const withUser = (fn: (user: Parameters<typeof listPasses>[1]) => GraphResult) => () => {
    const user = resolveUser(call, ref);
    return isUser(user) ? fn(user) : user;
  };
  if ((lower === 'memberof' || lower === 'transitivememberof') && more.length <= 1) {
    return byMethod(call, { GET: withUser((user) => listMemberships(call, user, lower === 'transitivememberof', more[0])) });
  }
  if (lower === 'checkmembergroups' && more.length === 0) {
    return byMethod(call, { POST: withUser((user) => checkMemberGroups(call, user)) });
  }
  if (lower === 'authentication') {
    const [kind = '', methodId, ...extra] = more;
    if (extra.length > 0) return notFoundSegment(call, extra[0] as string);
    if (kind.toLowerCase() === 'methods' && !methodId) {
      return byMethod(call, { GET: withUser((user) => listMethods(call, user, viaMe)) });
    }
    if (kind.toLowerCase() === 'temporaryaccesspassmethods') {
      if (!methodId) {
        return byMethod(call, {
          GET: withUser((user) => listPasses(call, user, viaMe)),
          // Only the /users/{id} form is documented for POST (graph-tap-detail.md §1.1).
          ...(viaMe ? {} : { POST: withUser((user) => createPass(call, user)) }),
        });
      }
      return byMethod(call, {
        GET: withUser((user) => getPass(call, user, methodId, viaMe)),
        DELETE: withUser((user) => deletePass(call, user, methodId, viaMe)),
      });
    }
    return notFoundSegment(call, kind || 'authentication');
  }
  return notFoundSegment(call, name);
}

function policyResource(call: GraphCall, rest: string[]): GraphResult {
  const [policy = '', collection, id, ...extra] = rest.map((segment) => segment.toLowerCase());
  if (policy !== 'authenticationmethodspolicy' || extra.length > 0) return notFoundSegment(call, rest[0] ?? 'policies');
  if (!collection) return byMethod(call, { GET: () => getAuthenticationMethodsPolicy(call) });
  if (collection !== 'authenticationmethodconfigurations' || id !== 'temporaryaccesspass') {
    return notFoundSegment(call, rest[2] ?? rest[1] ?? '');
  }
  return byMethod(call, { GET: () => getTapPolicy(call), PATCH: () => patchTapPolicy(call), DELETE: () => resetTapPolicy(call) });
}
