/** The slice of a WXT storage item this needs. */
export interface WatchableItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}

/** An item that is only read (the effective settings: managed ∘ local, utils/managed-config.ts). */
export type ReadableItem<T> = Pick<WatchableItem<T>, 'getValue' | 'watch'>;

/**
 * A storage item read once and then served from memory, kept true by its change events (writes from any context,
 * the options page's among them). The panel's first view reads settings and the policy on every navigation: from
 * storage each read costs milliseconds on the hot path.
 */
export function memoryCached<T>(item: WatchableItem<T>): Pick<WatchableItem<T>, 'getValue' | 'setValue'>;
export function memoryCached<T>(item: ReadableItem<T>): Pick<WatchableItem<T>, 'getValue'>;
export function memoryCached<T>(item: ReadableItem<T> & Partial<Pick<WatchableItem<T>, 'setValue'>>) {
  let cached: Promise<T> | undefined;
  item.watch((value) => {
    cached = Promise.resolve(value);
  });
  const write = item.setValue?.bind(item);
  return {
    getValue: () => {
      if (!cached) {
        const reading = item.getValue();
        cached = reading;
        // A failed read isn't kept: the next one tries storage again rather than failing until the next change.
        reading.catch(() => {
          if (cached === reading) cached = undefined;
        });
      }
      return cached;
    },
    ...(write && {
      async setValue(value: T) {
        cached = Promise.resolve(value);
        await write(value);
      },
    }),
  };
}
