import { defineConfig } from 'wxt';
import { NATIONAL_CLOUD_ORIGINS, NATIONAL_PORTAL_MATCHES } from './utils/clouds';
import { PORTAL_MATCHES } from './utils/portal-hosts';
import { PANEL_SHORTCUT } from './utils/shortcut';

// Development key: pins the extension id (bjppmkdmnkjkahflgkhdahmcejhldfnh) and so the redirect URI
// https://bjppmkdmnkjkahflgkhdahmcejhldfnh.chromiumapp.org/ that the app registration lists.
// A publisher removes it (or sets WXT_MANIFEST_KEY to their own public key): the store assigns the id.
const DEV_MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA4JGvaCcxK2Y5VMRV1+l9LS0ZAOBIKrFq8vTScp7ydVTNW52wK9ytd4MbJ/xplUmZrEyu8oDm/o/0oAu5qgwXQDo1OaTKl060W8dEI0TTW22Zm4qtQVY71LLIUIvEFdYv0aCcvOrwiOzntkcB5DTESaw5zwvvVPAg+U14x2/skFx5RGyhFDZbiUMNG1KNQYUc3R1Rx9F5kO7YmOK9T7ZK/QF47kTDotWMhOGmnHCBwYfmrygWBwwtRCU6hzkcLx4pU7ACf20x7JA5ymUrH9A6yFH3n0o6E5V4/Y90sziBmwVeZggDsIf7GdDotxz+RIXyzA1D2S3azpuVq+ZYWc1G/wIDAQAB';

/**
 * Firefox's add-on id: stable, so its redirect URI https://<sha1(id)>.extensions.allizom.org/ stays the same. Publishers
 * set WXT_GECKO_ID to their own.
 */
const DEV_GECKO_ID = 'entra-tap@example.invalid';

export default defineConfig({
  manifestVersion: 3,
  // i18n: the message catalogue in locales/*.yml, compiled to _locales/*/messages.json (the manifest's words too).
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  manifest: ({ browser }) => ({
    name: '__MSG_manifest_name__',
    description: '__MSG_manifest_description__',
    default_locale: 'en',
    // Only Chrome takes the pinned key: the Edge store rejects a manifest key and Firefox ignores it (it has its gecko id).
    ...(browser === 'chrome' && { key: process.env.WXT_MANIFEST_KEY ?? DEV_MANIFEST_KEY }),
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: process.env.WXT_GECKO_ID ?? DEV_GECKO_ID,
          // data_collection_permissions is read from Firefox 140; storage.session, MV3 host permissions and
          // identity.launchWebAuthFlow are older.
          strict_min_version: '140.0',
          // The extension sends nothing anywhere but to Microsoft Entra and Graph on the admin's behalf.
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
    // The keys an organisation may set by browser policy (storage.managed; docs/deploy.md). Chromium checks the policy's
    // types against it and drops what doesn't match; Firefox reads policies.json "3rdparty" without a schema. Types only:
    // utils/managed-config.ts checks each value's shape, so a bad one is named on the options page in every browser.
    storage: { managed_schema: 'managed_schema.json' },
    permissions: [
      // storage: settings (local) and the MSAL token cache (session, never readable by content scripts).
      'storage',
      // identity: launchWebAuthFlow, the only way to run the Entra sign-in from a service worker.
      'identity',
      // contextMenus: "Issue / check Temporary Access Pass" on a selected or linked user principal name.
      'contextMenus',
      // offscreen (Chromium): a document that outlives the idle service worker and can reach the clipboard without focus,
      // to clear a copied pass after the admin's delay (reason CLIPBOARD). Firefox has no offscreen documents.
      ...(browser === 'firefox' ? [] : ['offscreen']),
      // clipboardRead: that document reads the clipboard to clear it only if it still holds the pass (compared by digest);
      // without it, clearing would wipe whatever the admin copied since.
      'clipboardRead',
      // clipboardWrite: it then empties the clipboard without a click (execCommand needs it outside a user gesture).
      'clipboardWrite',
    ],
    // The panel's shortcut: shows, focuses or folds the portal panel (changeable at chrome://extensions/shortcuts).
    // Not Alt+Shift+T: Chromium keeps that for "focus the toolbar". On a Mac, Alt is Option: written out, so a Mac's key
    // is a choice and not a fallback.
    commands: {
      'toggle-panel': {
        suggested_key: { default: PANEL_SHORTCUT, mac: PANEL_SHORTCUT },
        description: '__MSG_manifest_togglePanel__',
      },
    },
    // Graph and login hosts: with host permission the background's requests skip the CORS preflight that
    // every Authorization header otherwise costs (measured: click to pass 2.3-2.5 x latency without, 1.43 x with).
    host_permissions: ['https://graph.microsoft.com/*', 'https://login.microsoftonline.com/*'],
    // The US Government and China clouds' admin centers, sign-in and Graph hosts: asked for only when an admin chooses
    // that cloud on the options page (utils/clouds.ts cloudAccess), never at install; most admins never need them.
    optional_host_permissions: NATIONAL_CLOUD_ORIGINS,
    // scripting: registers the content script on those admin centers once they are granted
    // (utils/background/cloud-content-scripts.ts); a manifest match would grant the hosts at install.
    optional_permissions: ['scripting'],
    // The panel is framed by the content script on the portal hosts only (utils/portal-hosts.ts: the Entra and Intune
    // admin centers, the Azure portal, the Microsoft 365 admin center on both its hosts; utils/clouds.ts for the
    // national clouds); no other site can load it.
    // No use_dynamic_url: the frame's origin must stay the extension's, which the content script checks on
    // every message it accepts (and the id is pinned by the key anyway).
    // The national clouds' admin centers are listed too (a web-accessible resource grants nothing): the panel is framed
    // there only where the admin granted the hosts and the content script was registered.
    web_accessible_resources: [{ resources: ['panel.html'], matches: [...PORTAL_MATCHES, ...NATIONAL_PORTAL_MATCHES] }],
  }),
  hooks: {
    // The polyfill module aliases `wxt/browser` to webextension-polyfill for every entrypoint. Only the background
    // needs it (its onMessage listener answers by returning a promise). The content script and the pages call
    // promise-returning MV3 APIs that chrome.* (and Firefox's browser.*) offer as they are, so their builds resolve
    // `wxt/browser` to WXT's own thin `browser` again: ~10 KB less to parse on every panel a navigation mounts.
    'vite:build:extendConfig'(entrypoints, config) {
      if (entrypoints.some((entrypoint) => entrypoint.type === 'background')) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias) && config.resolve) {
        config.resolve.alias = alias.filter((entry: { find: unknown }) => entry.find !== 'wxt/browser');
      } else if (alias && typeof alias === 'object') {
        delete (alias as Record<string, string>)['wxt/browser'];
      }
    },
  },
});
