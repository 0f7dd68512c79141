import { describe, expect, it } from 'vitest';
import { memoryCached, type WatchableItem } from '@/utils/background/memory-cached';

function fakeItem<T>(initial: T) {
  let value = initial;
  let failNext = false;
  const watchers: ((value: T) => void)[] = [];
  const item: WatchableItem<T> & { reads: number } = {
    reads: 0,
    async getValue() {
      item.reads++;
      if (failNext) {
        failNext = false;
        throw new Error('storage read failed');
      }
      return value;
    },
    async setValue(next) {
      value = next;
      for (const watcher of watchers) watcher(next);
    },
    watch(callback) {
      watchers.push(callback);
      return () => undefined;
    },
  };
  return { item, failOnce: () => (failNext = true), changeElsewhere: (next: T) => item.setValue(next) };
}

describe('memoryCached', () => {
  it('reads storage once, then serves memory, kept true by change events from any context', async () => {
    const { item, changeElsewhere } = fakeItem({ contoso: 'a' });
    const cached = memoryCached(item);
    await expect(cached.getValue()).resolves.toEqual({ contoso: 'a' });
    await expect(cached.getValue()).resolves.toEqual({ contoso: 'a' });
    expect(item.reads).toBe(1);
    await changeElsewhere({ contoso: 'b' });
    await expect(cached.getValue()).resolves.toEqual({ contoso: 'b' });
    await cached.setValue({ contoso: 'c' });
    await expect(cached.getValue()).resolves.toEqual({ contoso: 'c' });
    expect(item.reads).toBe(1);
  });

  it('does not keep a failed read: the next one asks storage again', async () => {
    const { item, failOnce } = fakeItem({ contoso: 'a' });
    const cached = memoryCached(item);
    failOnce();
    await expect(cached.getValue()).rejects.toThrow('storage read failed');
    await expect(cached.getValue()).resolves.toEqual({ contoso: 'a' });
    expect(item.reads).toBe(2);
  });
});
