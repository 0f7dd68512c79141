/** Shapes the extension works with, derived from Microsoft Graph v1.0 resources (see ../shared/research/graph-tap.md). */

export type TapUsabilityReason = 'EnabledByPolicy' | 'DisabledByPolicy' | 'Expired' | 'NotYetValid' | 'OneTimeUsed';

/** temporaryAccessPassAuthenticationMethod, as Graph returns it on GET (the value is null there). */
export interface TapMethod {
  id: string;
  createdDateTime: string;
  startDateTime: string;
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
  isUsable: boolean;
  methodUsabilityReason: TapUsabilityReason | string;
}

/** The POST response: the only time Graph returns the pass value. Lives in the panel's memory only. */
export interface IssuedTap extends TapMethod {
  temporaryAccessPass: string;
}

export interface PolicyTarget {
  targetType: 'group' | 'user' | string;
  /** A group or user object id, or the pseudo-id "all_users". */
  id: string;
  isRegistrationRequired?: boolean;
}

/** temporaryAccessPassAuthenticationMethodConfiguration */
export interface TapPolicy {
  state: 'enabled' | 'disabled';
  defaultLifetimeInMinutes: number;
  minimumLifetimeInMinutes: number;
  maximumLifetimeInMinutes: number;
  defaultLength: number;
  isUsableOnce: boolean;
  includeTargets: PolicyTarget[];
  excludeTargets: PolicyTarget[];
}

export interface TargetUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  accountEnabled: boolean | null;
  userType: 'Member' | 'Guest' | string | null;
  /** "Invitation" for B2B invitees; external guests cannot get a pass. */
  creationType: string | null;
  externalUserState: string | null;
  mail: string | null;
}

/** One registered authentication method, summarised for display. */
export interface AuthMethodSummary {
  id: string;
  /** Graph's @odata.type, e.g. "#microsoft.graph.fido2AuthenticationMethod". */
  odataType: string;
  /** Human label, e.g. "FIDO2 security key". */
  label: string;
  /** Device, key model or masked phone when Graph gives one. */
  detail: string | null;
}

export interface DirectoryRole {
  id: string;
  displayName: string;
  roleTemplateId: string;
}

export interface GroupRef {
  id: string;
  displayName: string | null;
}
