/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser';

export { currentPanelFrame, type PanelFrame, panel } from './panel-frame';

/** The element the content script mounts on user pages; its panel frame sits in a closed shadow root inside it. */
export const PANEL_HOST = 'entra-tap-panel';

/** A user's page on a portal-framework host: the Entra admin center, the Azure portal, or Intune (which reuses the blade). */
export function portalUserUrl(
  userId: string,
  blade: 'overview' | 'UserAuthMethods' | 'Devices' = 'overview',
  host: 'entra.microsoft.com' | 'portal.azure.com' | 'intune.microsoft.com' = 'entra.microsoft.com',
) {
  return `https://${host}/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/${blade}/userId/${userId}/hidePreviewBanner~/true`;
}

/**
 * A user's details page (flyout) in the Microsoft 365 admin center, by object id or UPN: on either host, at `/` or at
 * the older `/Adminportal/Home`, optionally on a tab.
 */
export function m365UserUrl(
  userRef: string,
  {
    host = 'admin.microsoft.com',
    path = '/',
    tab,
  }: { host?: 'admin.microsoft.com' | 'admin.cloud.microsoft'; path?: '/' | '/Adminportal/Home'; tab?: string } = {},
) {
  return `https://${host}${path}#/users/:/UserDetails/${userRef}${tab ? `/${tab}` : ''}`;
}

/** Writes the app registration the way the options page's Save does (storage.local, key of settingsItem). */
export async function configureExtension(
  browser: ExtensionBrowser,
  settings: { clientId: string; tenantId: string; cloud?: string },
) {
  const worker = await browser.serviceWorker();
  await worker.evaluate((value) => chrome.storage.local.set({ entraSettings: value }), settings);
}

/** Answers the simulated tenant's account picker (and consent page when asked) in the web-auth window. */
export async function completeSignIn(
  browser: ExtensionBrowser,
  trigger: () => Promise<void>,
  account: string,
  acceptConsent = true,
) {
  const authPage = browser.context.waitForEvent('page', {
    // Worldwide or US Government sign-in (login.microsoftonline.com / .us).
    predicate: (page) => /^https:\/\/login\.microsoftonline\.(?:com|us)\//.test(page.url()),
    timeout: 15_000,
  });
  await trigger();
  const page = await authPage;
  await clickIgnoringClose(page, page.getByRole('button', { name: account }));
  if (acceptConsent) {
    await page
      .getByRole('button', { name: 'Accept' })
      .click({ timeout: 1_500 })
      .catch(() => undefined);
  }
}

/** The auth window closes itself as soon as it reaches the redirect URI, which can reject a click. */
async function clickIgnoringClose(page: Page, locator: ReturnType<Page['getByRole']>) {
  await locator.click().catch((error: Error) => {
    if (!page.isClosed() && !/closed/i.test(error.message)) throw error;
  });
}
