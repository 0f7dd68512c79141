/** Types of the simulated tenant's live, mutable state. The seed (seed.ts) builds a fresh one on every reset. */

export interface DirectoryUser {
  id: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  userPrincipalName: string;
  mail: string | null;
  jobTitle: string | null;
  officeLocation: string | null;
  mobilePhone: string | null;
  businessPhones: string[];
  preferredLanguage: string | null;
  accountEnabled: boolean;
  userType: 'Member' | 'Guest';
  /** "Invitation" for B2B invitees (external guests); null for members and internal guests. */
  creationType: string | null;
  externalUserState: string | null;
  /**
   * objectIdentity collection (graph-docs: objectidentity.md): how the user signs in. Members of this tenant sign in as
   * userPrincipalName at the tenant's domain; a B2B user from another Entra organization is `federated` with that
   * organization's domain as issuer (entra-docs external-id/user-properties.md: "Identities" is the host's domain until
   * the invitation is redeemed).
   */
  identities: ObjectIdentity[];
  /** Role template ids of the directory roles assigned to the user (active, tenant-wide). */
  roles: string[];
  /** Eligible-only roles (Privileged Identity Management): they grant nothing until activated. */
  eligibleRoles?: string[];
  /** Roles assigned with an administrative unit as their scope. */
  scopedRoles?: { roleTemplateId: string; administrativeUnitId: string }[];
  /** Registered methods other than the pass, as Graph returns them (with @odata.type). */
  methods: Record<string, unknown>[];
  /**
   * A B2B guest's account in its home directory: who signs in as this guest. [U] Entra keeps this link internally; the
   * guest's `identities` name only the home domain (entra-docs external-id/user-properties.md).
   */
  home?: { tenantId: string; userId: string };
}

export interface ObjectIdentity {
  signInType: string;
  issuer: string;
  issuerAssignedId: string | null;
}

export interface DirectoryGroup {
  id: string;
  displayName: string;
  description: string | null;
  securityEnabled: boolean;
  mailEnabled: boolean;
  groupTypes: string[];
  isAssignableToRole: boolean;
  /** Direct members: user or group object ids. */
  members: string[];
  /** Role template ids assigned to the group (role-assignable groups only). */
  assignedRoles?: string[];
}

/** administrativeUnit (graph-docs: administrativeunit.md; entra-docs admin-units-restricted-management.md). */
export interface AdministrativeUnit {
  id: string;
  displayName: string;
  /** Direct members: user ids. */
  members: string[];
  /** Restricted management: only administrators assigned at this unit's scope may change its members. */
  isMemberManagementRestricted: boolean;
}

/**
 * One Conditional Access policy as it affects this app's sign-ins. entra-docs: concept-conditional-access-grant.md
 * (require MFA, compliant device, block), concept-session-lifetime.md (sign-in frequency), location-condition.md.
 */
export interface ConditionalAccessPolicy {
  id: string;
  displayName: string;
  /** 'all' or user ids. */
  users: 'all' | string[];
  grant: 'mfa' | 'mfaRegistration' | 'compliantDevice' | 'blockLocation' | 'signInFrequency';
  /** signInFrequency: how long a sign-in lasts. */
  frequencySeconds?: number;
}

/** An activated directory role (the directoryRole object; its id differs from the template id). */
export interface ActivatedRole {
  id: string;
  roleTemplateId: string;
  displayName: string;
  description: string;
}

export interface PolicyTarget {
  targetType: 'group' | 'user';
  id: string;
  isRegistrationRequired?: boolean;
}

/** temporaryAccessPassAuthenticationMethodConfiguration (graph-docs: temporaryaccesspassauthenticationmethodconfiguration.md) */
export interface TapPolicy {
  state: 'enabled' | 'disabled';
  defaultLifetimeInMinutes: number;
  minimumLifetimeInMinutes: number;
  maximumLifetimeInMinutes: number;
  defaultLength: number;
  isUsableOnce: boolean;
  includeTargets: PolicyTarget[];
  excludeTargets: { targetType: 'group' | 'user'; id: string }[];
}

