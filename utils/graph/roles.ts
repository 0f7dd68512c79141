import { i18n } from '#i18n';

/** Directory role template ids (the same in every tenant) and what they mean for Temporary Access Passes. */
export const ROLE = {
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  privilegedAuthenticationAdministrator: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
  authenticationAdministrator: 'c4e39bd9-1100-46d3-8c65-fb160da0071f',
  authenticationPolicyAdministrator: '0526716b-113d-4c15-b2c8-68e3c22b9f80',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  helpdeskAdministrator: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  passwordAdministrator: '966707d0-3269-4727-9be2-8c3a10f19b9d',
  privilegedRoleAdministrator: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  userAdministrator: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  directoryReaders: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
  guestInviter: '95e79109-95c0-4d8e-aee3-d01accf2d47b',
  messageCenterReader: '790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b',
  reportsReader: '4a5d8f65-41da-4de4-8968-e035b65339cf',
  usageSummaryReportsReader: '75934031-6c7e-415a-99d7-48dbd49e875e',
} as const;

/** Roles that can issue a pass for anyone (except themselves). */
export const ISSUE_FOR_ANYONE: ReadonlySet<string> = new Set([
  ROLE.globalAdministrator,
  ROLE.privilegedAuthenticationAdministrator,
]);

/** Roles that can issue a pass for users without admin roles. */
export const ISSUE_FOR_MEMBERS: ReadonlySet<string> = new Set([ROLE.authenticationAdministrator]);

/**
 * Roles an Authentication Administrator may still act on (Entra docs, "Who can perform sensitive actions");
 * any other role, custom roles included, needs a Privileged Authentication Administrator or Global Administrator.
 */
export const ROLES_AUTH_ADMIN_CAN_ACT_ON: ReadonlySet<string> = new Set([
  ROLE.authenticationAdministrator,
  ROLE.directoryReaders,
  ROLE.guestInviter,
  ROLE.messageCenterReader,
  ROLE.passwordAdministrator,
  ROLE.reportsReader,
  ROLE.usageSummaryReportsReader,
]);

export const isIssuingRole = (templateId: string): boolean =>
  ISSUE_FOR_ANYONE.has(templateId) || ISSUE_FOR_MEMBERS.has(templateId);

const roleNames = (): Readonly<Record<string, string>> =>
  Object.fromEntries((Object.keys(ROLE) as (keyof typeof ROLE)[]).map((name) => [ROLE[name], i18n.t(`graph.roles.${name}`)]));

/** The built-in roles' display names (entra-docs roles/permissions-reference.md), for the setup check's role line. */
// Pure: the panel imports this module (through eligibility.ts) without the names, so the bundler may leave them out.
export const ROLE_NAMES: Readonly<Record<string, string>> = /* @__PURE__ */ roleNames();

/**
 * The template id tokens carry in `wids` for every member user, which is no administrator role. [U] It's the "User"
 * role template seen in every member's token; Microsoft doesn't list it among the built-in roles.
 */
export const MEMBER_USER_ROLE = 'b79fbf4d-3ef9-4689-8143-76b194e85509';
