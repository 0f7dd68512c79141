/**
 * A second directory, Fabrikam, for the many-tenants rules: its own users, policy and admins, and the same multi-tenant
 * app registration consented here too. Contoso's Megan Bowen is a B2B guest here holding Global Administrator (an
 * MSP-style admin who works in a customer's directory with her home account).
 */
import { ROLE, ROLE_DISPLAY_NAMES } from './roles';
import { ADMINS, APP, EXTENSION_SCOPES, TENANT } from './seed';
import { memberOf } from './seed-member';
import type { TenantState } from './state';

export const FABRIKAM = {
  id: '7c2b5ff5-4d46-4f9b-8b4e-1e2f6c3a8b21',
  domain: 'fabrikam.onmicrosoft.com',
  displayName: 'Fabrikam',
} as const;

const upn = (alias: string) => `${alias}@${FABRIKAM.domain}`;

export const FABRIKAM_USERS = {
  /** Megan Bowen of Contoso, invited here (guest object id of her own in this directory). */
  meganGuest: {
    id: '33333333-0000-4000-8000-0000000000a1',
    displayName: 'Megan Bowen',
    userPrincipalName: `MeganB_contoso.onmicrosoft.com#EXT#@${FABRIKAM.domain}`,
  },
  /** Fabrikam's own Global Administrator. */
  rosa: { id: '33333333-0000-4000-8000-0000000000a2', displayName: 'Rosa Chen', userPrincipalName: upn('RosaC') },
  /** A Fabrikam member to issue passes for. */
  tomas: { id: '33333333-0000-4000-8000-000000000001', displayName: 'Tomas Novak', userPrincipalName: upn('TomasN') },
  ines: { id: '33333333-0000-4000-8000-000000000002', displayName: 'Ines Duarte', userPrincipalName: upn('InesD') },
} as const;

const user = memberOf(FABRIKAM.domain);

export function createFabrikamState(): TenantState {
  const roles = [ROLE.globalAdministrator, ROLE.privilegedAuthenticationAdministrator];
  return {
    tenant: { ...FABRIKAM },
    // [U] The registration lives in Contoso; here it stands for the app's service principal (entra-docs
    // howto-convert-app-to-be-multi-tenant.md: a multi-tenant app gets a service principal in each consenting tenant).
    apps: [
      {
        clientId: APP.clientId,
        displayName: APP.displayName,
        spaRedirectUris: [APP.redirectUri, APP.firefoxRedirectUri],
        webRedirectUris: [],
        requiredScopes: [...EXTENSION_SCOPES],
        signInAudience: 'AzureADMultipleOrgs',
      },
    ],
    servicePrincipals: [{ id: '7c2b5ff5-0000-4000-8000-00000000b001', appId: APP.clientId, displayName: APP.displayName }],
    oauth2PermissionGrants: [],
    conditionalAccess: [],
    users: [
      user({
        ...FABRIKAM_USERS.meganGuest,
        mail: ADMINS.megan.userPrincipalName,
        userType: 'Guest',
        creationType: 'Invitation',
        externalUserState: 'Accepted',
        identities: [{ signInType: 'federated', issuer: TENANT.domain, issuerAssignedId: null }],
        roles: [ROLE.globalAdministrator],
        methods: [],
        home: { tenantId: TENANT.id, userId: ADMINS.megan.id },
      }),
      user({ ...FABRIKAM_USERS.rosa, jobTitle: 'IT Manager', roles: [ROLE.globalAdministrator] }),
      user({ ...FABRIKAM_USERS.tomas, jobTitle: 'Warehouse Lead' }),
      user({ ...FABRIKAM_USERS.ines, jobTitle: 'Buyer' }),
    ],
    groups: [],
    roles: roles.map((roleTemplateId, index) => ({
      id: `7c2b5ff5-4444-4000-8000-00000000000${index + 1}`,
      roleTemplateId,
      displayName: ROLE_DISPLAY_NAMES[roleTemplateId] ?? roleTemplateId,
      description: `Built-in role ${ROLE_DISPLAY_NAMES[roleTemplateId]}`,
    })),
    // Fabrikam's own policy: other bounds than Contoso's, so a test can tell whose policy the panel shows.
    policy: {
      state: 'enabled',
      defaultLifetimeInMinutes: 120,
      minimumLifetimeInMinutes: 60,
      maximumLifetimeInMinutes: 240,
      defaultLength: 8,
      isUsableOnce: false,
      includeTargets: [{ targetType: 'group', id: 'all_users', isRegistrationRequired: false }],
      excludeTargets: [],
    },
    passes: {},
    consents: { [APP.clientId]: [...EXTENSION_SCOPES] },
    sessions: {},
    refreshTokens: {},
    codes: {},
    settings: {
      accessTokenLifetimeSeconds: 3600,
      spaRefreshTokenLifetimeSeconds: 86_400,
      replicationLagMs: 0,
      refuseOutOfPolicyPass: false,
    },
  };
}