/** A stored pass. The clear-text value is never kept: Graph returns it once, in the 201. */
export interface TapRecord {
  id: string;
  userId: string;
  createdDateTime: string;
  startDateTime: string;
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
  /** Set by control.markTapUsed: a one-time pass that has been used to sign in. */
  used: boolean;
}

export interface AppRegistration {
  clientId: string;
  displayName: string;
  /** "Single-page application" platform redirect URIs (CORS + PKCE, 24 h refresh tokens). */
  spaRedirectUris: string[];
  webRedirectUris: string[];
  /** API permissions configured on the registration: what /adminconsent grants. */
  requiredScopes: string[];
  /** The application object's id, distinct from its appId (graph-docs application.md "id"). */
  objectId?: string;
  /** graph-docs application.md signInAudience; POST /applications defaults it to AzureADandPersonalMicrosoftAccount. */
  signInAudience?: string;
  createdDateTime?: string;
  /** requiredResourceAccess as it was written (graph-docs requiredresourceaccess.md), for reads. */
  requiredResourceAccess?: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[];
  /** web.implicitGrantSettings (graph-docs implicitgrantsettings.md): both false unless set. */
  implicitGrant?: { enableAccessTokenIssuance: boolean; enableIdTokenIssuance: boolean };
}

/** A service principal (graph-docs serviceprincipal.md): the app's instance in this tenant, which grants point at. */
export interface ServicePrincipal {
  id: string;
  appId: string;
  displayName: string;
}

/** A delegated permission grant (graph-docs oauth2permissiongrant.md). */
export interface PermissionGrant {
  id: string;
  /** Object id of the client's service principal (not its appId). */
  clientId: string;
  consentType: 'AllPrincipals' | 'Principal';
  principalId: string | null;
  /** Object id of the resource's service principal (Microsoft Graph's here). */
  resourceId: string;
  /** Space-separated delegated permission names. */
  scope: string;
}

export interface IdpSession {
  id: string;
  userId: string;
  createdAt: number;
  /** The user completed multifactor authentication in this session. */
  mfa?: boolean;
}

export interface RefreshTokenRecord {
  clientId: string;
  userId: string;
  /** Fixed at first issue: SPA refresh tokens do not slide. */
  expiresAt: number;
  sessionId: string | null;
}

export interface AuthorizationCode {
  clientId: string;
  userId: string;
  redirectUri: string;
  codeChallenge: string;
  nonce: string | null;
  scopes: string[];
  sessionId: string;
  expiresAt: number;
  /** Client capabilities asked for in the claims parameter (xms_cc), e.g. ["CP1"]. */
  clientCapabilities?: string[];
}

export interface TenantSettings {
  accessTokenLifetimeSeconds: number;
  /** SPA refresh tokens: 24 h, not configurable (auth-in-mv3.md, "Refresh tokens in the Microsoft identity platform"). */
  spaRefreshTokenLifetimeSeconds: number;
  /**
   * Admin consent workflow (entra-docs: configure-admin-consent-workflow.md): a user who can't consent may request
   * approval (AADSTS90095) instead of only being told to ask an admin (AADSTS90094).
   */
  adminConsentWorkflow?: boolean;
  /**
   * Test switch: reads after a write show the state from before it for this long (policy after PATCH/DELETE, a user's
   * passes after POST/DELETE). entra-docs howto-authentication-temporary-access-pass.md, Limitations: "It can take a few
   * minutes for changes to replicate." [U] that Graph reads lag too, and by how much. 0: read-your-writes.
   */
  replicationLagMs: number;
  /**
   * Test switch: the older behaviour, refusing a pass for a user outside the policy's targets with 400 "Converged
   * UserCredentialPolicy…" (azure-docs issue #111778, 2023). Off by default: the current TAP how-to says "you can create
   * a TAP for any user, only users included in the policy can sign-in with it".
   */
  refuseOutOfPolicyPass: boolean;
}

