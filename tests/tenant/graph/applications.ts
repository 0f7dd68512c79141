/**
 * App registrations, service principals and delegated permission grants: what the options page's setup script sends.
 * graph-docs: application-post-applications.md, application-list.md, application-update.md, serviceprincipal-list.md,
 * serviceprincipal-post-serviceprincipals.md, oauth2permissiongrant-post.md, and the resources application.md,
 * serviceprincipal.md, oauth2permissiongrant.md, requiredresourceaccess.md, spaapplication.md.
 *
 * Writing here changes what sign-in knows: a new application is an app registration /authorize and /token accept, and an
 * AllPrincipals grant is tenant-wide consent (state.consents) for its scopes.
 */
import { randomUUID } from 'node:crypto';
import type { AppRegistration, DirectoryUser, PermissionGrant, ServicePrincipal, TenantState } from '../state';
import { findApp } from '../state';
import { ADMIN_CONSENT_ROLES } from '../sts/authorize';
import { GRAPH_APP_ID, KNOWN_GRAPH_SCOPES } from '../sts/scopes';
import { graphError, MESSAGES } from './errors';
import { GRAPH_SERVICE_PRINCIPAL_ID, graphPermissionScopes, scopeNameOf } from './graph-service-principal';
import { graphV1, ok, pick, selectedProperties } from './odata';
import { denied, hasAnyRole, requireScopes, SCOPES } from './permissions';
import type { GraphCall, GraphResult } from './types';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** graph-docs application.md signInAudience values. */
const SIGN_IN_AUDIENCES = [
  'AzureADMyOrg',
  'AzureADMultipleOrgs',
  'AzureADandPersonalMicrosoftAccount',
  'PersonalMicrosoftAccount',
];
/** Properties of application a create or update may carry here; [U] Graph's answer to others (it has hundreds). */
const APPLICATION_WRITABLE = [
  'displayName',
  'signInAudience',
  'spa',
  'web',
  'publicClient',
  'requiredResourceAccess',
  'description',
  'notes',
  'tags',
];

const badRequest = (call: GraphCall, message: string) => graphError(call.meta, 400, 'Request_BadRequest', message);

/**
 * `appId eq '…'`, `displayName eq '…'` or `id eq '…'` (graph-docs application.md, serviceprincipal.md: these support
 * $filter eq). An OData string literal doubles its single quotes. [U] the message for other clauses.
 */
function parseFilter(call: GraphCall): { property: string; value: string } | null | GraphResult {
  const raw = call.query.get('$filter');
  if (raw === null) return null;
  const match = /^\s*(appId|displayName|id)\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(raw);
  if (!match?.[1] || match[2] === undefined) return badRequest(call, `Invalid filter clause: ${raw}`);
  return { property: match[1].toLowerCase(), value: match[2].replace(/''/g, "'") };
}

const isFilterError = (v: unknown): v is GraphResult => isRecord(v) && 'status' in v;

/** [U] Graph compares these string properties case-insensitively, as it does for directory $filter eq generally. */
function matchesFilter(entity: Record<string, unknown>, filter: { property: string; value: string } | null): boolean {
  if (!filter) return true;
  const key = filter.property === 'appid' ? 'appId' : filter.property === 'id' ? 'id' : 'displayName';
  return String(entity[key]).toLowerCase() === filter.value.toLowerCase();
}

function collection(call: GraphCall, entitySet: string, items: Record<string, unknown>[]): GraphResult {
  const names = selectedProperties(call.query);
  return ok({
    '@odata.context': `${graphV1(call)}/$metadata#${entitySet}${names ? `(${names.join(',')})` : ''}`,
    value: names ? items.map((item) => pick(item, names)) : items,
  });
}

// ---- applications ----

export function applicationEntity(state: TenantState, app: AppRegistration): Record<string, unknown> {
  return {
    id: app.objectId ?? app.clientId,
    deletedDateTime: null,
    appId: app.clientId,
    createdDateTime: app.createdDateTime ?? '2024-01-15T09:00:00Z',
    displayName: app.displayName,
    description: null,
    identifierUris: [],
    publisherDomain: state.tenant.domain,
    signInAudience: app.signInAudience ?? 'AzureADMyOrg',
    tags: [],
    api: { requestedAccessTokenVersion: null, oauth2PermissionScopes: [], preAuthorizedApplications: [] },
    appRoles: [],
    publicClient: { redirectUris: [] },
    requiredResourceAccess: app.requiredResourceAccess ?? [
      {
        resourceAppId: GRAPH_APP_ID,
        resourceAccess: app.requiredScopes.flatMap((name) => {
          const id = graphScopeId(name);
          return id ? [{ id, type: 'Scope' }] : [];
        }),
      },
    ],
    spa: { redirectUris: [...app.spaRedirectUris] },
    web: {
      homePageUrl: null,
      logoutUrl: null,
      redirectUris: [...app.webRedirectUris],
      implicitGrantSettings: app.implicitGrant ?? { enableAccessTokenIssuance: false, enableIdTokenIssuance: false },
    },
  };
}

