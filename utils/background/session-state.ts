/** The slice of a WXT storage item this module needs (a memory fake in unit tests). */
export interface StateStore<T> {
  getValue(): Promise<T | null>;
  setValue(value: T | null): Promise<void>;
}

/**
 * State that lives in memory, so hot paths never wait on storage, and is written behind to storage.session, so a
 * restarted service worker finds it again. `prune` bounds what is kept before every write.
 */
export function createSessionState<T>(store: StateStore<T>, empty: () => T, prune: (state: T) => void = () => {}) {
  let loaded: Promise<T> | undefined;
  let persisting: Promise<unknown> = Promise.resolve();
  const read = (): Promise<T> => {
    loaded ??= store.getValue().then((saved) => saved ?? empty());
    return loaded;
  };
  return {
    read,
    async update(change: (state: T) => void): Promise<void> {
      const current = await read();
      change(current);
      prune(current);
      const snapshot = structuredClone(current);
      persisting = persisting.then(() => store.setValue(snapshot)).catch(() => undefined);
    },
  };
}

/** The `limit` newest entries of a record, by `time`. */
export function newest<T>(record: Record<string, T>, limit: number, time: (v: T) => number): Record<string, T> {
  const entries = Object.entries(record);
  if (entries.length <= limit) return record;
  return Object.fromEntries(entries.sort((a, b) => time(b[1]) - time(a[1])).slice(0, limit));
}