export interface TenantState {
  /**
   * `cloud`: the national cloud the directory lives in; absent: worldwide. A directory exists in one cloud only and is
   * served only by that cloud's hosts (graph-docs concepts/deployments.md: "apps can only access data in tenants that are
   * registered in the specific national cloud").
   */
  tenant: { id: string; domain: string; displayName: string; cloud?: 'usGov' };
  /** The accounts the fake sign-in page offers in this directory (absent: the seed's SIGN_IN_ACCOUNTS, Contoso's). */
  signInAccounts?: { id: string; displayName: string; userPrincipalName: string }[];
  apps: AppRegistration[];
  users: DirectoryUser[];
  groups: DirectoryGroup[];
  roles: ActivatedRole[];
  policy: TapPolicy;
  /** One pass per user at most, keyed by user id. */
  passes: Record<string, TapRecord>;
  /** Admin-consented delegated Graph scopes (short names) per client id. */
  consents: Record<string, string[]>;
  sessions: Record<string, IdpSession>;
  refreshTokens: Record<string, RefreshTokenRecord>;
  codes: Record<string, AuthorizationCode>;
  settings: TenantSettings;
  administrativeUnits?: AdministrativeUnit[];
  conditionalAccess?: ConditionalAccessPolicy[];
  /**
   * Continuous access evaluation: per user, the epoch second before which CAE-capable access tokens are refused with a
   * claims challenge (entra-docs: concept-continuous-access-evaluation.md, critical event evaluation).
   */
  caeRevokedBefore?: Record<string, number>;
  /** Admin consent requests made through the workflow (AADSTS90095). */
  consentRequests?: { clientId: string; userId: string; at: number }[];
  /** Service principals other than Microsoft Graph's (graph/applications.ts answers for that one). */
  servicePrincipals?: ServicePrincipal[];
  /** Grants made through POST /oauth2PermissionGrants (also recorded in `consents`, which sign-in reads). */
  oauth2PermissionGrants?: PermissionGrant[];
}

/** The cloud a directory lives in. */
export function cloudOf(state: TenantState): 'global' | 'usGov' {
  return state.tenant.cloud ?? 'global';
}

export function findUser(state: TenantState, ref: string): DirectoryUser | undefined {
  const lower = ref.toLowerCase();
  return state.users.find((user) => user.id === lower || user.userPrincipalName.toLowerCase() === lower);
}

export function findGroup(state: TenantState, id: string): DirectoryGroup | undefined {
  return state.groups.find((group) => group.id === id.toLowerCase());
}

export function findApp(state: TenantState, clientId: string): AppRegistration | undefined {
  return state.apps.find((app) => app.clientId === clientId.toLowerCase());
}

/** Groups that contain the object directly. */
export function directGroupsOf(state: TenantState, objectId: string): DirectoryGroup[] {
  return state.groups.filter((group) => group.members.includes(objectId));
}

/** Groups that contain the object directly or through nested groups. */
export function transitiveGroupsOf(state: TenantState, objectId: string): DirectoryGroup[] {
  const found = new Map<string, DirectoryGroup>();
  const queue = [objectId];
  while (queue.length > 0) {
    const current = queue.shift() as string;
    for (const group of directGroupsOf(state, current)) {
      if (found.has(group.id)) continue;
      found.set(group.id, group);
      queue.push(group.id);
    }
  }
  return [...found.values()];
}

/**
 * The activated directory roles the user holds: direct assignments and, as graph-docs user-list-transitivememberof.md
 * lists roles reached through a group, roles assigned to role-assignable groups the user is in. Eligible (PIM) and
 * unit-scoped assignments are not directoryRole memberships and never appear (entra-docs: admin-units-assign-roles.md). [U]
 * for the direct /memberOf listing, which shows group-assigned roles here too.
 */
export function activatedRolesOf(state: TenantState, user: DirectoryUser): ActivatedRole[] {
  const ids = new Set(user.roles);
  for (const group of state.groups) {
    if (group.isAssignableToRole && group.members.includes(user.id)) for (const role of group.assignedRoles ?? []) ids.add(role);
  }
  return state.roles.filter((role) => ids.has(role.roleTemplateId));
}
