import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness/extension-browser';

/**
 * Written out, not imported from utils/portal-hosts.ts: a host added there must be added here too, and argued for.
 * Entra and Intune admin centers, Azure portal, Microsoft 365 admin center (both hosts); worldwide cloud only.
 */
const PORTAL_HOSTS = [
  'https://entra.microsoft.com/*',
  'https://portal.azure.com/*',
  'https://intune.microsoft.com/*',
  'https://admin.microsoft.com/*',
  'https://admin.cloud.microsoft/*',
];

/**
 * The national clouds' admin centers (US Government: Entra, Azure portal, Intune; China: Entra, Azure portal), likewise
 * written out. Never granted at install: asked for when an admin chooses that cloud.
 */
const NATIONAL_PORTAL_HOSTS = [
  'https://entra.microsoft.us/*',
  'https://portal.azure.us/*',
  'https://intune.microsoft.us/*',
  'https://entra.microsoftonline.cn/*',
  'https://portal.azure.cn/*',
];

/** Their sign-in and Graph hosts (graph-docs deployments.md): GCC High and DoD share the sign-in host. */
const NATIONAL_SERVICE_HOSTS = [
  'https://login.microsoftonline.us/*',
  'https://graph.microsoft.us/*',
  'https://dod-graph.microsoft.us/*',
  'https://login.chinacloudapi.cn/*',
  'https://microsoftgraph.chinacloudapi.cn/*',
];

/** Least privilege, checked on the production build: a new permission or host must fail here and be argued for. */
describe('production manifest', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));

  it('asks for exactly the permissions the code explains', () => {
    expect(manifest.manifest_version).toBe(3);
    expect([...manifest.permissions].sort()).toEqual([
      'clipboardRead',
      'clipboardWrite',
      'contextMenus',
      'identity',
      'offscreen',
      'storage',
    ]);
    // Only for a national cloud: registering the content script on its admin centers once they are granted.
    expect(manifest.optional_permissions).toEqual(['scripting']);
  });

  it('has host access only to the Graph and login hosts, not to any page it runs on', () => {
    expect([...manifest.host_permissions].sort()).toEqual([
      'https://graph.microsoft.com/*',
      'https://login.microsoftonline.com/*',
    ]);
    // The national clouds' hosts, optional: nothing of them is granted at install.
    expect([...manifest.optional_host_permissions].sort()).toEqual([...NATIONAL_PORTAL_HOSTS, ...NATIONAL_SERVICE_HOSTS].sort());
    for (const pattern of manifest.optional_host_permissions) expect(manifest.host_permissions).not.toContain(pattern);
  });

  it('runs its content script only on the admin center hosts, top frame only', () => {
    expect(manifest.content_scripts).toHaveLength(1);
    // WXT sorts a content script's matches.
    expect([...manifest.content_scripts[0].matches].sort()).toEqual([...PORTAL_HOSTS].sort());
    // Nothing beyond those: no wildcard host, scheme or subdomain, and no Gov/China host granted at install.
    for (const pattern of manifest.content_scripts[0].matches) {
      expect(pattern).toMatch(/^https:\/\/[a-z.]+\/\*$/);
      expect(pattern).not.toMatch(/\.(?:us|cn)\/|\*\./);
    }
    expect(manifest.content_scripts[0].all_frames ?? false).toBe(false);
  });

  it('exposes only the panel page, and only to the admin center hosts (the national ones grant nothing by it)', () => {
    expect(manifest.web_accessible_resources).toEqual([
      { resources: ['panel.html'], matches: [...PORTAL_HOSTS, ...NATIONAL_PORTAL_HOSTS] },
    ]);
    for (const pattern of manifest.web_accessible_resources[0].matches) expect(pattern).toMatch(/^https:\/\/[a-z.]+\/\*$/);
  });

  it("declares the panel shortcut: toggle-panel, Alt+Shift+P (not Chromium's toolbar key Alt+Shift+T), Mac included", () => {
    expect(manifest.commands).toEqual({
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+P', mac: 'Alt+Shift+P' },
        description: '__MSG_manifest_togglePanel__',
      },
    });
    const english = JSON.parse(readFileSync(join(EXTENSION_DIR, '_locales/en/messages.json'), 'utf8'));
    expect(english.manifest_togglePanel.message).toBe('Show, go to or collapse the Temporary Access Pass panel');
    // The background's listener and the panel's hint name the same command and key.
    expect(readFileSync(join(EXTENSION_DIR, 'background.js'), 'utf8')).toContain('"toggle-panel"');
    expect(readFileSync(join(EXTENSION_DIR, 'content-scripts/entra.js'), 'utf8')).toContain('Alt+Shift+P');
  });

  it('keeps the default extension-page CSP (no remote code, no eval)', () => {
    expect(manifest.content_security_policy).toBeUndefined();
  });
});
