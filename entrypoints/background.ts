import { browser } from 'wxt/browser';
import { type ScriptingApi, syncCloudContentScripts } from '@/utils/background/cloud-content-scripts';
import { createServices } from '@/utils/background/create-services';
import { createDispatcher } from '@/utils/background/dispatcher';
import { openSetupOnFirstInstall } from '@/utils/background/first-run';
import { answerRequestPort } from '@/utils/background/request-port';
import { cloudOf } from '@/utils/clouds';
import { setupContextMenus } from '@/utils/context-menu';
import { effectiveHistorySettingsItem, effectiveSettingsItem } from '@/utils/effective-settings';
import { TOGGLE_PANEL } from '@/utils/frame-protocol';
import { openNoticeWindow, openPanelWindow, watchPanelWindows } from '@/utils/panel-window';
import { policyCacheItem } from '@/utils/storage';

export default defineBackground(() => {
  const services = createServices();
  const dispatch = createDispatcher(services, { id: browser.runtime.id, pagesBaseUrl: browser.runtime.getURL('/') });

  // Registered synchronously so a restarted service worker gets the message that woke it.
  // Returning a promise answers (the polyfill); undefined leaves messages that aren't ours to other listeners.
  browser.runtime.onMessage.addListener((message, sender) => dispatch(message, sender));
  // The extension's pages send their requests on a port (utils/request-channel.ts), judged by the same dispatcher.
  browser.runtime.onConnect.addListener((port) => answerRequestPort(port, dispatch));

  // The panel in the configured national cloud's admin centers, once the browser grants them (and again on any change).
  // One at a time: a grant and the Save that follows it arrive together, and an older pass must not undo a newer one.
  let cloudSyncs: Promise<void> = Promise.resolve();
  const syncCloud = () => {
    cloudSyncs = cloudSyncs.then(syncCloudOnce);
    return cloudSyncs;
  };
  const syncCloudOnce = async () => {
    await syncCloudContentScripts(cloudOf(await effectiveSettingsItem.getValue()), {
      // Read each time: the namespace appears only once `scripting` is granted.
      scripting: () => (globalThis as { chrome?: { scripting?: ScriptingApi } }).chrome?.scripting,
      contains: (permissions) => browser.permissions.contains(permissions as Parameters<typeof browser.permissions.contains>[0]),
      contentScriptFiles: () => browser.runtime.getManifest().content_scripts?.[0]?.js ?? [],
    }).catch((e: unknown) => console.warn('[entra-tap] national-cloud content script:', e));
  };
  browser.permissions.onAdded.addListener(() => void syncCloud());
  browser.permissions.onRemoved.addListener(() => void syncCloud());
  void syncCloud();

  // The app registration changed, saved on the options page or set by the organisation's policy (managed ∘ local).
  effectiveSettingsItem.watch(() => {
    void services.settingsChanged();
    void syncCloud();
  });
  // The history keeps only what its settings allow (saved on the options page or set by the organisation): at each start,
  // since days go by while nothing is recorded, and at once when a setting gets stricter.
  const pruneHistory = () => void services.history.prune().catch(() => services.log('history: could not be pruned'));
  pruneHistory();
  effectiveHistorySettingsItem.watch(pruneHistory);
  // Shared first views embed the policy: when its cached copy is dropped (refused, signed out, cleared), so are they.
  policyCacheItem.watch((policy) => {
    if (policy === null) services.panelLoads.clear();
  });
  // A closed tab's frame tickets die with it (tabs.onRemoved needs no permission).
  browser.tabs.onRemoved.addListener((tabId) => {
    void services.frames.forgetTab(tabId);
    services.panelLoads.forgetTab(tabId);
  });

  // The shortcut (manifest "commands"): relayed to the content script of the tab it was pressed in.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-panel' || tab?.id === undefined) return;
    browser.tabs.sendMessage(tab.id, { type: TOGGLE_PANEL }).catch(() => undefined); // no content script there
  });

  setupContextMenus({ openPanelWindow, openNoticeWindow });
  openSetupOnFirstInstall(browser.runtime, async () => (await effectiveSettingsItem.getValue()) !== null);
  watchPanelWindows();
});
