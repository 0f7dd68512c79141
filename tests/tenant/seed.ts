/**
 * The seed: one readable description of the simulated Contoso tenant (fixed ids, see /tmp/team/CONTRACTS.md).
 * `createSeedState()` turns it into a fresh, mutable TenantState on every start and reset.
 */
import { ROLE, ROLE_DISPLAY_NAMES } from './roles';
import type { DirectoryUser, TapPolicy, TenantState } from './state';

export const TENANT = {
  id: '6b1a4ee4-3c35-4e8a-9a3d-0d1e5b2f7a10',
  domain: 'contoso.onmicrosoft.com',
  displayName: 'Contoso',
} as const;

/** The six delegated Graph scopes the extension asks for at sign-in, admin-consented in the seed. */
export const EXTENSION_SCOPES = [
  'User.Read',
  'User.Read.All',
  'GroupMember.Read.All',
  'UserAuthenticationMethod.Read.All',
  'UserAuthMethod-TAP.ReadWrite.All',
  'Policy.Read.AuthenticationMethod',
] as const;

export const APP = {
  clientId: '0e6c7f4a-8d5b-4c1e-9f3a-2b7d6e5c4a31',
  displayName: 'Entra TAP',
  tenantId: TENANT.id,
  tenantDomain: TENANT.domain,
  extensionId: 'bjppmkdmnkjkahflgkhdahmcejhldfnh',
  redirectUri: 'https://bjppmkdmnkjkahflgkhdahmcejhldfnh.chromiumapp.org/',
  /** Firefox: https://<sha1 of the gecko id entra-tap@example.invalid>.extensions.allizom.org/ (identity.getRedirectURL). */
  firefoxRedirectUri: 'https://0b0081845e5d554082f7467b0e71e1976fbfeb0d.extensions.allizom.org/',
  consentedScopes: [...EXTENSION_SCOPES],
  /** The application object's id and its service principal's (graph-docs application.md, serviceprincipal.md). */
  objectId: '0e6c7f4a-0000-4000-8000-00000000a001',
  servicePrincipalId: '0e6c7f4a-0000-4000-8000-00000000b001',
} as const;

export interface SeedPerson {
  id: string;
  displayName: string;
  userPrincipalName: string;
}

const upn = (alias: string) => `${alias}@${TENANT.domain}`;

export const ADMINS = {
  megan: { id: '11111111-0000-4000-8000-000000000001', displayName: 'Megan Bowen', userPrincipalName: upn('MeganB') },
  patti: { id: '11111111-0000-4000-8000-000000000002', displayName: 'Patti Fernandez', userPrincipalName: upn('PattiF') },
  alex: { id: '11111111-0000-4000-8000-000000000003', displayName: 'Alex Wilber', userPrincipalName: upn('AlexW') },
  lee: { id: '11111111-0000-4000-8000-000000000004', displayName: 'Lee Gu', userPrincipalName: upn('LeeG') },
  isaiah: { id: '11111111-0000-4000-8000-000000000005', displayName: 'Isaiah Langer', userPrincipalName: upn('IsaiahL') },
  johanna: { id: '11111111-0000-4000-8000-000000000006', displayName: 'Johanna Lorenz', userPrincipalName: upn('JohannaL') },
  /** Authentication Administrator, eligible only (PIM), not activated. */
  priya: { id: '11111111-0000-4000-8000-0000000000a1', displayName: 'Priya Raman', userPrincipalName: upn('PriyaR') },
  /** Authentication Administrator scoped to the Seattle administrative unit. */
  oscar: { id: '11111111-0000-4000-8000-0000000000a2', displayName: 'Oscar Ruiz', userPrincipalName: upn('OscarR') },
  /** Authentication Administrator through the role-assignable group "Tier 2 helpdesk". */
  grace: { id: '11111111-0000-4000-8000-0000000000a3', displayName: 'Grace Taylor', userPrincipalName: upn('GraceT') },
} as const satisfies Record<string, SeedPerson>;

