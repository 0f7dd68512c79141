/** The slice of a WXT storage item this needs. */
export interface WatchableItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}

/**
 * A storage item read once and then served from memory, kept true by its change events (writes from any context,
 * the options page's among them). The panel's first view reads settings and the policy on every navigation: from
 * storage each read costs milliseconds on the hot path.
 */
export function memoryCached<T>(item: WatchableItem<T>): Pick<WatchableItem<T>, 'getValue' | 'setValue'> {
  let cached: Promise<T> | undefined;
  item.watch((value) => {
    cached = Promise.resolve(value);
  });
  return {
    getValue: () => {
      cached ??= item.getValue();
      return cached;
    },
    async setValue(value) {
      cached = Promise.resolve(value);
      await item.setValue(value);
    },
  };
}