function graphScopeId(name: string): string | null {
  const scope = graphPermissionScopes().find((s) => String(s.value).toLowerCase() === name.toLowerCase());
  return scope ? String(scope.id) : null;
}

/**
 * entra-docs reply-url.md ("Redirect URI restrictions"): https, or http only for localhost; at most 256 characters;
 * wildcards not allowed for SPA and most platforms. [U] Graph's error text for a refused URI.
 */
function redirectUriProblem(uri: unknown): string | null {
  if (typeof uri !== 'string' || uri.length === 0) return 'A redirect URI must be a non-empty string.';
  if (uri.length > 256) return `The redirect URI '${uri.slice(0, 40)}…' is longer than 256 characters.`;
  if (uri.includes('*')) return `The redirect URI '${uri}' has a wildcard, which isn't allowed.`;
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return `The redirect URI '${uri}' is not an absolute URI.`;
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1')) return null;
  return `The redirect URI '${uri}' must use https (http only for localhost).`;
}

function redirectUrisOf(call: GraphCall, value: unknown, platform: string): string[] | GraphResult {
  if (!isRecord(value) || (value.redirectUris !== undefined && !Array.isArray(value.redirectUris))) {
    return badRequest(call, `Invalid value specified for property '${platform}' of resource 'Application'.`);
  }
  const uris = (value.redirectUris ?? []) as unknown[];
  for (const uri of uris) {
    const problem = redirectUriProblem(uri);
    if (problem) return badRequest(call, problem);
  }
  return [...new Set(uris as string[])];
}

type RequiredAccess = NonNullable<AppRegistration['requiredResourceAccess']>;

/** requiredresourceaccess.md: resourceAppId and resourceAccess [{ id (GUID), type Scope | Role }]. */
function requiredAccessOf(call: GraphCall, value: unknown): RequiredAccess | GraphResult {
  const invalid = badRequest(call, "Invalid value specified for property 'requiredResourceAccess' of resource 'Application'.");
  if (!Array.isArray(value)) return invalid;
  const out: RequiredAccess = [];
  for (const entry of value) {
    if (!isRecord(entry) || typeof entry.resourceAppId !== 'string' || !Array.isArray(entry.resourceAccess)) return invalid;
    const access: { id: string; type: string }[] = [];
    for (const item of entry.resourceAccess) {
      if (!isRecord(item) || typeof item.id !== 'string' || !GUID.test(item.id)) return invalid;
      if (item.type !== 'Scope' && item.type !== 'Role') return invalid;
      access.push({ id: item.id.toLowerCase(), type: item.type });
    }
    out.push({ resourceAppId: entry.resourceAppId.toLowerCase(), resourceAccess: access });
  }
  return out;
}

/** The delegated Graph permissions a requiredResourceAccess lists (what /adminconsent would grant). */
function graphScopeNames(access: RequiredAccess): string[] {
  return access
    .filter((entry) => entry.resourceAppId === GRAPH_APP_ID)
    .flatMap((entry) => entry.resourceAccess.filter((item) => item.type === 'Scope').map((item) => scopeNameOf(item.id)))
    .filter((name): name is (typeof KNOWN_GRAPH_SCOPES)[number] => name !== null);
}

