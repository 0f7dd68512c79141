/// <reference types="chrome" />
import { describe, expect, it } from 'vitest';
import { ADMINS, APP, TARGETS } from '../tenant/seed';
import type { Tenant } from '../tenant/server';
import { type ExtensionBrowser, stopServiceWorkers } from './harness/extension-browser';
import { completeSignIn, PANEL_HOST, panel, portalUserUrl } from './harness/session';
import { useExtensionSuite } from './harness/suite';

describe('foundation: configure, sign in, panel on user pages, popup, service-worker restart', () => {
  let tenant: Tenant;
  let browser: ExtensionBrowser;

  useExtensionSuite((started) => {
    ({ tenant, browser } = started);
  });

  it('asks for configuration until the options page is saved', async () => {
    const page = await browser.context.newPage();
    await page.goto(portalUserUrl(TARGETS.adele.id));
    // Not configured is known only once Chromium answers storage.managed (no policy either): its first answer after a
    // browser start takes seconds (utils/managed-config.ts), and this is the first view of a just-launched browser.
    await expect
      .poll(
        () =>
          panel(page)
            .getByText(/options/i)
            .first()
            .isVisible(),
        { timeout: 15_000 },
      )
      .toBe(true);

    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await options.getByLabel('Application (client) ID').fill('not a guid');
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => options.getByText(/GUID/i).first().isVisible()).toBe(true);

    await options.getByLabel('Application (client) ID').fill(APP.clientId);
    await options.getByLabel('Directory (tenant) ID').fill(APP.tenantDomain);
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => options.getByText('Saved').isVisible()).toBe(true);
    await options.getByText(`https://${browser.extensionId}.chromiumapp.org/`).first().waitFor();

    const worker = await browser.serviceWorker();
    const stored = await worker.evaluate(() => chrome.storage.local.get('entraSettings'));
    expect(stored.entraSettings).toEqual({ clientId: APP.clientId, tenantId: APP.tenantDomain });
    await options.close();
    await page.close();
  });

  it('signs in from the panel and shows the user from Graph inside the portal', async () => {
    const page = await browser.context.newPage();
    await page.goto(portalUserUrl(TARGETS.adele.id));
    const frame = panel(page);
    await frame.getByRole('button', { name: 'Sign in' }).waitFor();
    await completeSignIn(browser, () => frame.getByRole('button', { name: 'Sign in' }).click(), ADMINS.alex.displayName);
    await frame.getByText(TARGETS.adele.displayName).first().waitFor();
    await frame.getByText(TARGETS.adele.userPrincipalName).first().waitFor();
    expect(await page.locator(PANEL_HOST).isVisible()).toBe(true);
    await page.close();
  });

  it('follows navigation A → B → a page that is not a user page', async () => {
    const page = await browser.context.newPage();
    await page.goto(portalUserUrl(TARGETS.adele.id));
    await panel(page).getByText(TARGETS.adele.displayName).first().waitFor();

    await page.evaluate((url) => history.pushState(null, '', url), portalUserUrl(TARGETS.pradeep.id, 'UserAuthMethods'));
    await panel(page).getByText(TARGETS.pradeep.displayName).first().waitFor();
    await expect.poll(() => panel(page).getByText(TARGETS.adele.displayName).count()).toBe(0);

    await page.evaluate(() => {
      location.hash = '#view/Microsoft_AAD_UsersAndTenants/UserManagementMenuBlade/~/AllUsers';
    });
    await expect.poll(() => page.locator(PANEL_HOST).count()).toBe(0);
    await page.close();
  });

  it('shows the signed-in admin in the popup and signs out', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.getByText(ADMINS.alex.userPrincipalName).waitFor();
    await popup.getByRole('button', { name: 'Sign out' }).click();
    await popup.getByRole('button', { name: 'Sign in' }).waitFor();
    await completeSignIn(browser, () => popup.getByRole('button', { name: 'Sign in' }).click(), ADMINS.alex.displayName);
    await popup.getByText(ADMINS.alex.userPrincipalName).waitFor();
    await popup.close();
  });

  it('keeps the session across a service-worker restart without a new interactive sign-in', async () => {
    const page = await browser.context.newPage();
    await page.goto(portalUserUrl(TARGETS.adele.id));
    await panel(page).getByText(TARGETS.adele.displayName).first().waitFor();

    await stopServiceWorkers(page);
    tenant.control.clearLog();

    await page.reload();
    await panel(page).getByText(TARGETS.adele.displayName).first().waitFor();
    // The restarted worker rehydrates MSAL's cache from storage.session: no sign-in page, not even a token request.
    const loginCalls = tenant.control.requestLog().filter((entry) => entry.path.includes('/oauth2/v2.0/'));
    expect(loginCalls).toEqual([]);
    expect(tenant.control.requestLog().some((entry) => entry.path.includes('$batch'))).toBe(true);
    await page.close();
  });
});
