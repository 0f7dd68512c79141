import { i18n } from '#i18n';
import type { ManagedConfig } from '../managed-config';
import type { EntraSettings } from '../storage';
import type { TenantProfile } from '../tenant-profiles';

/** A profile as the popup offers it. */
export interface OfferedProfile {
  label: string;
  tenant: string;
  /** Set only when it isn't the configured app registration: switching then replaces the settings and signs out. */
  clientId?: string;
  /** The configured tenant and app registration, always first. */
  home?: true;
}

export const HOME_LABEL = i18n.t('popup.profiles.home');

/** Why a listed profile isn't offered, or null when it is. */
export function notOfferedReason(profile: TenantProfile, settings: EntraSettings | null, managed: ManagedConfig): string | null {
  const ownApp = profile.clientId !== undefined && profile.clientId !== settings?.clientId;
  if (ownApp && (managed.clientId !== undefined || managed.tenantId !== undefined)) {
    return i18n.t('popup.profiles.notOfferedApp');
  }
  const allowed = managed.allowedTenants;
  // By the name the policy lists: a profile naming the directory another way (id for domain) is left out, not guessed.
  if (allowed && profile.tenant !== settings?.tenantId && !allowed.includes(profile.tenant)) {
    return i18n.t('popup.profiles.notOfferedTenant');
  }
  return null;
}

/**
 * What the popup offers to switch between: the configured tenant first, then the organisation's profiles when its
 * policy sets them (the admin's own otherwise), without the ones the policy rules out and without repeats.
 */
export function offeredProfiles(
  settings: EntraSettings | null,
  local: TenantProfile[],
  managed: ManagedConfig,
): OfferedProfile[] {
  if (!settings) return [];
  const offered: OfferedProfile[] = [{ label: HOME_LABEL, tenant: settings.tenantId, home: true }];
  for (const profile of managed.tenantProfiles ?? local) {
    if (notOfferedReason(profile, settings, managed)) continue;
    const ownApp = profile.clientId !== undefined && profile.clientId !== settings.clientId;
    const candidate: OfferedProfile = {
      label: profile.label,
      tenant: profile.tenant,
      ...(ownApp && { clientId: profile.clientId }),
    };
    if (offered.some((kept) => kept.tenant === candidate.tenant && kept.clientId === candidate.clientId)) continue;
    offered.push(candidate);
  }
  return offered;
}
