import { describe, expect, it, vi } from 'vitest';
import { CLOUDS } from '@/utils/clouds';
import { accessRequest, allHosts, declaredHosts, hostName, missingHosts, watchHostAccess } from '@/utils/ui/host-access';
import { missingSentences } from '@/utils/ui/host-access-words';
import { AZURE, ENTRA, fakeHostAccess, GRAPH, LOGIN, MANIFEST } from './fake-host-access';

describe('declaredHosts: read from the manifest, one source of truth', () => {
  it('portal hosts are the content script’s matches; the services are the other host permissions', () => {
    expect(declaredHosts(MANIFEST)).toEqual({ portal: [ENTRA, AZURE], services: [GRAPH, LOGIN] });
  });

  it('a host in both counts once, as a portal host; a manifest without either needs nothing', () => {
    const manifest = {
      content_scripts: [{ matches: [ENTRA] }, { matches: [ENTRA, AZURE] }],
      host_permissions: [AZURE, GRAPH],
    };
    expect(declaredHosts(manifest)).toEqual({ portal: [ENTRA, AZURE], services: [GRAPH] });
    expect(declaredHosts({})).toEqual({ portal: [], services: [] });
  });
});

describe('missingHosts', () => {
  it('nothing when the browser grants every declared host', async () => {
    const { api } = fakeHostAccess();
    expect(await missingHosts(api)).toEqual({ portal: [], services: [] });
  });

  it('names exactly the hosts the browser took away, by group', async () => {
    const { api } = fakeHostAccess([ENTRA, LOGIN]);
    const missing = await missingHosts(api);
    expect(missing).toEqual({ portal: [AZURE], services: [GRAPH] });
    expect(allHosts(missing)).toEqual([AZURE, GRAPH]);
    // One question per host: a grant of one of them says nothing about the other.
    expect(api.contains).toHaveBeenCalledWith({ origins: [AZURE] });
  });

  it('a browser that can’t answer is not taken to have refused', async () => {
    const { api } = fakeHostAccess([]);
    vi.mocked(api.contains).mockRejectedValue(new Error('no'));
    expect(await missingHosts(api)).toEqual({ portal: [], services: [] });
  });
});

describe('the words', () => {
  it('say what is missing and what it costs, naming the hosts as an admin knows them', () => {
    expect(hostName(ENTRA)).toBe('entra.microsoft.com');
    expect(missingSentences({ portal: [ENTRA, AZURE], services: [] })).toEqual([
      'Entra TAP can’t show its panel on entra.microsoft.com and portal.azure.com: this browser hasn’t given it access to those sites.',
    ]);
    expect(missingSentences({ portal: [AZURE], services: [GRAPH, LOGIN] })).toEqual([
      'Entra TAP can’t show its panel on portal.azure.com: this browser hasn’t given it access to that site.',
      'Without access to graph.microsoft.com and login.microsoftonline.com, Entra TAP still works, but every step takes longer.',
    ]);
    expect(missingSentences({ portal: [], services: [] })).toEqual([]);
  });
});

describe('watchHostAccess', () => {
  it('hears grants and removals until unsubscribed', () => {
    const fake = fakeHostAccess();
    const changed = vi.fn();
    const stop = watchHostAccess(fake.api, changed);
    fake.revoke(AZURE);
    fake.grant(AZURE);
    expect(changed).toHaveBeenCalledTimes(2);
    stop();
    expect(fake.listeners()).toBe(0);
    fake.revoke(AZURE);
    expect(changed).toHaveBeenCalledTimes(2);
  });
});

describe('site access in a national cloud', () => {
  it('checks the cloud’s admin centers with scripting, and its sign-in and Graph hosts, and asks for them together', async () => {
    const groups = declaredHosts(MANIFEST, CLOUDS.usGovL4);
    expect(groups.portal).toEqual([
      ENTRA,
      AZURE,
      'https://entra.microsoft.us/*',
      'https://portal.azure.us/*',
      'https://intune.microsoft.us/*',
    ]);
    expect(groups.services).toEqual([GRAPH, LOGIN, 'https://login.microsoftonline.us/*', 'https://graph.microsoft.us/*']);
    const fake = fakeHostAccess();
    const missing = await missingHosts(fake.api, CLOUDS.usGovL4);
    expect(missing.portal).toEqual([
      'https://entra.microsoft.us/*',
      'https://portal.azure.us/*',
      'https://intune.microsoft.us/*',
    ]);
    expect(fake.api.contains).toHaveBeenCalledWith({ origins: ['https://entra.microsoft.us/*'], permissions: ['scripting'] });
    expect(fake.api.contains).toHaveBeenCalledWith({ origins: ['https://graph.microsoft.us/*'] });
    expect(accessRequest(['https://graph.microsoft.us/*'], CLOUDS.usGovL4)).toEqual({
      origins: ['https://graph.microsoft.us/*'],
    });
    expect(accessRequest(['https://portal.azure.us/*'], CLOUDS.usGovL4)).toEqual({
      origins: ['https://portal.azure.us/*'],
      permissions: ['scripting'],
    });
  });
});
