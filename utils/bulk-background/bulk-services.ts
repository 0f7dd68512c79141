import { createLimiter, type Limiter } from './limiter';
import type { SharedView } from './shared-reads';

/**
 * A bulk list is many messages of BULK_CHUNK rows, each several $batch round trips. Five batches in flight keep a
 * hundred rows to a few round trips of wall time without a burst Graph would throttle (throttling.md: "Reduce the
 * frequency of calls"); the page may send its chunks at once, this is what reaches Graph.
 */
export const BULK_BATCHES_IN_FLIGHT = 5;

/** The policy and the admin's roles are the same for every row: read once a minute, not once a chunk. */
export const SHARED_FRESH_MS = 60_000;

export interface SharedCache {
  /** The view for this admin (tenant and object id), reused while fresh; one read in flight is shared. */
  get(adminKey: string, load: () => Promise<SharedView>): Promise<SharedView>;
  clear(): void;
}

export interface BulkServices {
  inFlight: Limiter;
  shared: SharedCache;
}

export function createSharedCache(now: () => number, freshMs = SHARED_FRESH_MS): SharedCache {
  let entry: { key: string; at: number; view: Promise<SharedView> } | null = null;
  return {
    get(adminKey, load) {
      if (entry && entry.key === adminKey && now() - entry.at < freshMs) return entry.view;
      const mine = { key: adminKey, at: now(), view: load() };
      entry = mine;
      // A failed read is never shared after the fact.
      mine.view.catch(() => {
        if (entry === mine) entry = null;
      });
      return mine.view;
    },
    clear() {
      entry = null;
    },
  };
}

export function createBulkServices(now: () => number): BulkServices {
  return { inFlight: createLimiter(BULK_BATCHES_IN_FLIGHT), shared: createSharedCache(now) };
}
