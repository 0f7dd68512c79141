/**
 * Tenant profiles: the directories (and, for a profile with its own client id, the app registrations) the popup offers
 * to switch between. Kept by the options page or set by the organisation's policy (managed `tenantProfiles`); read
 * from either place through `validProfiles`, so an entry that doesn't hold up is dropped, never trusted.
 */
import { i18n } from '#i18n';
import { clientIdProblem, tenantIdProblem } from './ui/settings-validation';

export interface TenantProfile {
  /** How the admin names it in the popup. */
  label: string;
  /** A directory (tenant) ID GUID or a verified domain, lower-cased. */
  tenant: string;
  /** Absent: the configured app registration (a multi-tenant one serves every profile without its own). */
  clientId?: string;
}

export const MAX_TENANT_PROFILES = 20;
export const MAX_PROFILE_LABEL_LENGTH = 60;

/** What the admin typed for one profile, before it is checked. */
export interface ProfileDraft {
  label: string;
  tenant: string;
  clientId: string;
}

export interface ProfileProblems {
  label?: string;
  tenant?: string;
  clientId?: string;
}

/** The sentence under "Label", or null when it is valid. Control and format characters would hide what it says. */
export function labelProblem(text: string): string | null {
  const value = text.trim();
  if (value === '') return i18n.t('options.profiles.labelEmpty');
  if (value.length > MAX_PROFILE_LABEL_LENGTH || /\p{C}/u.test(value)) {
    return i18n.t('options.profiles.labelInvalid', { max: MAX_PROFILE_LABEL_LENGTH });
  }
  return null;
}

/** Each field's sentence; empty when the draft is a valid profile. The client id may be left empty. */
export function draftProblems(draft: ProfileDraft): ProfileProblems {
  const label = labelProblem(draft.label);
  const tenant = tenantIdProblem(draft.tenant);
  const clientId = draft.clientId.trim() === '' ? null : clientIdProblem(draft.clientId);
  return { ...(label && { label }), ...(tenant && { tenant }), ...(clientId && { clientId }) };
}

/** The profile a valid draft stands for, trimmed and lower-cased the way the options page saves ids. */
export function profileOf(draft: ProfileDraft): TenantProfile {
  const clientId = draft.clientId.trim().toLowerCase();
  return { label: draft.label.trim(), tenant: draft.tenant.trim().toLowerCase(), ...(clientId && { clientId }) };
}

/** One stored or managed entry as a profile, or null when any part of it doesn't hold up. */
export function parseProfile(raw: unknown): TenantProfile | null {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const { label, tenant, clientId } = raw as Record<string, unknown>;
  if (typeof label !== 'string' || typeof tenant !== 'string') return null;
  if (clientId !== undefined && typeof clientId !== 'string') return null;
  const draft = { label, tenant, clientId: clientId ?? '' };
  return Object.keys(draftProblems(draft)).length === 0 ? profileOf(draft) : null;
}

/** Two profiles for the same directory through the same app registration are one. */
export const sameProfile = (a: TenantProfile, b: TenantProfile) => a.tenant === b.tenant && a.clientId === b.clientId;

/** The valid entries of what storage holds, without repeats, at most MAX_TENANT_PROFILES. */
export function validProfiles(raw: unknown): TenantProfile[] {
  if (!Array.isArray(raw)) return [];
  const profiles: TenantProfile[] = [];
  for (const entry of raw) {
    const profile = parseProfile(entry);
    if (profile && !profiles.some((kept) => sameProfile(kept, profile))) profiles.push(profile);
    if (profiles.length === MAX_TENANT_PROFILES) break;
  }
  return profiles;
}
