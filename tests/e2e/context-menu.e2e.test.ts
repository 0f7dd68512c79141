/// <reference types="chrome" />
/**
 * Headless Chromium cannot open a native context menu. The menu click is driven through the extension's own
 * chrome.contextMenus.onClicked event object: Chromium's event objects carry a `dispatch` method that runs every
 * listener registered on them, so `onClicked.dispatch(info, tab)` in the service worker calls exactly the listener
 * the production build registered — nothing is added to the build for the tests.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LoggedRequest } from '../tenant/request-log';
import { ADMINS, APP, TARGETS } from '../tenant/seed';
import type { Tenant } from '../tenant/server';
import { type ExtensionBrowser, stopServiceWorkers } from './harness/extension-browser';
import { completeSignIn, configureExtension, portalUserUrl } from './harness/session';
import { useExtensionSuite } from './harness/suite';

const MENU_IDS = ['issue-tap', 'check-tap', 'check-tap-link'] as const;
const LINK_PATTERNS = [
  'mailto:*',
  'https://entra.microsoft.com/*',
  'https://portal.azure.com/*',
  'https://intune.microsoft.com/*',
  'https://admin.microsoft.com/*',
  'https://admin.cloud.microsoft/*',
];

interface ClickData {
  menuItemId: (typeof MENU_IDS)[number];
  selectionText?: string;
  linkUrl?: string;
}

/** Any request that writes a pass: a top-level POST to the TAP collection, or the same inside a $batch. */
const issuesPass = (entry: LoggedRequest) =>
  (entry.method === 'POST' && entry.path.includes('temporaryAccessPassMethods')) ||
  !!entry.batch?.some((item) => item.method === 'POST' && item.url.includes('temporaryAccessPassMethods'));

