import type { HistoryEntry, HistorySettings } from './types';

const DAY_MS = 86_400_000;

/** Newest first, nothing older than the retention days, at most maxEntries. */
export function pruneHistory(
  entries: readonly HistoryEntry[],
  settings: Pick<HistorySettings, 'retentionDays' | 'maxEntries'>,
  now: number,
): HistoryEntry[] {
  const oldest = now - settings.retentionDays * DAY_MS;
  return entries.filter((entry) => Date.parse(entry.when) >= oldest).slice(0, settings.maxEntries);
}
