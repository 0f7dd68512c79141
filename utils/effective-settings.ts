/** What the extension acts on: the organisation's managed values over what the options page saved (managed ∘ local). */
import { effectivePreferences, effectiveSettings, layered, managedLayer } from './managed-config';
import { preferencesItem, settingsItem } from './storage';

/** The app registration the extension signs in with; null until both ids are known from either layer. */
export const effectiveSettingsItem = /* @__PURE__ */ layered(settingsItem, effectiveSettings, managedLayer);

/** The preferences the extension applies (clipboard clearing). */
export const effectivePreferencesItem = /* @__PURE__ */ layered(preferencesItem, effectivePreferences, managedLayer);