export const TARGETS = {
  adele: { id: '22222222-0000-4000-8000-000000000001', displayName: 'Adele Vance', userPrincipalName: upn('AdeleV') },
  diego: { id: '22222222-0000-4000-8000-000000000002', displayName: 'Diego Siciliani', userPrincipalName: upn('DiegoS') },
  nestor: { id: '22222222-0000-4000-8000-000000000003', displayName: 'Nestor Wilke', userPrincipalName: upn('NestorW') },
  miriam: { id: '22222222-0000-4000-8000-000000000004', displayName: 'Miriam Graham', userPrincipalName: upn('MiriamG') },
  lynne: { id: '22222222-0000-4000-8000-000000000005', displayName: 'Lynne Robbins', userPrincipalName: upn('LynneR') },
  pradeep: { id: '22222222-0000-4000-8000-000000000006', displayName: 'Pradeep Gupta', userPrincipalName: upn('PradeepG') },
  chris: {
    id: '22222222-0000-4000-8000-000000000007',
    displayName: 'Chris Green',
    userPrincipalName: `chris_fabrikam.com#EXT#@${TENANT.domain}`,
  },
  isla: { id: '22222222-0000-4000-8000-000000000008', displayName: 'Isla Ortiz', userPrincipalName: upn('IslaO') },
  henrietta: {
    id: '22222222-0000-4000-8000-000000000009',
    displayName: 'Henrietta Mueller',
    userPrincipalName: upn('HenriettaM'),
  },
  /** Member of the restricted-management unit "Executives". */
  kenji: { id: '22222222-0000-4000-8000-0000000000a1', displayName: 'Kenji Sato', userPrincipalName: upn('KenjiS') },
  /** In MANY_GROUPS project groups, then "TAP onboarding wave 3": that group falls on the second default page. */
  joni: { id: '22222222-0000-4000-8000-00000000000a', displayName: 'Joni Sherman', userPrincipalName: upn('JoniS') },
} as const satisfies Record<string, SeedPerson>;

/**
 * B2B collaboration users (entra-docs external-id/user-properties.md): none of them can get a pass here, whatever their
 * userType (see isExternalUser in graph/tap-rules.ts).
 */
export const EXTERNAL_USERS = {
  /** External member: another Entra organization's user with member-level access (UserType Member). */
  dana: {
    id: '22222222-0000-4000-8000-000000000010',
    displayName: 'Dana Kim',
    userPrincipalName: `dana_northwind.com#EXT#@${TENANT.domain}`,
  },
  /** External guest who hasn't redeemed the invitation: identities still name the host's domain (user-properties.md). */
  omar: {
    id: '22222222-0000-4000-8000-000000000011',
    displayName: 'Omar Haddad',
    userPrincipalName: `omar_litware.com#EXT#@${TENANT.domain}`,
  },
  /** [U] External member as cross-tenant synchronization creates one: #EXT# UPN and a federated identity, no invitation. */
  kai: {
    id: '22222222-0000-4000-8000-000000000012',
    displayName: 'Kai Nakamura',
    userPrincipalName: `kai_tailspin.com#EXT#@${TENANT.domain}`,
  },
} as const satisfies Record<string, SeedPerson>;

export const GROUPS = {
  tapExcluded: { id: '33333333-0000-4000-8000-000000000001', displayName: 'TAP Excluded' },
  pilot: { id: '33333333-0000-4000-8000-000000000002', displayName: 'Pilot TAP users' },
  helpdesk: { id: '33333333-0000-4000-8000-000000000003', displayName: 'Helpdesk' },
  tier2: { id: '33333333-0000-4000-8000-0000000000a1', displayName: 'Tier 2 helpdesk' },
  /** Joni's last group, after the project groups: a group a test policy can target, on the second page. */
  wave: { id: '33333333-0000-4000-8000-000000000004', displayName: 'TAP onboarding wave 3' },
} as const;

export const UNITS = {
  seattle: { id: '66666666-0000-4000-8000-000000000001', displayName: 'Seattle' },
  executives: { id: '66666666-0000-4000-8000-000000000002', displayName: 'Executives' },
} as const;

/** Joni and Grady are direct members of this many "Project team NNN" groups (more than the default page of 100). */
export const MANY_GROUPS = 135;

