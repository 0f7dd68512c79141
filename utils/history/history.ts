import { toHistoryEntry } from './entry';
import { pruneHistory } from './prune';
import type { HistoryEntry, HistoryRecord, HistorySettings } from './types';

export interface HistoryDeps {
  /** storage.local's history item (newest first). */
  store: { getValue(): Promise<HistoryEntry[] | null>; setValue(value: HistoryEntry[]): Promise<void> };
  settings(): Promise<HistorySettings>;
  now(): number;
  newId(): string;
}

/**
 * The background's local history: the one writer, so appends, prunes and clears run one after another (a bulk run's
 * records and a panel's can't lose each other's lines).
 */
export function createHistory(deps: HistoryDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };
  const stored = async () => (await deps.store.getValue()) ?? [];

  return {
    /** Appends one entry (pruning by days and count), or nothing when the history is off. The stored entry, or null. */
    record(record: HistoryRecord): Promise<HistoryEntry | null> {
      return serial(async () => {
        const settings = await deps.settings();
        if (!settings.enabled) return null;
        const entry = toHistoryEntry(record, deps.newId(), new Date(deps.now()));
        await deps.store.setValue(pruneHistory([entry, ...(await stored())], settings, deps.now()));
        return entry;
      });
    },
    /** Newest first, within retention; at most `limit`. */
    list(limit?: number): Promise<{ entries: HistoryEntry[]; settings: HistorySettings }> {
      return serial(async () => {
        const settings = await deps.settings();
        const entries = pruneHistory(await stored(), settings, deps.now());
        return { entries: limit === undefined ? entries : entries.slice(0, limit), settings };
      });
    },
    /**
     * Drops from storage what the settings no longer keep (a shorter retention, a lower count, days gone by), so a stricter
     * setting deletes entries rather than only hiding them. How many went.
     */
    prune(): Promise<number> {
      return serial(async () => {
        const entries = await stored();
        const kept = pruneHistory(entries, await deps.settings(), deps.now());
        if (kept.length !== entries.length) await deps.store.setValue(kept);
        return entries.length - kept.length;
      });
    },
    /** Removes every entry; how many there were. */
    clear(): Promise<number> {
      return serial(async () => {
        const count = (await stored()).length;
        await deps.store.setValue([]);
        return count;
      });
    },
  };
}

export type HistoryService = ReturnType<typeof createHistory>;
