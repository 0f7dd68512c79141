/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { APP, TARGETS } from '../tenant/seed';
import { axeFindings } from './harness/axe';
import { EXTENSION_ID, type ExtensionBrowser } from './harness/extension-browser';
import { openPanelWindowFor } from './harness/panel-window';
import { configureExtension, PANEL_HOST, panel, portalUserUrl } from './harness/session';
import { useExtensionSuite } from './harness/suite';

/** What chrome://extensions' site-access menu does; chrome.permissions.remove refuses required hosts. */
interface DeveloperPrivate {
  updateExtensionConfiguration(update: { extensionId: string; hostAccess: 'ON_CLICK' | 'ON_ALL_SITES' }): Promise<void>;
  addHostPermission(extensionId: string, host: string): Promise<void>;
}

/** The admin restricts site access and allows every host again except these. */
async function withholdOnly(browser: ExtensionBrowser, withheld: string[]): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(
    async ({ id, withheld }) => {
      const api = (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate;
      await api.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_CLICK' });
      const all = [
        'https://entra.microsoft.com/*',
        'https://portal.azure.com/*',
        'https://intune.microsoft.com/*',
        'https://admin.microsoft.com/*',
        'https://admin.cloud.microsoft/*',
        'https://graph.microsoft.com/*',
        'https://login.microsoftonline.com/*',
      ];
      for (const host of all.filter((host) => !withheld.includes(host))) await api.addHostPermission(id, host);
    },
    { id: EXTENSION_ID, withheld },
  );
  await page.close();
}

async function allowAllSites(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(async (id) => {
    const api = (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate;
    await api.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_ALL_SITES' });
  }, EXTENSION_ID);
  await page.close();
}

const notice = (page: Page) => page.getByRole('region', { name: 'Site access' });

describe('site access: the pages say when the browser keeps the extension from the portal', () => {
  let browser: ExtensionBrowser;

  useExtensionSuite((started) => {
    ({ browser } = started);
  });

  it('options, popup and a panel window name the withheld portal host, live; the portal shows no panel there', async () => {
    await configureExtension(browser, { clientId: APP.clientId, tenantId: APP.tenantDomain });
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await options.getByRole('heading', { name: 'Entra TAP options' }).waitFor();
    expect(await notice(options).count()).toBe(0);

    // Restricted while the options page is open: it follows permissions.onRemoved, no reload.
    await withholdOnly(browser, ['https://portal.azure.com/*']);
    await notice(options).waitFor();
    const sentence = await notice(options)
      .getByText(/can’t show its panel/)
      .textContent();
    expect(sentence).toBe(
      'Entra TAP can’t show its panel on portal.azure.com: this browser hasn’t given it access to that site.',
    );
    expect(await notice(options).getByRole('button', { name: 'Allow access' }).isVisible()).toBe(true);
    expect(await axeFindings(options, 'options: site access missing')).toEqual([]);

    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await notice(popup)
      .getByText(/can’t show its panel on portal\.azure\.com:/)
      .waitFor();
    expect(await axeFindings(popup, 'popup: site access missing')).toEqual([]);

    // What the sentence says: no panel on portal.azure.com, while entra.microsoft.com still has one.
    const entra = await browser.context.newPage();
    await entra.goto(portalUserUrl(TARGETS.adele.id));
    await panel(entra).getByRole('button', { name: 'Sign in' }).waitFor();
    const azure = await browser.context.newPage();
    await azure.goto(portalUserUrl(TARGETS.adele.id, 'overview', 'portal.azure.com'));
    await azure.waitForTimeout(1_000);
    expect(await azure.locator(PANEL_HOST).count()).toBe(0);

    // A panel window (its notice is a script only windows load) says it too, above the panel.
    const panelWindow = await openPanelWindowFor(browser, TARGETS.adele.userPrincipalName, 'status');
    await notice(panelWindow)
      .getByText(/can’t show its panel on portal\.azure\.com:/)
      .waitFor();
    await panelWindow.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await axeFindings(panelWindow, 'panel window: site access missing')).toEqual([]);

    await allowAllSites(browser);
    await expect.poll(() => notice(options).count()).toBe(0);
    await expect.poll(() => notice(popup).count()).toBe(0);
    await expect.poll(() => notice(panelWindow).count()).toBe(0);
    for (const page of [options, popup, entra, azure, panelWindow]) await page.close();
  });
});
