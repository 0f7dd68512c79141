import { PublicClientApplication } from '@azure/msal-browser';
import { browser } from 'wxt/browser';
import { createAuthBroker } from '../auth/broker';
import { flushMsalStorage, installMsalShim, type SessionArea } from '../auth/msal-shim';
import { SIGN_IN_SCOPES } from '../auth/scopes';
import { createGraphClient } from '../graph/client';
import { openPanelWindow } from '../panel-window';
import { policyCacheItem, settingsItem } from '../storage';
import { issueGuardItem } from './guard-store';
import { createIssueGuard } from './issue-guard';
import type { BackgroundServices } from './services';

const log = (message: string) => console.debug(`[entra-tap] ${message}`);

/** The real dependencies of the background, wired once. Call from main(), never at module top level. */
export function createServices(): BackgroundServices & { settingsChanged(): Promise<void> } {
  const sessionArea = browser.storage.session as unknown as SessionArea;
  const broker = createAuthBroker({
    loadSettings: () => settingsItem.getValue(),
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
    log,
  });
  const graph = createGraphClient({
    getToken: (scopes, interactive) => broker.getToken(scopes, { interactive }),
    defaultScopes: SIGN_IN_SCOPES,
  });
  const guard = createIssueGuard(issueGuardItem);
  return {
    broker,
    graph,
    policyStore: policyCacheItem,
    guard,
    openPanelWindow: (request) => openPanelWindow(request),
    isOnline: () => navigator.onLine !== false,
    now: Date.now,
    log,
    async settingsChanged() {
      await broker.settingsChanged();
      await policyCacheItem.setValue(null);
      await guard.clear();
    },
  };
}
