import { describe, expect, it, vi } from 'vitest';
import { createTenantIdResolver } from '@/utils/auth/tenant-id';
import { CLOUDS } from '@/utils/clouds';

const GOV_ID = '4a4a4a4a-0000-4000-8000-00000000a001';

function memoryStore() {
  let value: Record<string, string> = {};
  return {
    getValue: async () => value,
    setValue: async (next: Record<string, string>) => {
      value = next;
    },
  };
}

const discovery = (issuerHost: string, instance: string) =>
  new Response(JSON.stringify({ issuer: `https://${issuerHost}/${GOV_ID}/v2.0`, cloud_instance_name: instance }), {
    status: 200,
  });

describe('tenant ids through the configured cloud’s OpenID discovery', () => {
  it('asks the cloud’s own sign-in host and keeps the answer', async () => {
    const fetch = vi.fn(async () => discovery('login.microsoftonline.us', 'microsoftonline.us'));
    const resolver = createTenantIdResolver({ fetch, store: memoryStore(), cloud: async () => CLOUDS.usGovL4 });
    expect(await resolver.resolve('ContosoGov.onmicrosoft.us')).toBe(GOV_ID);
    expect(fetch).toHaveBeenCalledWith(
      'https://login.microsoftonline.us/contosogov.onmicrosoft.us/v2.0/.well-known/openid-configuration',
    );
    expect(await resolver.resolve('contosogov.onmicrosoft.us')).toBe(GOV_ID);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('names the cloud a directory of another cloud lives in, and remembers nothing', async () => {
    const store = memoryStore();
    const fetch = vi.fn(async () => discovery('login.microsoftonline.us', 'microsoftonline.us'));
    const resolver = createTenantIdResolver({ fetch, store, cloud: async () => CLOUDS.global });
    await expect(resolver.resolve('contosogov.onmicrosoft.us')).rejects.toThrow(
      'contosogov.onmicrosoft.us is a directory in the US Government (GCC High) or US Government (DoD) cloud, not Worldwide: choose US Government (GCC High) or US Government (DoD) under Microsoft cloud in the extension’s options.',
    );
    expect(await store.getValue()).toEqual({});
  });

  it('says so for a cloud it doesn’t know', async () => {
    const fetch = vi.fn(async () => discovery('login.microsoftonline.de', 'microsoftonline.de'));
    const resolver = createTenantIdResolver({ fetch, store: memoryStore(), cloud: async () => CLOUDS.global });
    await expect(resolver.resolve('contoso.de')).rejects.toThrow(/another Microsoft cloud \(microsoftonline\.de\)/);
  });
});