/** The id of project group n (1-based): 33333333-0000-4000-8001-000000000001 … */
export const projectGroupId = (n: number) => `33333333-0000-4000-8001-${String(n).padStart(12, '0')}`;

/**
 * A Global Administrator in MANY_GROUPS project groups: the directoryRole comes after them, on a later default page.
 * Kept out of ADMINS (whose keys other specs enumerate) but offered on the sign-in page.
 */
export const MANY_GROUPS_ADMIN = {
  id: '11111111-0000-4000-8000-000000000007',
  displayName: 'Grady Archie',
  userPrincipalName: upn('GradyA'),
} as const satisfies SeedPerson;

/** The accounts the fake sign-in page offers (password-less: click to sign in). */
export const SIGN_IN_ACCOUNTS: SeedPerson[] = [...Object.values(ADMINS), MANY_GROUPS_ADMIN];

/** Defaults from the Entra docs table (entra-docs: howto-authentication-temporary-access-pass.md), exclude "TAP Excluded". */
export function seedPolicy(): TapPolicy {
  return {
    state: 'enabled',
    defaultLifetimeInMinutes: 60,
    minimumLifetimeInMinutes: 60,
    maximumLifetimeInMinutes: 480,
    defaultLength: 8,
    isUsableOnce: false,
    includeTargets: [{ targetType: 'group', id: 'all_users', isRegistrationRequired: false }],
    excludeTargets: [{ targetType: 'group', id: GROUPS.tapExcluded.id }],
  };
}

/** The password method's id is the same for every user (graph-tap-detail.md §3.2). */
export const PASSWORD_METHOD_ID = '28c10230-6103-485e-b985-444c60001490';

const method = {
  password: () => ({
    '@odata.type': '#microsoft.graph.passwordAuthenticationMethod',
    id: PASSWORD_METHOD_ID,
    password: null,
    createdDateTime: '2023-01-10T09:00:00Z',
  }),
  authenticator: (device: string) => ({
    '@odata.type': '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod',
    id: '6e9d9d1e-8f0a-4d5e-9c1b-1a2b3c4d5e01',
    displayName: device,
    deviceTag: 'SoftwareTokenActivated',
    phoneAppVersion: '6.2405.3144',
    createdDateTime: '2024-03-04T10:15:00Z',
  }),
  fido2: () => ({
    '@odata.type': '#microsoft.graph.fido2AuthenticationMethod',
    id: '-2_GRUg2-HYz6_1YG4YRAQ2',
    displayName: 'Red key',
    createdDateTime: '2024-08-10T06:44:09Z',
    aaGuid: '2fc0579f-8113-47ea-b116-555a8db9202a',
    model: 'NFC key',
    attestationCertificates: ['dbe793efdf1945e2df25d93653a1e8a3268a9075'],
    attestationLevel: 'attested',
  }),
  windowsHello: () => ({
    '@odata.type': '#microsoft.graph.windowsHelloForBusinessAuthenticationMethod',
    id: 'b5e01f81-1f81-b5e0-811f-e0b5811fe0b5',
    displayName: "Pradeep's Surface Book",
    createdDateTime: '2024-11-27T23:12:49Z',
    keyStrength: 'normal',
  }),
  phone: (phoneNumber: string) => ({
    '@odata.type': '#microsoft.graph.phoneAuthenticationMethod',
    id: '3179e48a-750b-4051-897c-87b9720928f7',
    phoneNumber,
    phoneType: 'mobile',
    smsSignInState: 'notAllowedByPolicy',
  }),
};

type UserSeed = SeedPerson & Partial<Omit<DirectoryUser, 'id' | 'displayName' | 'userPrincipalName'>>;

