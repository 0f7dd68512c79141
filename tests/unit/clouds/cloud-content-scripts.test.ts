import { describe, expect, it, vi } from 'vitest';
import { type RegisteredScript, type ScriptingApi, syncCloudContentScripts } from '@/utils/background/cloud-content-scripts';
import { CLOUDS } from '@/utils/clouds';

function fakeScripting(initial: { id: string; matches?: string[] }[] = []) {
  let registered = [...initial];
  const api: ScriptingApi = {
    getRegisteredContentScripts: vi.fn(async () => registered),
    registerContentScripts: vi.fn(async (scripts: RegisteredScript[]) => {
      registered = [...registered, ...scripts];
    }),
    unregisterContentScripts: vi.fn(async (filter?: { ids?: string[] }) => {
      registered = registered.filter((script) => !filter?.ids?.includes(script.id));
    }),
  };
  return { api, registered: () => registered.map((script) => script.id) };
}

const deps = (scripting: ScriptingApi | undefined, granted: boolean) => ({
  scripting: () => scripting,
  contains: vi.fn(async () => granted),
  contentScriptFiles: () => ['content-scripts/entra.js'],
});

describe('the content script in a national cloud', () => {
  it('is registered on the configured cloud’s admin centers once the browser grants them', async () => {
    const scripting = fakeScripting();
    const sync = deps(scripting.api, true);
    expect(await syncCloudContentScripts(CLOUDS.usGovL4, sync)).toBe('national-cloud-usGovL4');
    expect(scripting.api.registerContentScripts).toHaveBeenCalledWith([
      {
        id: 'national-cloud-usGovL4',
        matches: ['https://entra.microsoft.us/*', 'https://portal.azure.us/*', 'https://intune.microsoft.us/*'],
        js: ['content-scripts/entra.js'],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
    expect(sync.contains).toHaveBeenCalledWith(expect.objectContaining({ permissions: ['scripting'] }));
    // Again: already there, nothing registered twice.
    await syncCloudContentScripts(CLOUDS.usGovL4, sync);
    expect(scripting.api.registerContentScripts).toHaveBeenCalledTimes(1);
  });

  it('is not registered while the hosts are withheld, and goes when they are withdrawn', async () => {
    const scripting = fakeScripting([
      { id: 'national-cloud-usGovL4', matches: CLOUDS.usGovL4.portalHosts.map((h) => `https://${h}/*`) },
    ]);
    expect(await syncCloudContentScripts(CLOUDS.usGovL4, deps(scripting.api, false))).toBeNull();
    expect(scripting.registered()).toEqual([]);
  });

  it('moves to another cloud, and goes entirely worldwide', async () => {
    const scripting = fakeScripting();
    await syncCloudContentScripts(CLOUDS.usGovL4, deps(scripting.api, true));
    await syncCloudContentScripts(CLOUDS.china, deps(scripting.api, true));
    expect(scripting.registered()).toEqual(['national-cloud-china']);
    await syncCloudContentScripts(CLOUDS.global, deps(scripting.api, true));
    expect(scripting.registered()).toEqual([]);
  });

  it('replaces a registration an older version made with other hosts', async () => {
    const scripting = fakeScripting([{ id: 'national-cloud-usGovL4', matches: ['https://entra.microsoft.us/*'] }]);
    await syncCloudContentScripts(CLOUDS.usGovL4, deps(scripting.api, true));
    expect(scripting.api.unregisterContentScripts).toHaveBeenCalledWith({ ids: ['national-cloud-usGovL4'] });
    expect(scripting.registered()).toEqual(['national-cloud-usGovL4']);
  });

  it('leaves other registrations alone and does nothing without scripting', async () => {
    const scripting = fakeScripting([{ id: 'something-else' }]);
    await syncCloudContentScripts(CLOUDS.global, deps(scripting.api, true));
    expect(scripting.registered()).toEqual(['something-else']);
    expect(await syncCloudContentScripts(CLOUDS.usGovL4, deps(undefined, true))).toBeNull();
  });
});
