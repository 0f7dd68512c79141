import { describe, expect, it } from 'vitest';
import { createWriteThroughStorage, flushMsalStorage, hydrate, type SessionArea } from '@/utils/auth/msal-shim';

function memoryArea(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = { ...initial };
  const area: SessionArea = {
    get: async () => ({ ...data }),
    set: async (items) => {
      Object.assign(data, items);
    },
    remove: async (keys) => {
      for (const k of [keys].flat()) delete data[k];
    },
  };
  return { area, data };
}

describe('MSAL sessionStorage shim', () => {
  it('writes through to storage.session under the msal.ss: prefix', async () => {
    const { area, data } = memoryArea({ other: 'x' });
    const store = createWriteThroughStorage(area);
    store.setItem('msal.account.keys', '["a"]');
    await flushMsalStorage();
    expect(data['msal.ss:msal.account.keys']).toBe('["a"]');
    expect(store.getItem('msal.account.keys')).toBe('["a"]');
    expect(Object.keys(store)).toEqual(['msal.account.keys']);
    expect(store.length).toBe(1);
    store.removeItem('msal.account.keys');
    await flushMsalStorage();
    expect(data).toEqual({ other: 'x' });
  });

  it('hydrates from an earlier worker instance and clear() removes only its keys', async () => {
    const { area, data } = memoryArea({ 'msal.ss:k1': 'v1', 'msal.ss:k2': 'v2', tapPolicyCache: '{}' });
    const store = createWriteThroughStorage(area);
    await hydrate(store, area);
    expect(store.getItem('k1')).toBe('v1');
    expect(Object.hasOwn(store, 'k2')).toBe(true);
    expect(store.getItem('tapPolicyCache')).toBeNull();
    store.clear();
    await flushMsalStorage();
    expect(data).toEqual({ tapPolicyCache: '{}' });
  });
});
