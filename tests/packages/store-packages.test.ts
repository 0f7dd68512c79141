/**
 * The store packages `npm run zip` writes (npm test runs it before this): one per store, named with the version, each
 * with the manifest that store accepts, and the same permissions everywhere but the one Firefox lacks (offscreen).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';

const OUTPUT = resolve(import.meta.dirname, '../../.output');
const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };
const packageOf = (store: string) => join(OUTPUT, `entra-tap-${version}-${store}.zip`);

async function manifestIn(store: string) {
  const zip = await JSZip.loadAsync(readFileSync(packageOf(store)));
  const file = zip.file('manifest.json');
  if (!file) throw new Error(`${store}: no manifest.json at the package root`);
  return JSON.parse(await file.async('string'));
}

describe('store packages', () => {
  it.each(['chrome', 'edge', 'firefox', 'sources'])('%s package is written, named with the version', (store) => {
    expect(existsSync(packageOf(store)), `${packageOf(store)} (run "npm run zip")`).toBe(true);
  });

  it('only the Chrome package pins its id with a key; the Edge store rejects one and Firefox uses its gecko id', async () => {
    expect(typeof (await manifestIn('chrome')).key).toBe('string');
    expect((await manifestIn('edge')).key).toBeUndefined();
    expect((await manifestIn('firefox')).key).toBeUndefined();
  });

  it('Firefox: MV3 with a gecko id, an honest minimum version and declared data collection (none)', async () => {
    const manifest = await manifestIn('firefox');
    expect(manifest.manifest_version).toBe(3);
    const gecko = manifest.browser_specific_settings?.gecko;
    expect(gecko.id).toMatch(/^[^@\s]+@[^@\s]+$/);
    expect(Number.parseFloat(gecko.strict_min_version)).toBeGreaterThanOrEqual(140);
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'] });
    expect(manifest.background.scripts).toEqual(['background.js']);
    expect(manifest.background.service_worker).toBeUndefined();
  });

  it('the same permissions, hosts, content script and exposed page in every package (Firefox has no offscreen)', async () => {
    const [chrome, edge, firefox] = await Promise.all(['chrome', 'edge', 'firefox'].map(manifestIn));
    const surface = (manifest: Record<string, unknown>, drop: string[] = []) => ({
      permissions: (manifest.permissions as string[]).filter((permission) => !drop.includes(permission)).sort(),
      host_permissions: manifest.host_permissions,
      optional_permissions: manifest.optional_permissions,
      optional_host_permissions: manifest.optional_host_permissions,
      content_scripts: manifest.content_scripts,
      web_accessible_resources: manifest.web_accessible_resources,
      version: manifest.version,
    });
    expect(surface(edge)).toEqual(surface(chrome));
    expect(surface(firefox)).toEqual(surface(chrome, ['offscreen']));
    expect(chrome.permissions).toContain('offscreen');
    expect(firefox.permissions).not.toContain('offscreen');
  });

  // Written out (as in tests/e2e/manifest.e2e.test.ts): the worldwide admin centers where the panel appears, nothing more.
  it.each(['chrome', 'edge', 'firefox'])(
    '%s: the panel on exactly the admin center hosts, host access only to Graph and login (national clouds optional)',
    async (store) => {
      const manifest = await manifestIn(store);
      const portals = [
        'https://entra.microsoft.com/*',
        'https://portal.azure.com/*',
        'https://intune.microsoft.com/*',
        'https://admin.microsoft.com/*',
        'https://admin.cloud.microsoft/*',
      ];
      // WXT sorts a content script's matches.
      expect(manifest.content_scripts.map((script: { matches: string[] }) => [...script.matches].sort())).toEqual([
        [...portals].sort(),
      ]);
      // The national clouds' admin centers may frame the panel (that grants nothing); their hosts are optional only.
      const nationalPortals = [
        'https://entra.microsoft.us/*',
        'https://portal.azure.us/*',
        'https://intune.microsoft.us/*',
        'https://entra.microsoftonline.cn/*',
        'https://portal.azure.cn/*',
      ];
      expect(manifest.web_accessible_resources).toEqual([
        { resources: ['panel.html'], matches: [...portals, ...nationalPortals] },
      ]);
      expect([...manifest.host_permissions].sort()).toEqual([
        'https://graph.microsoft.com/*',
        'https://login.microsoftonline.com/*',
      ]);
      expect(manifest.optional_permissions).toEqual(['scripting']);
      expect([...manifest.optional_host_permissions].sort()).toEqual(
        [
          ...nationalPortals,
          'https://login.microsoftonline.us/*',
          'https://graph.microsoft.us/*',
          'https://dod-graph.microsoft.us/*',
          'https://login.chinacloudapi.cn/*',
          'https://microsoftgraph.chinacloudapi.cn/*',
        ].sort(),
      );
    },
  );

  // Written out: the shortcut the panel and its tab name (Alt+Shift+P), the same in every store. Not Alt+Shift+T, which
  // Chromium keeps for "focus the toolbar"; a Mac's key written out too (Alt is Option there), not left to the default.
  it.each(['chrome', 'edge', 'firefox'])('%s: one command, toggle-panel, suggested Alt+Shift+P (Mac too)', async (store) => {
    const manifest = await manifestIn(store);
    expect(manifest.commands).toEqual({
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+P', mac: 'Alt+Shift+P' },
        description: '__MSG_manifest_togglePanel__',
      },
    });
    expect(JSON.stringify(manifest.commands)).not.toContain('Alt+Shift+T');
    // The background listens for that name (a renamed command would do nothing when pressed).
    const zip = await JSZip.loadAsync(readFileSync(packageOf(store)));
    expect(await zip.file('background.js')?.async('string')).toContain('"toggle-panel"');
  });

  // The manifest's words come from the catalogue: every store gets every language, English the default.
  it.each(['chrome', 'edge', 'firefox'])('%s: the name, description and shortcut in all six languages', async (store) => {
    const manifest = await manifestIn(store);
    expect(manifest).toMatchObject({
      name: '__MSG_manifest_name__',
      description: '__MSG_manifest_description__',
      default_locale: 'en',
    });
    const zip = await JSZip.loadAsync(readFileSync(packageOf(store)));
    for (const code of ['en', 'de', 'es', 'fr', 'ja', 'pt_BR']) {
      const messages = JSON.parse((await zip.file(`_locales/${code}/messages.json`)?.async('string')) ?? '{}');
      expect(messages.manifest_name?.message, code).toBe('Entra TAP');
      expect(messages.manifest_description?.message, code).toBeTruthy();
      expect(messages.manifest_togglePanel?.message, code).toBeTruthy();
    }
    const english = JSON.parse((await zip.file('_locales/en/messages.json')?.async('string')) ?? '{}');
    expect(english.manifest_togglePanel.message).toBe('Show, go to or collapse the Temporary Access Pass panel');
  });
});