/** Applies a create or update body to the registration, or answers the 400. */
function applyApplicationBody(call: GraphCall, app: AppRegistration, body: Record<string, unknown>): GraphResult | null {
  const unknown = Object.keys(body).find((key) => !APPLICATION_WRITABLE.includes(key));
  // [U] Graph's text; it refuses properties the type doesn't have.
  if (unknown) return badRequest(call, `Property '${unknown}' does not exist on type 'microsoft.graph.application'.`);
  if (body.displayName !== undefined) {
    if (typeof body.displayName !== 'string' || body.displayName.trim() === '') {
      return badRequest(call, "Invalid value specified for property 'displayName' of resource 'Application'.");
    }
    app.displayName = body.displayName;
  }
  if (body.signInAudience !== undefined) {
    if (typeof body.signInAudience !== 'string' || !SIGN_IN_AUDIENCES.includes(body.signInAudience)) {
      return badRequest(call, "Invalid value specified for property 'signInAudience' of resource 'Application'.");
    }
    app.signInAudience = body.signInAudience;
  }
  if (body.spa !== undefined) {
    const uris = redirectUrisOf(call, body.spa, 'spa');
    if (!Array.isArray(uris)) return uris;
    app.spaRedirectUris = uris;
  }
  if (body.web !== undefined) {
    const uris = redirectUrisOf(call, body.web, 'web');
    if (!Array.isArray(uris)) return uris;
    app.webRedirectUris = uris;
    const implicit = (body.web as Record<string, unknown>).implicitGrantSettings;
    if (isRecord(implicit)) {
      app.implicitGrant = {
        enableAccessTokenIssuance: implicit.enableAccessTokenIssuance === true,
        enableIdTokenIssuance: implicit.enableIdTokenIssuance === true,
      };
    }
  }
  if (body.requiredResourceAccess !== undefined) {
    const access = requiredAccessOf(call, body.requiredResourceAccess);
    if (!Array.isArray(access)) return access;
    app.requiredResourceAccess = access;
    app.requiredScopes = graphScopeNames(access);
  }
  return null;
}

/**
 * Who may create an app registration: by default every member ("Users can register applications": Yes; entra-docs
 * users-default-permissions.md, delegate-app-roles.md), guests not. [U] that the refusal is Graph's directory 403.
 */
const mayRegisterApps = (user: DirectoryUser) => user.userType === 'Member';

export function listApplications(call: GraphCall): GraphResult {
  const refused = requireScopes(call.caller, SCOPES.applicationsRead, call.meta, 'directory');
  if (refused) return refused;
  const filter = parseFilter(call);
  if (isFilterError(filter)) return filter;
  const { state } = call.runtime;
  const apps = state.apps.map((app) => applicationEntity(state, app)).filter((entity) => matchesFilter(entity, filter));
  return collection(call, 'applications', apps);
}

export function createApplication(call: GraphCall): GraphResult {
  const refused = requireScopes(call.caller, SCOPES.applicationsCreate, call.meta, 'directory');
  if (refused) return refused;
  if (!mayRegisterApps(call.caller.user)) return denied(call.meta, 'directory');
  if (!isRecord(call.body)) return badRequest(call, 'The request body must be an application object.');
  // application-post-applications.md: "The request body must contain displayName, which is a required property."
  if (typeof call.body.displayName !== 'string' || call.body.displayName.trim() === '') {
    return badRequest(call, "Property 'displayName' is required.");
  }
  const app: AppRegistration = {
    clientId: randomUUID(),
    objectId: randomUUID(),
    displayName: '',
    spaRedirectUris: [],
    webRedirectUris: [],
    requiredScopes: [],
    // The sample response's default when the body names none.
    signInAudience: 'AzureADandPersonalMicrosoftAccount',
    createdDateTime: new Date().toISOString(),
  };
  const problem = applyApplicationBody(call, app, call.body);
  if (problem) return problem;
  call.runtime.state.apps.push(app);
  return ok(
    { '@odata.context': `${graphV1(call)}/$metadata#applications/$entity`, ...applicationEntity(call.runtime.state, app) },
    201,
  );
}

type ApplicationKey = 'id' | 'appId';

function findApplication(state: TenantState, key: string, by: ApplicationKey): AppRegistration | undefined {
  const lower = key.toLowerCase();
  return state.apps.find((app) => (by === 'appId' ? app.clientId : (app.objectId ?? app.clientId)).toLowerCase() === lower);
}

export function getApplication(call: GraphCall, id: string, by: ApplicationKey = 'id'): GraphResult {
  const refused = requireScopes(call.caller, SCOPES.applicationsRead, call.meta, 'directory');
  if (refused) return refused;
  const app = findApplication(call.runtime.state, id, by);
  if (!app) return graphError(call.meta, 404, 'Request_ResourceNotFound', MESSAGES.notFound(id));
  const entity = applicationEntity(call.runtime.state, app);
  const names = selectedProperties(call.query);
  return ok({ '@odata.context': `${graphV1(call)}/$metadata#applications/$entity`, ...(names ? pick(entity, names) : entity) });
}

/** application-update.md: PATCH answers 204 No Content. */
export function updateApplication(call: GraphCall, id: string, by: ApplicationKey = 'id'): GraphResult {
  const refused = requireScopes(call.caller, SCOPES.applicationsUpdate, call.meta, 'directory');
  if (refused) return refused;
  const app = findApplication(call.runtime.state, id, by);
  if (!app) return graphError(call.meta, 404, 'Request_ResourceNotFound', MESSAGES.notFound(id));
  if (!isRecord(call.body)) return badRequest(call, 'The request body must be an application object.');
  const copy: AppRegistration = structuredClone(app);
  const problem = applyApplicationBody(call, copy, call.body);
  if (problem) return problem;
  Object.assign(app, copy);
  return { status: 204 };
}