function user(seed: UserSeed): DirectoryUser {
  const [givenName = null, surname = null] = seed.displayName.split(' ');
  const isGuestUpn = seed.userPrincipalName.includes('#EXT#');
  return {
    givenName,
    surname,
    mail: isGuestUpn ? null : seed.userPrincipalName,
    jobTitle: null,
    officeLocation: null,
    mobilePhone: null,
    businessPhones: [],
    preferredLanguage: 'en-US',
    accountEnabled: true,
    userType: 'Member',
    creationType: null,
    externalUserState: null,
    identities: [{ signInType: 'userPrincipalName', issuer: TENANT.domain, issuerAssignedId: seed.userPrincipalName }],
    roles: [],
    methods: [method.password()],
    ...seed,
  };
}

function seedUsers(): DirectoryUser[] {
  return [
    user({ ...ADMINS.megan, jobTitle: 'IT Director', roles: [ROLE.globalAdministrator] }),
    user({ ...ADMINS.patti, jobTitle: 'Identity Lead', roles: [ROLE.privilegedAuthenticationAdministrator] }),
    user({ ...ADMINS.alex, jobTitle: 'Helpdesk Engineer', roles: [ROLE.authenticationAdministrator] }),
    user({ ...ADMINS.lee, jobTitle: 'Security Architect', roles: [ROLE.authenticationPolicyAdministrator] }),
    user({ ...ADMINS.isaiah, jobTitle: 'Auditor', roles: [ROLE.globalReader] }),
    user({ ...ADMINS.johanna, jobTitle: 'Sales Manager' }),
    user({ ...ADMINS.priya, jobTitle: 'Service Desk Analyst', eligibleRoles: [ROLE.authenticationAdministrator] }),
    user({
      ...ADMINS.oscar,
      jobTitle: 'Seattle Site IT',
      scopedRoles: [{ roleTemplateId: ROLE.authenticationAdministrator, administrativeUnitId: UNITS.seattle.id }],
    }),
    user({ ...ADMINS.grace, jobTitle: 'Tier 2 Engineer' }),
    user({ ...TARGETS.adele, jobTitle: 'Retail Manager', methods: [method.password(), method.authenticator('iPhone 15')] }),
    user({ ...TARGETS.diego, jobTitle: 'HR Manager' }),
    user({ ...TARGETS.nestor, jobTitle: 'Director', accountEnabled: false }),
    user({ ...TARGETS.miriam, jobTitle: 'Marketing Director', roles: [ROLE.userAdministrator] }),
    user({ ...TARGETS.lynne, jobTitle: 'Planner' }),
    user({
      ...TARGETS.pradeep,
      jobTitle: 'Engineer',
      mobilePhone: '+1 4255550199',
      methods: [method.password(), method.fido2(), method.windowsHello(), method.phone('+1 4255550199')],
    }),
    user({
      ...TARGETS.chris,
      userType: 'Guest',
      creationType: 'Invitation',
      externalUserState: 'Accepted',
      mail: 'chris@fabrikam.com',
      // [U] issuerAssignedId: Graph's value for a B2B identity isn't documented.
      identities: [{ signInType: 'federated', issuer: 'fabrikam.com', issuerAssignedId: null }],
      methods: [],
    }),
    user({ ...TARGETS.isla, userType: 'Guest' }),
    user({ ...TARGETS.henrietta, jobTitle: 'Trainee' }),
    user({ ...TARGETS.kenji, jobTitle: 'Chief Financial Officer' }),
    user({
      ...EXTERNAL_USERS.dana,
      jobTitle: 'Partner Engineer',
      creationType: 'Invitation',
      externalUserState: 'Accepted',
      mail: 'dana@northwind.com',
      identities: [{ signInType: 'federated', issuer: 'northwind.com', issuerAssignedId: null }],
      methods: [],
    }),
    user({
      ...EXTERNAL_USERS.omar,
      userType: 'Guest',
      creationType: 'Invitation',
      externalUserState: 'PendingAcceptance',
      mail: 'omar@litware.com',
      methods: [],
    }),
    user({
      ...EXTERNAL_USERS.kai,
      mail: 'kai@tailspin.com',
      identities: [{ signInType: 'federated', issuer: 'tailspin.com', issuerAssignedId: null }],
      methods: [],
    }),
    user({ ...MANY_GROUPS_ADMIN, jobTitle: 'IT Operations', roles: [ROLE.globalAdministrator] }),
    user({ ...TARGETS.joni, jobTitle: 'Paralegal' }),
  ];
}

