import type { ManagedConfig } from '../managed-config';
import { DEFAULT_HISTORY_SETTINGS, HISTORY_DAYS_BOUNDS, HISTORY_ENTRIES_BOUNDS, type HistorySettings } from './types';

const within = (value: unknown, bounds: { min: number; max: number }, fallback: number): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= bounds.min && value <= bounds.max ? value : fallback;

/** What the options page saved, made whole: a missing or out-of-range value falls back to the default. */
export function savedHistorySettings(raw: Partial<HistorySettings> | null | undefined): HistorySettings {
  return {
    enabled: typeof raw?.enabled === 'boolean' ? raw.enabled : DEFAULT_HISTORY_SETTINGS.enabled,
    retentionDays: within(raw?.retentionDays, HISTORY_DAYS_BOUNDS, DEFAULT_HISTORY_SETTINGS.retentionDays),
    maxEntries: within(raw?.maxEntries, HISTORY_ENTRIES_BOUNDS, DEFAULT_HISTORY_SETTINGS.maxEntries),
  };
}

/** The organisation's values (already validated) win over the saved ones. */
export function effectiveHistorySettings(local: Partial<HistorySettings> | null, managed: ManagedConfig): HistorySettings {
  const saved = savedHistorySettings(local);
  return {
    enabled: managed.keepHistory ?? saved.enabled,
    retentionDays: managed.historyRetentionDays ?? saved.retentionDays,
    maxEntries: managed.historyMaxEntries ?? saved.maxEntries,
  };
}