// ---- service principals ----

function servicePrincipalEntity(state: TenantState, sp: ServicePrincipal): Record<string, unknown> {
  const app = findApp(state, sp.appId);
  return {
    id: sp.id,
    deletedDateTime: null,
    accountEnabled: true,
    appDisplayName: sp.displayName,
    appId: sp.appId,
    appOwnerOrganizationId: state.tenant.id,
    appRoleAssignmentRequired: false,
    displayName: sp.displayName,
    servicePrincipalNames: [sp.appId],
    servicePrincipalType: 'Application',
    signInAudience: app?.signInAudience ?? 'AzureADMyOrg',
    tags: [],
    appRoles: [],
    oauth2PermissionScopes: [],
    replyUrls: app ? [...app.spaRedirectUris, ...app.webRedirectUris] : [],
  };
}

/** Microsoft Graph's service principal: Microsoft's app (its owner organization is Microsoft's tenant). */
function graphServicePrincipalEntity(): Record<string, unknown> {
  return {
    id: GRAPH_SERVICE_PRINCIPAL_ID,
    deletedDateTime: null,
    accountEnabled: true,
    appDisplayName: 'Microsoft Graph',
    appId: GRAPH_APP_ID,
    appOwnerOrganizationId: 'f8cdef31-a31e-4b4a-93e4-5f571e91255a',
    appRoleAssignmentRequired: false,
    displayName: 'Microsoft Graph',
    servicePrincipalNames: [GRAPH_APP_ID, 'https://graph.microsoft.com', 'https://graph.microsoft.com/'],
    servicePrincipalType: 'Application',
    signInAudience: 'AzureADMultipleOrgs',
    tags: [],
    appRoles: [],
    oauth2PermissionScopes: graphPermissionScopes(),
    replyUrls: [],
  };
}

const servicePrincipalsOf = (state: TenantState) => state.servicePrincipals ?? [];

export function listServicePrincipals(call: GraphCall): GraphResult {
  const refused = requireScopes(call.caller, SCOPES.servicePrincipalsRead, call.meta, 'directory');
  if (refused) return refused;
  const filter = parseFilter(call);
  if (isFilterError(filter)) return filter;
  const { state } = call.runtime;
  const all = [graphServicePrincipalEntity(), ...servicePrincipalsOf(state).map((sp) => servicePrincipalEntity(state, sp))];
  return collection(
    call,
    'servicePrincipals',
    all.filter((entity) => matchesFilter(entity, filter)),
  );
}

/**
 * serviceprincipal-post-serviceprincipals.md: the body's appId names an application. [U] the 400 for an appId with no
 * application here and the 409 for one that already has its service principal (texts as seen in public reports).
 */
export function createServicePrincipal(call: GraphCall): GraphResult {
  const refused = requireScopes(call.caller, SCOPES.servicePrincipalsCreate, call.meta, 'directory');
  if (refused) return refused;
  if (!mayRegisterApps(call.caller.user)) return denied(call.meta, 'directory');
  const appId = isRecord(call.body) ? call.body.appId : undefined;
  if (typeof appId !== 'string' || !GUID.test(appId)) {
    return badRequest(call, "Invalid value specified for property 'appId' of resource 'ServicePrincipal'.");
  }
  const { state } = call.runtime;
  const app = findApp(state, appId);
  if (!app) {
    return badRequest(call, `The appId '${appId}' of the service principal does not reference a valid application object.`);
  }
  if (appId.toLowerCase() === GRAPH_APP_ID || servicePrincipalsOf(state).some((sp) => sp.appId === app.clientId)) {
    return graphError(
      call.meta,
      409,
      'Request_MultipleObjectsWithSameKeyValue',
      `The service principal cannot be created, updated, or restored because the service principal name ${appId} is already in use.`,
    );
  }
  const sp: ServicePrincipal = { id: randomUUID(), appId: app.clientId, displayName: app.displayName };
  state.servicePrincipals = [...servicePrincipalsOf(state), sp];
  return ok(
    { '@odata.context': `${graphV1(call)}/$metadata#servicePrincipals/$entity`, ...servicePrincipalEntity(state, sp) },
    201,
  );
}

// ---- delegated permission grants ----

