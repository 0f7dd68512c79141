/**
 * Which of the sites the extension works with this browser doesn't let it reach. Firefox lets the user take host
 * access away at any time (about:addons → Permissions, or the extensions panel) and Chrome's site access can be
 * restricted too. Without the portal hosts no panel appears; without the Graph and login hosts requests still work,
 * over CORS, but each pays a preflight.
 *
 * Asking back needs no optional_host_permissions: Chrome lets an extension request a declared host the user withheld,
 * content-script matches included (permissions_api.cc, "withheld" hosts), and Firefox MV3 counts every declared origin,
 * content-script matches too, as optional (Extension.sys.mjs, manifestOptionalPermissions with originControls).
 * A national cloud's hosts are optional_host_permissions, asked for with `scripting` (utils/clouds.ts cloudAccess):
 * without both, its admin centers get no panel.
 */
import { browser } from 'wxt/browser';
import { type Cloud, cloudAccess } from '../clouds';

export interface HostAccessManifest {
  content_scripts?: { matches?: string[] }[];
  host_permissions?: string[];
}

interface PermissionsEvent {
  addListener(listener: () => void): void;
  removeListener(listener: () => void): void;
}

/** The slice of the browser's API this needs (browser.runtime and browser.permissions). */
export interface HostAccessApi {
  getManifest(): HostAccessManifest;
  contains(permissions: { origins: string[]; permissions?: string[] }): Promise<boolean>;
  request(permissions: { origins: string[]; permissions?: string[] }): Promise<boolean>;
  onAdded: PermissionsEvent;
  onRemoved: PermissionsEvent;
}

/** Match patterns, by what they are for. */
export interface HostGroups {
  /** Where the panel is shown: the content script's matches. */
  portal: string[];
  /** What the background talks to: host_permissions other than those. */
  services: string[];
}

/**
 * Read from the manifest, so the hosts are written down once (wxt.config.ts and the content script's matches), plus
 * the configured national cloud's (utils/clouds.ts).
 */
export function declaredHosts(manifest: HostAccessManifest, cloud?: Cloud): HostGroups {
  const national = cloud ? cloudAccess(cloud).origins : [];
  const nationalPortal = (cloud?.portalHosts ?? []).map((host) => `https://${host}/*`);
  const portal = [...new Set([...(manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []), ...nationalPortal])];
  const services = [...new Set([...(manifest.host_permissions ?? []), ...national])].filter(
    (pattern) => !portal.includes(pattern),
  );
  return { portal, services };
}

/** What to ask the browser for: the origins, and `scripting` with a national cloud's admin centers. */
export function accessRequest(origins: string[], cloud?: Cloud): { origins: string[]; permissions?: string[] } {
  const needsScripting = !!cloud && cloud.portalHosts.some((host) => origins.includes(`https://${host}/*`));
  return needsScripting ? { origins, permissions: cloudAccess(cloud).permissions } : { origins };
}

/** The declared hosts the browser doesn't grant right now. */
export async function missingHosts(api: HostAccessApi, cloud?: Cloud): Promise<HostGroups> {
  const { portal, services } = declaredHosts(api.getManifest(), cloud);
  // A browser that can't answer is taken at its word elsewhere: no notice rather than a wrong one.
  const granted = (pattern: string) => api.contains(accessRequest([pattern], cloud)).catch(() => true);
  const keepMissing = async (patterns: string[]) => {
    const answers = await Promise.all(patterns.map(granted));
    return patterns.filter((_, index) => !answers[index]);
  };
  const [missingPortal, missingServices] = await Promise.all([keepMissing(portal), keepMissing(services)]);
  return { portal: missingPortal, services: missingServices };
}

export function allHosts(groups: HostGroups): string[] {
  return [...groups.portal, ...groups.services];
}

/** "https://entra.microsoft.com/*" → "entra.microsoft.com". */
export function hostName(pattern: string): string {
  return /^[^:]+:\/\/([^/]+)/.exec(pattern)?.[1] ?? pattern;
}

/** Calls back whenever the browser grants or takes away a permission; returns the unsubscribe. */
export function watchHostAccess(api: HostAccessApi, changed: () => void): () => void {
  const listener = () => changed();
  api.onAdded.addListener(listener);
  api.onRemoved.addListener(listener);
  return () => {
    api.onAdded.removeListener(listener);
    api.onRemoved.removeListener(listener);
  };
}

/** The real one. request stays a direct call: the browser asks only inside the click that called it. */
export function browserHostAccess(): HostAccessApi {
  type Wanted = Parameters<typeof browser.permissions.request>[0];
  return {
    getManifest: () => browser.runtime.getManifest() as HostAccessManifest,
    contains: (permissions) => browser.permissions.contains(permissions as Wanted),
    request: (permissions) => browser.permissions.request(permissions as Wanted),
    onAdded: browser.permissions.onAdded,
    onRemoved: browser.permissions.onRemoved,
  };
}
