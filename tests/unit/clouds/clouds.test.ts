import { describe, expect, it } from 'vitest';
import {
  CLOUDS,
  cloudAccess,
  cloudOf,
  cloudsOfInstance,
  NATIONAL_CLOUD_ORIGINS,
  NATIONAL_PORTAL_MATCHES,
  scopeForCloud,
} from '@/utils/clouds';
import { PORTAL_HOSTS } from '@/utils/portal-hosts';

describe('clouds', () => {
  it.each([
    [undefined, 'global'],
    [{}, 'global'],
    [{ cloud: 'usGovL4' as const }, 'usGovL4'],
    [{ cloud: 'china' as const }, 'china'],
    [{ cloud: 'constructor' as never }, 'global'],
    [{ cloud: '__proto__' as never }, 'global'],
  ])('settings %o act in %s', (settings, name) => {
    expect(cloudOf(settings).name).toBe(name);
  });

  it.each([
    ['https://graph.microsoft.com/User.Read', CLOUDS.global, 'https://graph.microsoft.com/User.Read'],
    ['https://graph.microsoft.com/User.Read', CLOUDS.usGovL4, 'https://graph.microsoft.us/User.Read'],
    [
      'https://graph.microsoft.com/UserAuthMethod-TAP.ReadWrite.All',
      CLOUDS.usGovL5,
      'https://dod-graph.microsoft.us/UserAuthMethod-TAP.ReadWrite.All',
    ],
    ['https://GRAPH.microsoft.com/User.Read', CLOUDS.china, 'https://microsoftgraph.chinacloudapi.cn/User.Read'],
    ['openid', CLOUDS.usGovL4, 'openid'],
    ['offline_access', CLOUDS.china, 'offline_access'],
  ])('addresses %s to %o', (scope, cloud, expected) => {
    expect(scopeForCloud(scope, cloud)).toBe(expected);
  });

  it('issues passes through v1.0 except in the China cloud, where only beta offers them', () => {
    expect(Object.values(CLOUDS).map((cloud) => [cloud.name, cloud.graphVersion])).toEqual([
      ['global', 'v1.0'],
      ['usGovL4', 'v1.0'],
      ['usGovL5', 'v1.0'],
      ['china', 'beta'],
    ]);
  });

  it('asks for nothing worldwide, and for a national cloud its admin centers, sign-in and Graph hosts with scripting', () => {
    expect(cloudAccess(CLOUDS.global)).toEqual({ permissions: [], origins: [] });
    expect(cloudAccess(CLOUDS.usGovL4)).toEqual({
      permissions: ['scripting'],
      origins: [
        'https://entra.microsoft.us/*',
        'https://portal.azure.us/*',
        'https://intune.microsoft.us/*',
        'https://login.microsoftonline.us/*',
        'https://graph.microsoft.us/*',
      ],
    });
  });

  it('lists no worldwide host among the optional ones (those are granted at install)', () => {
    const worldwide = [...PORTAL_HOSTS, 'login.microsoftonline.com', 'graph.microsoft.com'].map((h) => `https://${h}/*`);
    expect(NATIONAL_CLOUD_ORIGINS.filter((origin) => worldwide.includes(origin))).toEqual([]);
    expect(NATIONAL_PORTAL_MATCHES.every((match) => NATIONAL_CLOUD_ORIGINS.includes(match))).toBe(true);
  });

  it('knows a cloud by the instance name its discovery document carries', () => {
    const names = (instance: string) => cloudsOfInstance(instance).map((cloud) => cloud.name);
    expect(names('microsoftonline.us')).toEqual(['usGovL4', 'usGovL5']);
    expect(names('MicrosoftOnline.com')).toEqual(['global']);
    expect(names('partner.microsoftonline.cn')).toEqual(['china']);
    expect(names('microsoftonline.de')).toEqual([]);
  });
});