/**
 * oauth2permissiongrant-post.md, oauth2permissiongrant.md: clientId and resourceId are service principal object ids (not
 * appIds), consentType AllPrincipals (everyone; principalId null) or Principal (one user; principalId required), scope
 * the space-separated permission names. Granting for all principals is tenant-wide admin consent: entra-docs
 * grant-admin-consent.md names who may (Privileged Role Administrator; Cloud Application Administrator or Application
 * Administrator for delegated permissions; Global Administrator). [U] the 400/409 texts.
 */
export function createPermissionGrant(call: GraphCall): GraphResult {
  const refused = requireScopes(call.caller, SCOPES.grantsCreate, call.meta, 'directory');
  if (refused) return refused;
  const body = isRecord(call.body) ? call.body : {};
  const invalid = (property: string) =>
    badRequest(call, `Invalid value specified for property '${property}' of resource 'OAuth2PermissionGrant'.`);
  const { state } = call.runtime;
  const client = servicePrincipalsOf(state).find(
    (sp) => typeof body.clientId === 'string' && sp.id === body.clientId.toLowerCase(),
  );
  if (!client) return invalid('clientId');
  if (typeof body.resourceId !== 'string' || body.resourceId.toLowerCase() !== GRAPH_SERVICE_PRINCIPAL_ID) {
    return invalid('resourceId');
  }
  if (body.consentType !== 'AllPrincipals' && body.consentType !== 'Principal') return invalid('consentType');
  const principalId = typeof body.principalId === 'string' ? body.principalId.toLowerCase() : null;
  if ((body.consentType === 'Principal') !== (principalId !== null)) return invalid('principalId');
  if (typeof body.scope !== 'string') return invalid('scope');
  const names = body.scope.split(' ').filter(Boolean);
  const canonical: string[] = [];
  for (const name of names) {
    const known = KNOWN_GRAPH_SCOPES.find((scope) => scope.toLowerCase() === name.toLowerCase());
    if (!known) return invalid('scope');
    canonical.push(known);
  }
  if (body.consentType === 'AllPrincipals' && !hasAnyRole(state, call.caller.user, ADMIN_CONSENT_ROLES)) {
    return denied(call.meta, 'directory');
  }
  const grants = state.oauth2PermissionGrants ?? [];
  if (
    grants.some((g) => g.clientId === client.id && g.resourceId === GRAPH_SERVICE_PRINCIPAL_ID && g.principalId === principalId)
  ) {
    return graphError(call.meta, 409, 'Request_MultipleObjectsWithSameKeyValue', 'Permission entry already exists.');
  }
  const grant: PermissionGrant = {
    // Real ids are opaque base64url strings, not GUIDs.
    id: Buffer.from(randomUUID()).toString('base64url').slice(0, 43),
    clientId: client.id,
    consentType: body.consentType,
    principalId,
    resourceId: GRAPH_SERVICE_PRINCIPAL_ID,
    scope: canonical.join(' '),
  };
  state.oauth2PermissionGrants = [...grants, grant];
  if (grant.consentType === 'AllPrincipals') {
    const consented = state.consents[client.appId] ?? [];
    state.consents[client.appId] = [...consented, ...canonical.filter((name) => !consented.includes(name))];
  }
  return ok({ '@odata.context': `${graphV1(call)}/$metadata#oauth2PermissionGrants/$entity`, ...grant }, 201);
}

// ---- the caller's eligible roles ----

/**
 * unifiedroleeligibilityscheduleinstance-filterbycurrentuser.md: the caller's eligible role assignments
 * (roleDefinitionId = the built-in role's template id, directoryScopeId "/" for tenant-wide). [U] that the seed's
 * eligible roles have no end date.
 */
export function myEligibleRoles(call: GraphCall): GraphResult {
  const refused = requireScopes(call.caller, SCOPES.myEligibleRoles, call.meta, 'directory');
  if (refused) return refused;
  const user = call.caller.user;
  const value = (user.eligibleRoles ?? []).map((roleDefinitionId, index) => ({
    '@odata.type': '#microsoft.graph.unifiedRoleEligibilityScheduleInstance',
    id: `${roleDefinitionId}-${user.id}-${index}`,
    principalId: user.id,
    roleDefinitionId,
    directoryScopeId: '/',
    appScopeId: null,
    startDateTime: '2024-01-01T00:00:00Z',
    endDateTime: null,
    memberType: 'Direct',
    roleEligibilityScheduleId: `${roleDefinitionId}-${index}`,
  }));
  return ok({ '@odata.context': `${graphV1(call)}/$metadata#Collection(unifiedRoleEligibilityScheduleInstance)`, value });
}
