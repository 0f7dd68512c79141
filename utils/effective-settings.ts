/** What the background acts on: the organisation's managed values over what the options page saved (managed ∘ local). */

import { effectiveHistorySettings } from './history/settings';
import { createManagedLayer, effectivePreferences, effectiveSettings, layered } from './managed-config';
import { historySettingsItem, managedCopyItem, preferencesItem, settingsItem } from './storage';

/**
 * The background's managed layer, with the last policy kept in storage.local: a browser start doesn't wait seconds for
 * Chromium's first storage.managed answer, and a policy that changed meanwhile arrives as a change.
 */
export const backgroundManagedLayer = /* @__PURE__ */ createManagedLayer({
  copy: {
    getValue: () => managedCopyItem.getValue(),
    setValue: (raw) => managedCopyItem.setValue(raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : null),
  },
});

/** The app registration the extension signs in with; null until both ids are known from either layer. */
export const effectiveSettingsItem = /* @__PURE__ */ layered(settingsItem, effectiveSettings, backgroundManagedLayer);

/** The preferences the extension applies (clipboard clearing). */
export const effectivePreferencesItem = /* @__PURE__ */ layered(preferencesItem, effectivePreferences, backgroundManagedLayer);

/** Whether the history is kept, and for how long. */
export const effectiveHistorySettingsItem = /* @__PURE__ */ layered(
  historySettingsItem,
  effectiveHistorySettings,
  backgroundManagedLayer,
);
