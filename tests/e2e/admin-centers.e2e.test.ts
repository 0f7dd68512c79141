/// <reference types="chrome" />
/**
 * The panel where helpdesk staff spend their day: the Intune admin center (the Entra user blade under
 * intune.microsoft.com) and the Microsoft 365 admin center (its own hash-routed SPA, on admin.microsoft.com and
 * admin.cloud.microsoft), both with hostile global CSS. A UPN in the URL's id position is resolved through Graph:
 * the pass is created on the object id Graph returned, never on the URL's text.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMINS, TARGETS } from '../tenant/seed';
import type { Tenant } from '../tenant/server';
import type { ExtensionBrowser } from './harness/extension-browser';
import { m365UserUrl, PANEL_HOST, panel, portalUserUrl } from './harness/session';
import { displayedPass, issueButton, openUserAt, tapPosts, useSignedInSuite } from './harness/tap-panel';

/** Long enough for the content script to have run and mounted (it mounts within a few frames of document_idle). */
const SETTLE_MS = 1_000;

describe('admin centers: Intune and Microsoft 365', () => {
  let tenant: Tenant;
  let browser: ExtensionBrowser;

  useSignedInSuite(
    ADMINS.megan.displayName,
    (started) => {
      ({ tenant, browser } = started);
    },
    { freshEachTest: true },
  );

  /** Issues from the page's panel with the defaults: exactly one POST, for the user's object id, and the pass shown. */
  async function issuesOnce(page: Page, user: { id: string; displayName: string; userPrincipalName: string }) {
    const frame = panel(page);
    await frame.getByText(user.displayName).first().waitFor();
    expect(await page.locator(PANEL_HOST).isVisible()).toBe(true);
    tenant.control.clearLog();
    await issueButton(frame).click();
    await frame.getByTestId('pass-value').waitFor();
    expect(await displayedPass(frame)).toHaveLength(tenant.control.state.policy.defaultLength);
    const posts = tapPosts(tenant);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ status: 201, inBatch: false });
    expect(posts[0]?.path).toContain(`/users/${user.id}/`);
    expect(tenant.control.state.passes[user.id]).toBeDefined();
  }

  it('Intune admin center: issues on a user page (the Entra blade, Devices sub-page)', async () => {
    const page = await openUserAt(browser, portalUserUrl(TARGETS.adele.id, 'Devices', 'intune.microsoft.com'));
    expect(await page.getByTestId('portal-header').textContent()).toContain('Microsoft Intune admin center');
    await issuesOnce(page, TARGETS.adele);
    await page.close();
  });

  it('Microsoft 365 admin center: issues on a user page by object id (admin.microsoft.com, a tab of the flyout)', async () => {
    const page = await openUserAt(browser, m365UserUrl(TARGETS.adele.id, { tab: 'LicensesAndApps' }));
    expect(await page.getByTestId('portal-header').textContent()).toContain('Microsoft 365 admin center');
    await page.getByTestId('user-flyout').waitFor();
    await issuesOnce(page, TARGETS.adele);
    await page.close();
  });

  it('Microsoft 365 admin center: issues on a user page by UPN, resolved through Graph (admin.cloud.microsoft, /Adminportal/Home)', async () => {
    const url = m365UserUrl(TARGETS.diego.userPrincipalName, { host: 'admin.cloud.microsoft', path: '/Adminportal/Home' });
    tenant.control.clearLog();
    const page = await openUserAt(browser, url);
    await page.getByTestId('user-flyout').waitFor();
    // Graph was asked about the UPN (the panel's first view), then the POST went to the object id it answered with.
    const looked = tenant.control.requestLog().flatMap((entry) => [entry.path, ...(entry.batch ?? []).map((item) => item.url)]);
    expect(looked.some((path) => decodeURIComponent(path).includes(`/users/${TARGETS.diego.userPrincipalName}`))).toBe(true);
    await issuesOnce(page, TARGETS.diego);
    const upnPosts = tapPosts(tenant).filter((call) => decodeURIComponent(call.path).includes('@'));
    expect(upnPosts).toEqual([]);
    await page.close();
  });

  it('Microsoft 365 admin center: follows hash and history navigation between users, and leaves when the flyout closes', async () => {
    const page = await openUserAt(browser, m365UserUrl(TARGETS.adele.id));
    await panel(page).getByText(TARGETS.adele.displayName).first().waitFor();

    // Next user by history.pushState (no hashchange).
    const next = (await page.getByTestId('next-user').textContent())?.replace('Next user: ', '') ?? '';
    await page.getByTestId('next-user').click();
    await page.getByTestId('flyout-title').getByText(next).waitFor();
    await panel(page).getByText(next).first().waitFor();
    await expect.poll(() => panel(page).getByText(TARGETS.adele.displayName).count()).toBe(0);
    expect(await page.locator(PANEL_HOST).count()).toBe(1);

    // Another tab of the same user's flyout (hash change): still that user's panel, and still only one.
    await page.getByTestId('tab-Mail').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/\/Mail$/);
    await panel(page).getByText(next).first().waitFor();
    expect(await page.locator(PANEL_HOST).count()).toBe(1);

    // The next user by UPN, through a hash link: the panel follows and shows the user Graph resolved.
    const byUpn = (await page.getByTestId('next-user-upn').textContent())?.replace('Next user by UPN: ', '') ?? '';
    await page.getByTestId('next-user-upn').click();
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toMatch(/UserDetails\/[^/]+@/);
    await panel(page).getByText(byUpn).first().waitFor();
    await expect.poll(() => panel(page).getByText(next).count()).toBe(0);

    // Closing the flyout goes back to the users list: no user, no panel.
    await page.getByTestId('close-flyout').click();
    await expect.poll(() => page.locator(PANEL_HOST).count()).toBe(0);
    await page.close();
  });

  it.each([
    ['Intune home', 'https://intune.microsoft.com/#home'],
    ['an Intune devices blade', 'https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/DevicesMenu/~/overview'],
    ['the M365 admin center home', 'https://admin.microsoft.com/#/homepage'],
    ['the M365 active users list', 'https://admin.microsoft.com/Adminportal/Home#/users'],
    ['the M365 admin center on its cloud.microsoft host', 'https://admin.cloud.microsoft/'],
    ['an M365 user page naming no user', 'https://admin.microsoft.com/#/users/:/UserDetails/not-a-user'],
  ])('does not mount on %s (and does once it shows a user)', async (_name, url) => {
    const page = await browser.context.newPage();
    await page.goto(url);
    await page.getByTestId('blade').waitFor();
    await page.waitForTimeout(SETTLE_MS);
    expect(await page.locator(PANEL_HOST).count()).toBe(0);

    // The content script is there all along: the same tab reaches a user page by its own navigation and gets the panel.
    const user = new URL(url).host.startsWith('intune')
      ? portalUserUrl(TARGETS.adele.id, 'overview', 'intune.microsoft.com')
      : m365UserUrl(TARGETS.adele.id, { host: new URL(url).host as 'admin.microsoft.com' });
    await page.evaluate((hash) => {
      location.hash = hash;
    }, new URL(user).hash);
    await panel(page).getByText(TARGETS.adele.displayName).first().waitFor();
    await issueButton(panel(page)).waitFor();
    await page.close();
  });
});