describe('context menu: TAP actions on a selected or linked principal', () => {
  let tenant: Tenant;
  let browser: ExtensionBrowser;
  let ticket: Page;

  /** Clicks our menu item the way Chrome does: OnClickData for the page the admin right-clicked, and its tab. */
  const clickMenu = async (data: ClickData) => {
    const worker = await browser.serviceWorker();
    await worker.evaluate(
      async ({ data, pageUrl }) => {
        // Without the tabs permission Chrome hides web pages' URLs; the ticket is the only such tab left open.
        const tab = (await chrome.tabs.query({})).find((candidate) => !candidate.url);
        const info = { editable: false, frameId: 0, pageUrl, ...data };
        const onClicked = chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void };
        onClicked.dispatch(info, tab);
      },
      { data, pageUrl: ticket.url() },
    );
  };

  const clickAndWaitForPage = async (data: ClickData) => {
    const opened = browser.context.waitForEvent('page', {
      predicate: (page) => page.url().includes('/panel.html'),
      timeout: 10_000,
    });
    await clickMenu(data);
    const page = await opened;
    await page.waitForLoadState();
    return page;
  };

  /** The window a panel page runs in, asked of the page itself (every panel window has the same bare URL). */
  const windowOf = async (page: Page) => {
    const own = await page.evaluate(async () => {
      const current = await chrome.windows.getCurrent();
      return { id: current.id, type: current.type };
    });
    const worker = await browser.serviceWorker();
    const count = await worker.evaluate(async () => (await chrome.windows.getAll()).length);
    return { ...own, count };
  };

  /** Nothing about the user or the mode is in a panel window's URL: the background's window table holds it. */
  const expectBareUrl = (page: Page) => expect(new URL(page.url()).search).toBe('');

  useExtensionSuite(
    (started) => {
      ({ tenant, browser } = started);
    },
    async () => {
      await configureExtension(browser, { clientId: APP.clientId, tenantId: APP.tenantDomain });
      const popup = await browser.context.newPage();
      await popup.goto(browser.extensionUrl('popup.html'));
      await completeSignIn(browser, () => popup.getByRole('button', { name: 'Sign in' }).click(), ADMINS.megan.displayName);
      await popup.getByTestId('account-upn').getByText(ADMINS.megan.userPrincipalName).waitFor();
      await popup.close();
      // A ticket in the portal host (any site would do; the portal is the one host the tenant serves).
      ticket = await browser.context.newPage();
      await ticket.goto('https://entra.microsoft.com/');
      for (const page of browser.context.pages()) if (page !== ticket) await page.close();
    },
  );

  it('registers the three items with their contexts, titles and link patterns, and needs no host access', async () => {
    const worker = await browser.serviceWorker();
    const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.permissions).toContain('contextMenus');
    expect(manifest.host_permissions).toEqual(['https://graph.microsoft.com/*', 'https://login.microsoftonline.com/*']);
    // scripting is only optional (a national cloud's admin centers, manifest.e2e.test.ts), never granted at install.
    const { optional_permissions: optional, ...installed } = manifest;
    expect(optional).toEqual(['scripting']);
    expect(JSON.stringify(installed)).not.toMatch(/<all_urls>|\*:\/\/\*\/\*|"activeTab"|"scripting"/);

    // contextMenus has no getter; update() with nothing to change succeeds only for an item that exists.
    const exists = (id: string) =>
      worker.evaluate(
        (menuId) =>
          chrome.contextMenus.update(menuId, {}).then(
            () => true,
            () => false,
          ),
        id,
      );
    for (const id of MENU_IDS) await expect.poll(() => exists(id)).toBe(true);
    expect(await exists('no-such-item')).toBe(false);

    // The shapes: run the production installer again in a fresh worker and watch what it asks Chrome to create.
    await stopServiceWorkers(ticket);
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html')); // its first message wakes the worker
    await popup.getByTestId('account-upn').waitFor();
    const fresh = await browser.serviceWorker();
    const created = await fresh.evaluate(async () => {
      const calls: chrome.contextMenus.CreateProperties[] = [];
      const original = chrome.contextMenus.create;
      chrome.contextMenus.create = (properties, callback) => {
        calls.push(JSON.parse(JSON.stringify(properties)));
        return original.call(chrome.contextMenus, properties, callback);
      };
      const onInstalled = chrome.runtime.onInstalled as unknown as { dispatch(details: object): void };
      onInstalled.dispatch({ reason: 'update', previousVersion: chrome.runtime.getManifest().version });
      for (let i = 0; i < 100 && calls.length < 3; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      return calls;
    });
    await popup.close();
    expect(created).toEqual([
      { id: 'issue-tap', title: 'Issue Temporary Access Pass for “%s”', contexts: ['selection'] },
      { id: 'check-tap', title: 'Check Temporary Access Pass status for “%s”', contexts: ['selection'] },
      {
        id: 'check-tap-link',
        title: 'Check Temporary Access Pass status for this user',
        contexts: ['link'],
        targetUrlPatterns: LINK_PATTERNS,
      },
    ]);
    expect(await exists('issue-tap-link')).toBe(false); // a link opens the status view only
    // Re-running the installer left exactly the three items (removeAll first, no duplicate-id errors).
    for (const id of MENU_IDS) await expect.poll(() => exists(id)).toBe(true);
  });

  it('"Issue …" on a selected UPN opens the panel window on that user with Issue TAP focused, not clicked', async () => {
    tenant.control.clearLog();
    const panelPage = await clickAndWaitForPage({
      menuItemId: 'issue-tap',
      selectionText: ` “${TARGETS.adele.userPrincipalName}”,\n`,
    });
    expectBareUrl(panelPage);
    await panelPage.getByText(TARGETS.adele.displayName).first().waitFor();
    await panelPage.getByText(TARGETS.adele.userPrincipalName).first().waitFor();
    const issueButton = panelPage.getByRole('button', { name: 'Issue TAP', exact: true });
    await issueButton.waitFor();
    await expect.poll(() => issueButton.evaluate((button) => button === document.activeElement)).toBe(true);
    expect((await windowOf(panelPage)).type).toBe('popup');
    // Resolved through Graph first; no pass is issued without the admin's click.
    const log = tenant.control.requestLog().filter((entry) => entry.host === 'graph' && !entry.isPreflight);
    expect(log.length).toBeGreaterThan(0);
    expect(log.filter(issuesPass)).toEqual([]);
    expect(tenant.control.state.passes[TARGETS.adele.id.toLowerCase()]).toBeUndefined();
  });

  it('a second click for the same principal focuses its window instead of opening another', async () => {
    const panels = browser.context.pages().filter((page) => page.url().endsWith('/panel.html'));
    const names = await Promise.all(panels.map((page) => page.locator('.user-name').textContent()));
    const existing = panels[names.indexOf(TARGETS.adele.displayName)];
    if (!existing) throw new Error('The panel window for Adele should still be open.');
    const before = await windowOf(existing);
    const pagesBefore = browser.context.pages().length;
    let opened = false;
    const onPage = () => {
      opened = true;
    };
    browser.context.on('page', onPage);
    await clickMenu({ menuItemId: 'issue-tap', selectionText: TARGETS.adele.userPrincipalName.toLowerCase() });
    await clickMenu({ menuItemId: 'check-tap', selectionText: TARGETS.adele.userPrincipalName });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    browser.context.off('page', onPage);
    expect(opened).toBe(false);
    expect(browser.context.pages().length).toBe(pagesBefore);
    // Same window, same page: the issue-mode window was neither reloaded nor replaced. (Headless Chromium does not
    // track window focus, so the focus itself is covered by the unit tests of openPanelWindow.)
    const after = await windowOf(existing);
    expect(after).toEqual(before);
    await existing.getByText(TARGETS.adele.displayName).first().waitFor();
    await existing.close();
  });

  it('"Check status" on a selected object id opens the panel in status mode', async () => {
    const panelPage = await clickAndWaitForPage({
      menuItemId: 'check-tap',
      selectionText: `[${TARGETS.pradeep.id.toUpperCase()}]`,
    });
    expectBareUrl(panelPage);
    await panelPage.getByText(TARGETS.pradeep.displayName).first().waitFor();
    await panelPage.getByText(TARGETS.pradeep.userPrincipalName).first().waitFor();
    const issueButton = panelPage.getByRole('button', { name: 'Issue TAP', exact: true });
    await issueButton.waitFor();
    expect(await issueButton.evaluate((button) => button === document.activeElement)).toBe(false);
    await panelPage.close();
  });

  it('on a mailto: link: the status view, the link’s address beside the resolved user, Issue not focused', async () => {
    const panelPage = await clickAndWaitForPage({
      menuItemId: 'check-tap-link',
      linkUrl: `mailto:${TARGETS.lynne.userPrincipalName}?subject=Locked%20out`,
    });
    expectBareUrl(panelPage);
    await panelPage.getByText(TARGETS.lynne.displayName).first().waitFor();
    expect(await panelPage.getByTestId('link-origin').textContent()).toContain(`a link to ${TARGETS.lynne.userPrincipalName}.`);
    const issueButton = panelPage.getByRole('button', { name: /^Issue TAP/ });
    await issueButton.waitFor();
    expect(await issueButton.evaluate((button) => button === document.activeElement)).toBe(false);
    await panelPage.close();
  });

  it('on an admin-center user link (object id from the URL): the status view with the link shown', async () => {
    const linkUrl = portalUserUrl(TARGETS.henrietta.id, 'UserAuthMethods');
    const panelPage = await clickAndWaitForPage({ menuItemId: 'check-tap-link', linkUrl });
    expectBareUrl(panelPage);
    await panelPage.getByText(TARGETS.henrietta.displayName).first().waitFor();
    expect(await panelPage.getByTestId('link-origin').textContent()).toContain(linkUrl.slice(0, 40));
    const issueButton = panelPage.getByRole('button', { name: /^Issue TAP/ });
    expect(await issueButton.evaluate((button) => button === document.activeElement)).toBe(false);
    expect(tenant.control.state.passes[TARGETS.henrietta.id]).toBeUndefined();
    await panelPage.close();
  });

  it('an invalid selection opens only a small notice and sends nothing to Graph or the sign-in service', async () => {
    for (const selection of ['call me tomorrow', `AdeleV\u200b@${APP.tenantDomain}`]) {
      tenant.control.clearLog();
      const notice = await clickAndWaitForPage({ menuItemId: 'issue-tap', selectionText: selection });
      expectBareUrl(notice); // the selection is in no URL and no history entry
      await notice.getByRole('alert').waitFor();
      const sentence = await notice.getByRole('alert').locator('.notice-text').textContent();
      expect(sentence).toMatch(/^“.+” is not a user principal name or object ID\.$/);
      expect(sentence).not.toContain('\u200b');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(tenant.control.requestLog()).toEqual([]);
      expect((await windowOf(notice)).type).toBe('popup');
      await notice.close();
    }
    expect(browser.context.pages().filter((page) => new URL(page.url()).search !== '')).toEqual([]);
  });
});