function seedGroups(): TenantState['groups'] {
  const group = (ref: { id: string; displayName: string }, members: string[], description: string) => ({
    ...ref,
    description,
    securityEnabled: true,
    mailEnabled: false,
    groupTypes: [],
    isAssignableToRole: false,
    members,
  });
  return [
    group(GROUPS.tapExcluded, [TARGETS.diego.id], 'Users who must never receive a Temporary Access Pass'),
    group(GROUPS.pilot, [TARGETS.henrietta.id, TARGETS.adele.id, GROUPS.helpdesk.id], 'Pilot group for TAP onboarding'),
    group(GROUPS.helpdesk, [TARGETS.lynne.id], 'Helpdesk staff (nested in Pilot TAP users)'),
    {
      ...group(GROUPS.tier2, [ADMINS.grace.id], 'Role-assignable: holds Authentication Administrator'),
      isAssignableToRole: true,
      assignedRoles: [ROLE.authenticationAdministrator],
    },
    ...Array.from({ length: MANY_GROUPS }, (_, index) =>
      group(
        { id: projectGroupId(index + 1), displayName: `Project team ${String(index + 1).padStart(3, '0')}` },
        [TARGETS.joni.id, MANY_GROUPS_ADMIN.id],
        'One of many project groups (membership paging)',
      ),
    ),
    group(GROUPS.wave, [TARGETS.joni.id], 'Third wave of TAP onboarding (after the project groups)'),
  ];
}

function seedRoles(): TenantState['roles'] {
  const used = [
    ROLE.globalAdministrator,
    ROLE.privilegedAuthenticationAdministrator,
    ROLE.authenticationAdministrator,
    ROLE.authenticationPolicyAdministrator,
    ROLE.globalReader,
    ROLE.userAdministrator,
  ];
  return used.map((roleTemplateId, index) => ({
    id: `44444444-0000-4000-8000-00000000000${index + 1}`,
    roleTemplateId,
    displayName: ROLE_DISPLAY_NAMES[roleTemplateId] ?? roleTemplateId,
    description: `Built-in role ${ROLE_DISPLAY_NAMES[roleTemplateId]}`,
  }));
}

export const LYNNE_PASS_ID = '55555555-0000-4000-8000-000000000001';

export function createSeedState(now = Date.now()): TenantState {
  const createdFiveMinutesAgo = new Date(now - 5 * 60_000).toISOString();
  return {
    tenant: { ...TENANT },
    apps: [
      {
        clientId: APP.clientId,
        displayName: APP.displayName,
        spaRedirectUris: [APP.redirectUri, APP.firefoxRedirectUri],
        webRedirectUris: [],
        requiredScopes: [...EXTENSION_SCOPES, 'Policy.ReadWrite.AuthenticationMethod'],
        objectId: APP.objectId,
        // Multi-tenant: the same registration serves Fabrikam (seed-fabrikam.ts), through switchTenant and tenant profiles.
        signInAudience: 'AzureADMultipleOrgs',
      },
    ],
    servicePrincipals: [{ id: APP.servicePrincipalId, appId: APP.clientId, displayName: APP.displayName }],
    oauth2PermissionGrants: [],
    administrativeUnits: [
      { ...UNITS.seattle, members: [TARGETS.adele.id, TARGETS.henrietta.id], isMemberManagementRestricted: false },
      { ...UNITS.executives, members: [TARGETS.kenji.id], isMemberManagementRestricted: true },
    ],
    conditionalAccess: [],
    users: seedUsers(),
    groups: seedGroups(),
    roles: seedRoles(),
    policy: seedPolicy(),
    passes: {
      [TARGETS.lynne.id]: {
        id: LYNNE_PASS_ID,
        userId: TARGETS.lynne.id,
        createdDateTime: createdFiveMinutesAgo,
        startDateTime: createdFiveMinutesAgo,
        lifetimeInMinutes: 480,
        isUsableOnce: false,
        used: false,
      },
    },
    consents: { [APP.clientId]: [...APP.consentedScopes] },
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
