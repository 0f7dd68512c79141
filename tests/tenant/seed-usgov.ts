/**
 * A third directory, in the US Government cloud (GCC High, "US Government L4"): Contoso US Government. It is served only
 * by the Gov hosts (login.microsoftonline.us, graph.microsoft.us, entra.microsoft.us, portal.azure.us,
 * intune.microsoft.us; hosts.ts) and shares nothing with the worldwide directories: its own users (object ids
 * 77777777-…), policy, admins, app registration and consent.
 */
import { ROLE, ROLE_DISPLAY_NAMES } from './roles';
import { APP, EXTENSION_SCOPES, type SeedPerson } from './seed';
import { memberOf } from './seed-member';
import type { TenantState } from './state';

export const USGOV_TENANT = {
  id: '9d3c5a2e-6f41-4b7a-8e2d-5c1b0a9f7e63',
  domain: 'contosogov.onmicrosoft.us',
  displayName: 'Contoso US Government',
  cloud: 'usGov',
} as const;

const upn = (alias: string) => `${alias}@${USGOV_TENANT.domain}`;

export const USGOV_USERS = {
  /** Global Administrator: can sign in, consent and issue passes. */
  avery: { id: '77777777-0000-4000-8000-0000000000a1', displayName: 'Avery Brooks', userPrincipalName: upn('AveryB') },
  /** Authentication Administrator: issues passes to non-admins. */
  jordan: { id: '77777777-0000-4000-8000-0000000000a2', displayName: 'Jordan Miles', userPrincipalName: upn('JordanM') },
  /** Members to issue passes for. */
  riley: { id: '77777777-0000-4000-8000-000000000001', displayName: 'Riley Carter', userPrincipalName: upn('RileyC') },
  morgan: { id: '77777777-0000-4000-8000-000000000002', displayName: 'Morgan Hayes', userPrincipalName: upn('MorganH') },
} as const satisfies Record<string, SeedPerson>;

export const USGOV_GROUPS = {
  helpdesk: { id: '77777777-0000-4000-8001-000000000001', displayName: 'GCC High helpdesk' },
} as const;

/**
 * The app registration here. [U] A Gov app is registered in the Gov cloud (graph-docs sdks/national-clouds.md: "The
 * application registration MUST be created in the Microsoft Entra admin center that corresponds to the national cloud
 * deployment"), so it can't be Contoso's multi-tenant registration; the same client id is kept so the e2e harness
 * signs in with one APP.clientId in both clouds (a real Gov registration would have its own).
 */
export const USGOV_APP = {
  objectId: '9d3c5a2e-0000-4000-8000-00000000a001',
  servicePrincipalId: '9d3c5a2e-0000-4000-8000-00000000b001',
} as const;

const user = memberOf(USGOV_TENANT.domain);

export function createUsGovState(): TenantState {
  const roles = [ROLE.globalAdministrator, ROLE.authenticationAdministrator];
  return {
    tenant: { ...USGOV_TENANT },
    signInAccounts: [USGOV_USERS.avery, USGOV_USERS.jordan],
    apps: [
      {
        clientId: APP.clientId,
        displayName: APP.displayName,
        spaRedirectUris: [APP.redirectUri, APP.firefoxRedirectUri],
        webRedirectUris: [],
        requiredScopes: [...EXTENSION_SCOPES],
        objectId: USGOV_APP.objectId,
        signInAudience: 'AzureADMyOrg',
      },
    ],
    servicePrincipals: [{ id: USGOV_APP.servicePrincipalId, appId: APP.clientId, displayName: APP.displayName }],
    oauth2PermissionGrants: [],
    conditionalAccess: [],
    users: [
      user({ ...USGOV_USERS.avery, jobTitle: 'Cloud Administrator', roles: [ROLE.globalAdministrator] }),
      user({ ...USGOV_USERS.jordan, jobTitle: 'Service Desk Lead', roles: [ROLE.authenticationAdministrator] }),
      user({ ...USGOV_USERS.riley, jobTitle: 'Program Analyst' }),
      user({ ...USGOV_USERS.morgan, jobTitle: 'Contracting Officer' }),
    ],
    groups: [
      {
        ...USGOV_GROUPS.helpdesk,
        description: 'Service desk staff of the Gov directory',
        securityEnabled: true,
        mailEnabled: false,
        groupTypes: [],
        isAssignableToRole: false,
        members: [USGOV_USERS.avery.id, USGOV_USERS.jordan.id],
      },
    ],
    roles: roles.map((roleTemplateId, index) => ({
      id: `9d3c5a2e-4444-4000-8000-00000000000${index + 1}`,
      roleTemplateId,
      displayName: ROLE_DISPLAY_NAMES[roleTemplateId] ?? roleTemplateId,
      description: `Built-in role ${ROLE_DISPLAY_NAMES[roleTemplateId]}`,
    })),
    // Its own bounds (30–360 min, default 90), unlike Contoso's and Fabrikam's, so a test can tell whose policy it sees.
    policy: {
      state: 'enabled',
      defaultLifetimeInMinutes: 90,
      minimumLifetimeInMinutes: 30,
      maximumLifetimeInMinutes: 360,
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
