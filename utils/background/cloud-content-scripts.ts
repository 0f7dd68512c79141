/**
 * The panel in a national cloud's admin centers. Their hosts are optional permissions (wxt.config.ts), so the manifest's
 * content script can't list them: once the admin has granted the configured cloud's hosts and `scripting`, the same
 * content script is registered there at run time (persisted across browser restarts); it is taken away again when the
 * permission is withdrawn or another cloud is chosen. Worldwide needs nothing here: its hosts are in the manifest.
 */
import { type Cloud, cloudAccess } from '../clouds';

/** The slice of chrome.scripting this needs. */
export interface ScriptingApi {
  getRegisteredContentScripts(filter?: { ids?: string[] }): Promise<{ id: string; matches?: string[] }[]>;
  registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
  unregisterContentScripts(filter?: { ids?: string[] }): Promise<void>;
}

export interface RegisteredScript {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
}

export interface CloudScriptDeps {
  /** chrome.scripting, present only while `scripting` is granted. */
  scripting(): ScriptingApi | undefined;
  contains(permissions: { permissions: string[]; origins: string[] }): Promise<boolean>;
  /** The built content script's files, from the manifest (WXT names them). */
  contentScriptFiles(): string[];
}

const ID_PREFIX = 'national-cloud-';

/** Makes the registrations match the configured cloud and what the browser grants; returns the id registered, if any. */
export async function syncCloudContentScripts(cloud: Cloud, deps: CloudScriptDeps): Promise<string | null> {
  const scripting = deps.scripting();
  if (!scripting) return null; // nothing can be registered, so nothing is
  const access = cloudAccess(cloud);
  const wanted =
    cloud.name !== 'global' && deps.contentScriptFiles().length > 0 && (await deps.contains(access).catch(() => false))
      ? `${ID_PREFIX}${cloud.name}`
      : null;
  const matches = cloud.portalHosts.map((host) => `https://${host}/*`);
  // A registration from an older version with other hosts is replaced, not kept.
  const current = (script: { id: string; matches?: string[] }) =>
    script.id === wanted && script.matches?.length === matches.length && matches.every((m) => script.matches?.includes(m));
  const ours = (await scripting.getRegisteredContentScripts()).filter((script) => script.id.startsWith(ID_PREFIX));
  const stale = ours.filter((script) => !current(script)).map((script) => script.id);
  if (stale.length > 0) await scripting.unregisterContentScripts({ ids: stale });
  if (wanted && !ours.some(current)) {
    await scripting.registerContentScripts([
      {
        id: wanted,
        matches,
        js: deps.contentScriptFiles(),
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
  }
  return wanted;
}
