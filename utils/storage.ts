/** Every storage item the extension keeps, in one place. Nothing here ever holds a pass value or a token;
 *  MSAL's own cache lives in storage.session under the "msal.ss:" prefix (utils/auth/msal-shim.ts). */
import { storage } from '#imports';
import type { BindingState } from './background/frame-bindings';
import type { CloudName } from './clouds';
import type { HistoryEntry, HistorySettings } from './history/types';
import type { PolicyView } from './messages';

export interface EntraSettings {
  /** Application (client) ID of the admin's app registration (a GUID). */
  clientId: string;
  /** Directory (tenant) ID: a GUID or a verified domain such as contoso.onmicrosoft.com. */
  tenantId: string;
  /** The Microsoft cloud the directory lives in (utils/clouds.ts); absent: worldwide. */
  cloud?: CloudName;
}

const buildDefaults: EntraSettings | null =
  import.meta.env.WXT_ENTRA_CLIENT_ID && import.meta.env.WXT_ENTRA_TENANT_ID
    ? { clientId: import.meta.env.WXT_ENTRA_CLIENT_ID, tenantId: import.meta.env.WXT_ENTRA_TENANT_ID }
    : null;

/** The app registration to sign in with; null until the admin saves the options page (or a build sets defaults). */
export const settingsItem = storage.defineItem<EntraSettings | null>('local:entraSettings', {
  fallback: buildDefaults,
});

/** Last TAP policy read from Graph, for an instant popup and a one-round-trip panel. Session-only. */
export const policyCacheItem = storage.defineItem<PolicyView | null>('session:tapPolicyCache', { fallback: null });

/** The admin's own choices on the options page. */
export interface Preferences {
  /** Seconds after Copy until a pass still on the clipboard is cleared from it; 0 = never. */
  clipboardClearSeconds: number;
}

export const DEFAULT_PREFERENCES: Preferences = { clipboardClearSeconds: 60 };
/** The longest clearing delay: it also bounds how long Firefox's event page stays awake for one copy (keep-alive.ts). */
export const MAX_CLIPBOARD_CLEAR_SECONDS = 3600;

export const preferencesItem = storage.defineItem<Preferences>('local:preferences', { fallback: DEFAULT_PREFERENCES });

/**
 * The admin's tenant profiles (options page), as stored: unknown on purpose. Read it through validProfiles
 * (utils/tenant-profiles.ts), which keeps only the entries that hold up, at most 20.
 */
export const tenantProfilesItem = storage.defineItem<unknown>('local:tenantProfiles', { fallback: [] });

/** Portal frames' tickets and whom each panel resolved to (background only; storage.session is not for content scripts). */
export const bindingsItem = storage.defineItem<BindingState | null>('session:panelBindings', { fallback: null });

/** Configured tenant domains and the directory ids OpenID discovery named for them (public facts). */
/**
 * The directory the admin switched to (GUID or domain), when it isn't the configured one. Session storage, like MSAL's
 * cache: a browser restart signs in to the configured tenant again.
 */
export const actingTenantItem = storage.defineItem<string | null>('session:actingTenant', { fallback: null });

export const tenantIdsItem = storage.defineItem<Record<string, string>>('local:tenantIds', { fallback: {} });

/**
 * The last policy the background read from storage.managed (the organisation's configuration, no secret), served at a
 * browser start while Chromium is still loading extension policies (utils/managed-config.ts ManagedLayerOptions.copy).
 */
export const managedCopyItem = storage.defineItem<Record<string, unknown> | null>('local:managedPolicyCopy', {
  fallback: null,
});

/**
 * The local history of issues, replaces and revokes (utils/history), newest first. Never a pass value: entries are built
 * from an allow-list of fields. Written and read by the background only; the options page and popup ask it.
 */
export const historyItem = storage.defineItem<HistoryEntry[]>('local:history', { fallback: [] });

/** The options page's history choices (on/off, retention); the organisation's policy wins over them. */
export const historySettingsItem = storage.defineItem<Partial<HistorySettings> | null>('local:historySettings', {
  fallback: null,
});
