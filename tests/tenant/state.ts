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
  /** Role template ids of the directory roles assigned to the user. */
  roles: string[];
  /** Registered methods other than the pass, as Graph returns them (with @odata.type). */
  methods: Record<string, unknown>[];
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
}

export interface IdpSession {
  id: string;
  userId: string;
  createdAt: number;
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
}

export interface TenantSettings {
  accessTokenLifetimeSeconds: number;
  /** SPA refresh tokens: 24 h, not configurable (auth-in-mv3.md, "Refresh tokens in the Microsoft identity platform"). */
  spaRefreshTokenLifetimeSeconds: number;
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
  tenant: { id: string; domain: string; displayName: string };
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

export function activatedRolesOf(state: TenantState, user: DirectoryUser): ActivatedRole[] {
  return state.roles.filter((role) => user.roles.includes(role.roleTemplateId));
}
