/**
 * Microsoft clouds the extension works in, from Microsoft Graph "National cloud deployments" (graph-docs
 * deployments.md: sign-in and Graph root endpoints, the admin portals) and "Access national cloud deployments with the
 * Microsoft Graph SDKs" (scopes carry the cloud's Graph host). GCC (moderate) tenants sign in worldwide: "global".
 */
import { createI18n } from '@wxt-dev/i18n';
import type { GeneratedI18nStructure } from '#i18n';
import { PORTAL_HOSTS } from './portal-hosts';

// Not '#i18n' itself: wxt.config.ts loads this module (the national clouds' origins) before WXT's aliases exist, and
// outside a browser. The labels are read from the catalogue when shown, never at import.
const i18n = createI18n<GeneratedI18nStructure>();

export type CloudName = 'global' | 'usGovL4' | 'usGovL5' | 'china';

export interface Cloud {
  name: CloudName;
  /** What an admin calls it. */
  label: string;
  /** Sign-in host, used for the MSAL authority. */
  loginHost: string;
  /** Graph host; requests go to https://<graphHost>/<graphVersion>. */
  graphHost: string;
  /**
   * The Graph version the pass is issued through: v1.0 wherever the TAP APIs are offered in it. In the China cloud, as
   * issue 13 reads graph-docs' national-cloud availability tables, only beta offers them (not verified against a live
   * China tenant). US Government clouds offer beta too (beta pages' national-cloud include lists them), but v1.0 is the
   * stable contract there as worldwide.
   */
  graphVersion: 'v1.0' | 'beta';
  /** `cloud_instance_name` in this cloud's OpenID discovery: a directory whose document names another lives elsewhere. */
  instanceName: string;
  /** Entra admin center host, for deep links. */
  portalHost: string;
  /** Where the panel appears in this cloud: its Entra admin center, Azure portal and Intune admin center. */
  portalHosts: readonly string[];
}

export const CLOUDS: Readonly<Record<CloudName, Cloud>> = {
  global: {
    name: 'global',
    get label() {
      return i18n.t('background.clouds.global');
    },
    loginHost: 'login.microsoftonline.com',
    graphHost: 'graph.microsoft.com',
    graphVersion: 'v1.0',
    instanceName: 'microsoftonline.com',
    portalHost: 'entra.microsoft.com',
    // utils/portal-hosts.ts: granted at install (the Microsoft 365 admin center too).
    portalHosts: [],
  },
  usGovL4: {
    name: 'usGovL4',
    get label() {
      return i18n.t('background.clouds.usGovL4');
    },
    loginHost: 'login.microsoftonline.us',
    graphHost: 'graph.microsoft.us',
    graphVersion: 'v1.0',
    instanceName: 'microsoftonline.us',
    portalHost: 'entra.microsoft.us',
    portalHosts: ['entra.microsoft.us', 'portal.azure.us', 'intune.microsoft.us'],
  },
  usGovL5: {
    name: 'usGovL5',
    get label() {
      return i18n.t('background.clouds.usGovL5');
    },
    loginHost: 'login.microsoftonline.us',
    graphHost: 'dod-graph.microsoft.us',
    graphVersion: 'v1.0',
    instanceName: 'microsoftonline.us',
    portalHost: 'entra.microsoft.us',
    portalHosts: ['entra.microsoft.us', 'portal.azure.us', 'intune.microsoft.us'],
  },
  china: {
    name: 'china',
    get label() {
      return i18n.t('background.clouds.china');
    },
    // deployments.md's Entra endpoint for the China cloud (login.partner.microsoftonline.cn is the same service).
    loginHost: 'login.chinacloudapi.cn',
    graphHost: 'microsoftgraph.chinacloudapi.cn',
    graphVersion: 'beta',
    instanceName: 'partner.microsoftonline.cn',
    portalHost: 'entra.microsoftonline.cn',
    portalHosts: ['entra.microsoftonline.cn', 'portal.azure.cn'],
  },
};

export const CLOUD_NAMES = Object.keys(CLOUDS) as CloudName[];

export const isCloudName = (value: unknown): value is CloudName => typeof value === 'string' && Object.hasOwn(CLOUDS, value);

/** The cloud settings name; worldwide when they name none. */
export function cloudOf(settings: { cloud?: CloudName } | null | undefined): Cloud {
  return isCloudName(settings?.cloud) ? CLOUDS[settings.cloud] : CLOUDS.global;
}

/** The clouds whose OpenID discovery names this cloud_instance_name (both US Government ones share theirs). */
export function cloudsOfInstance(instanceName: string): Cloud[] {
  return Object.values(CLOUDS).filter((cloud) => cloud.instanceName === instanceName.toLowerCase());
}

/**
 * What a cloud other than worldwide needs from the browser, asked for when an admin chooses it (optional permissions,
 * not granted at install: most admins never work in these clouds). Its admin centers, for the panel (the content script
 * is registered there at run time, utils/background/cloud-content-scripts.ts, hence `scripting`), and its sign-in and
 * Graph hosts, so requests skip the CORS preflight as they do worldwide (wxt.config.ts host_permissions).
 */
export function cloudAccess(cloud: Cloud): { permissions: string[]; origins: string[] } {
  if (cloud.name === 'global') return { permissions: [], origins: [] };
  return {
    permissions: ['scripting'],
    origins: [...cloud.portalHosts, cloud.loginHost, cloud.graphHost].map((host) => `https://${host}/*`),
  };
}

/** Every origin any national cloud may ask for: the manifest's optional_host_permissions. */
export const NATIONAL_CLOUD_ORIGINS: string[] = [
  ...new Set(Object.values(CLOUDS).flatMap((cloud) => cloudAccess(cloud).origins)),
];

/** Where a portal of a national cloud may frame the panel (web_accessible_resources; not a permission). */
export const NATIONAL_PORTAL_MATCHES: string[] = [
  ...new Set(Object.values(CLOUDS).flatMap((cloud) => cloud.portalHosts.map((host) => `https://${host}/*`))),
];

/**
 * Whether a portal host is one of this cloud's admin centers, where its panel may act: worldwide, the hosts granted at
 * install (utils/portal-hosts.ts); another cloud, its own. A worldwide admin center never drives a Gov or China
 * directory, nor a national cloud's admin center the worldwide one.
 */
export function isPortalHostOf(host: string, cloud: Cloud): boolean {
  const hosts: readonly string[] = cloud.name === 'global' ? PORTAL_HOSTS : cloud.portalHosts;
  return hosts.includes(host.toLowerCase());
}

export const graphBaseUrl = (cloud: Cloud) => `https://${cloud.graphHost}`;
export const authorityFor = (tenantId: string, cloud: Cloud) => `https://${cloud.loginHost}/${tenantId}`;

/** A Graph scope for this cloud: the extension names scopes by the worldwide resource; other clouds need their own host. */
export function scopeForCloud(scope: string, cloud: Cloud): string {
  const worldwide = `https://${CLOUDS.global.graphHost}/`;
  return scope.toLowerCase().startsWith(worldwide) ? `https://${cloud.graphHost}/${scope.slice(worldwide.length)}` : scope;
}

/** Graph scopes are fully qualified with the Graph resource; the broker addresses them to the configured cloud. */
export const graphScope = (name: string) => `https://${CLOUDS.global.graphHost}/${name}`;
