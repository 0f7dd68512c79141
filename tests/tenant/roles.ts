/**
 * Built-in Microsoft Entra role template ids (constant across tenants; used by many public scripts,
 * research/graph-tap-detail.md §1.5).
 */
export const ROLE = {
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  privilegedAuthenticationAdministrator: '7be44c8a-adaf-4e2a-84d6-ab2649e08a13',
  authenticationAdministrator: 'c4e39bd9-1100-46d3-8c65-fb160da0071f',
  authenticationPolicyAdministrator: '0526716b-113d-4c15-b2c8-68e3c22b9f80',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  userAdministrator: 'fe930be7-5e62-47db-91af-98c3a49a38b1',
  helpdeskAdministrator: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  passwordAdministrator: '966707d0-3269-4727-9be2-8c3a10f19b9d',
  privilegedRoleAdministrator: 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  directoryReaders: '88d8e3e3-8f55-4a1e-953a-9b9898b8876b',
  guestInviter: '95e79109-95c0-4d8e-aee3-d01accf2d47b',
  messageCenterReader: '790c1fb9-7f7d-4f88-86a1-ef1f95c05c1b',
  reportsReader: '4a5d8f65-41da-4de4-8968-e035b65339cf',
  usageSummaryReportsReader: '75934031-6c7e-415a-99d7-48dbd49e875e',
  cloudApplicationAdministrator: '158c047a-c907-4556-b7ef-446551a6b5f7',
  applicationAdministrator: '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
} as const;

export type RoleTemplateId = (typeof ROLE)[keyof typeof ROLE];

export const ROLE_DISPLAY_NAMES: Record<string, string> = {
  [ROLE.globalAdministrator]: 'Global Administrator',
  [ROLE.privilegedAuthenticationAdministrator]: 'Privileged Authentication Administrator',
  [ROLE.authenticationAdministrator]: 'Authentication Administrator',
  [ROLE.authenticationPolicyAdministrator]: 'Authentication Policy Administrator',
  [ROLE.globalReader]: 'Global Reader',
  [ROLE.userAdministrator]: 'User Administrator',
  [ROLE.helpdeskAdministrator]: 'Helpdesk Administrator',
  [ROLE.passwordAdministrator]: 'Password Administrator',
  [ROLE.privilegedRoleAdministrator]: 'Privileged Role Administrator',
  [ROLE.directoryReaders]: 'Directory Readers',
  [ROLE.guestInviter]: 'Guest Inviter',
  [ROLE.messageCenterReader]: 'Message Center Reader',
  [ROLE.reportsReader]: 'Reports Reader',
  [ROLE.usageSummaryReportsReader]: 'Usage Summary Reports Reader',
  [ROLE.cloudApplicationAdministrator]: 'Cloud Application Administrator',
  [ROLE.applicationAdministrator]: 'Application Administrator',
};
