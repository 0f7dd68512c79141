import { PublicClientApplication } from '@azure/msal-browser';
import { browser } from 'wxt/browser';
import { probeAuthorize } from '../auth/authorize-probe';
import { accountObjectId, createAuthBroker } from '../auth/broker';
import { flushMsalStorage, installMsalShim, type SessionArea } from '../auth/msal-shim';
import { SIGN_IN_SCOPES } from '../auth/scopes';
import { createTenantIdResolver } from '../auth/tenant-id';
import { createBulkServices } from '../bulk-background/bulk-services';
import type { ClipboardWatch } from '../clipboard-ops';
import { cloudOf, graphBaseUrl } from '../clouds';
import {
  backgroundManagedLayer,
  effectiveHistorySettingsItem,
  effectivePreferencesItem,
  effectiveSettingsItem,
} from '../effective-settings';
import { createGraphClient } from '../graph/client';
import { createCloudGraph } from '../graph/cloud-graph';
import { loadPanelState } from '../graph/panel-state';
import { realWait } from '../graph/settle';
import { createHistory } from '../history/history';
import { openPanelWindow, panelWindowContent } from '../panel-window';
import { actingTenantItem, bindingsItem, historyItem, policyCacheItem, tenantIdsItem } from '../storage';
import { clipboardDelivery } from './clipboard-delivery';
import { createClipboardGuard, type OffscreenApi } from './clipboard-guard';
import { createFrameBindings } from './frame-bindings';
import { issueGuardItem } from './guard-store';
import { createIssueGuard } from './issue-guard';
import { memoryCached } from './memory-cached';
import { createPanelLoads } from './panel-loads';
import type { BackgroundServices } from './services';

const log = (message: string) => console.debug(`[entra-tap] ${message}`);

/** The real dependencies of the background, wired once. Call from main(), never at module top level. */
export function createServices(): BackgroundServices & { settingsChanged(): Promise<void> } {
  const sessionArea = browser.storage.session as unknown as SessionArea;
  // What the organisation's policy sets wins over what the options page saved (utils/managed-config.ts).
  const settings = memoryCached(effectiveSettingsItem);
  const policyStore = memoryCached(policyCacheItem);
  const broker = createAuthBroker({
    loadSettings: () => settings.getValue(),
    redirectUri: browser.identity.getRedirectURL(),
    launchWebAuthFlow: (details) =>
      browser.identity.launchWebAuthFlow(details as Parameters<typeof browser.identity.launchWebAuthFlow>[0]),
    createMsalClient: (config) => new PublicClientApplication(config),
    prepare: () => installMsalShim(sessionArea),
    flush: flushMsalStorage,
    wipe: async () => {
      (await installMsalShim(sessionArea)).clear();
      await flushMsalStorage();
    },
    tenantIds: createTenantIdResolver({
      fetch: (input, init) => fetch(input, init),
      // Read at every issue and revoke (the frame's tenant checked again): from memory, kept true by change events.
      store: memoryCached(tenantIdsItem),
      cloud: async () => cloudOf(await settings.getValue()),
    }),
    actingTenant: memoryCached(actingTenantItem),
    log,
  });
  const graph = createCloudGraph(
    async () => cloudOf(await settings.getValue()),
    (cloud) =>
      createGraphClient({
        getToken: (scopes, interactive, claims) => broker.getToken(scopes, { interactive, ...(claims && { claims }) }),
        defaultScopes: SIGN_IN_SCOPES,
        baseUrl: graphBaseUrl(cloud),
        version: cloud.graphVersion,
      }),
  );
  const guard = createIssueGuard(issueGuardItem);
  const frames = createFrameBindings(bindingsItem);
  const panelLoads = createPanelLoads({
    load: async (userRef) => {
      const account = await broker.account();
      return loadPanelState(userRef, {
        client: graph,
        policyStore,
        adminId: account ? accountObjectId(account) : null,
      });
    },
  });
  const bulk = createBulkServices(Date.now);
  const clipboard = createClipboardGuard({
    clearAfterSeconds: async () => (await effectivePreferencesItem.getValue()).clipboardClearSeconds,
    deliver: clipboardDelivery({
      offscreen: (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen,
      document: (globalThis as { document?: Document }).document,
      send: (watch: ClipboardWatch) => browser.runtime.sendMessage(watch),
      ping: () => browser.runtime.getPlatformInfo(),
    }),
  });
  const history = createHistory({
    store: historyItem,
    settings: () => effectiveHistorySettingsItem.getValue(),
    now: Date.now,
    newId: () => crypto.randomUUID(),
  });
  return {
    broker,
    graph,
    policyStore,
    guard,
    frames,
    panelLoads,
    bulk,
    clipboard,
    history,
    setup: {
      redirectUri: browser.identity.getRedirectURL(),
      probeAuthorize: (settings) =>
        probeAuthorize({ fetch: (input, init) => fetch(input, init), redirectUri: browser.identity.getRedirectURL() }, settings),
    },
    openPanelWindow: (request) => openPanelWindow(request),
    windowContent: (windowId, tabId) => panelWindowContent(windowId, tabId),
    organisation: async () => (await backgroundManagedLayer.get()).values,
    isOnline: () => navigator.onLine !== false,
    now: Date.now,
    wait: realWait,
    log,
    async settingsChanged() {
      await broker.settingsChanged();
      await policyStore.setValue(null);
      panelLoads.clear();
      bulk.shared.clear();
      await frames.forgetResolved();
      await guard.clear();
    },
  };
}
