/**
 * The Firefox build in Debian firefox-esr, against the simulated tenant: configure on the options page the extension
 * opens at install, sign in, the panel on a user page, one pass issued and kept out of storage and the console,
 * navigation, the popup's policy, and the event page suspended and woken without a new sign-in.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portalUserUrl } from '../e2e/harness/session';
import { tapPosts } from '../e2e/harness/tap-panel';
import { ADMINS, APP, TARGETS } from '../tenant/seed';
import {
  EXTENSION_ORIGIN,
  type FirefoxSuite,
  findPage,
  goToExtensionPage,
  launchFirefoxSuite,
  locationOf,
  panelFrame,
  waitForText,
} from './firefox-browser';
import { button, clickButton, restingClick } from './interact';
import { issueInWindow, signInFromPanel } from './steps';

const FIREFOX_REDIRECT_URI = APP.firefoxRedirectUri;

describe('Firefox: the extension end to end', () => {
  let suite: FirefoxSuite;
  let options: Page;
  let issuedPass = '';

  beforeAll(async () => {
    suite = await launchFirefoxSuite();
  });
  afterAll(async () => {
    await suite?.close();
  });

  it('opens its options page at install; saving the app registration configures it, showing the allizom redirect URI', async () => {
    options = await findPage(suite.browser, (href) => href === `${EXTENSION_ORIGIN}/options.html`);
    await waitForText(options, new RegExp(FIREFOX_REDIRECT_URI.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
    await options.locator('#client-id').fill(APP.clientId);
    await options.locator('#tenant-id').fill(APP.tenantDomain);
    await clickButton(options, 'Save');
    await waitForText(options, /Saved/);
    const stored = await options.evaluate(() =>
      (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.get('entraSettings'),
    );
    expect(stored.entraSettings).toEqual({ clientId: APP.clientId, tenantId: APP.tenantDomain });
  });

  it('signs in from the panel on a user page and shows the user from Graph', async () => {
    const { page, frame } = await signInFromPanel(suite, TARGETS.adele.id, ADMINS.megan.displayName);
    await waitForText(frame, new RegExp(TARGETS.adele.displayName));
    await waitForText(frame, new RegExp(TARGETS.adele.userPrincipalName.replace('.', '\\.')));
    await page.close();
  });

  it('the portal panel hands Issue to a window: one pass, one POST, shown there once, and in no storage, console line or portal page', async () => {
    suite.tenant.control.clearLog();
    const page = await suite.browser.newPage();
    await page.goto(portalUserUrl(TARGETS.adele.id));
    const { window, pass } = await issueInWindow(suite, page, await panelFrame(page), TARGETS.adele.displayName);
    issuedPass = pass;
    expect(issuedPass).toMatch(/^\S{8,48}$/);
    expect(tapPosts(suite.tenant, TARGETS.adele.id)).toHaveLength(1);
    expect(Object.values(suite.tenant.control.state.passes).filter((tap) => tap.userId === TARGETS.adele.id)).toHaveLength(1);

    const stored = await options.evaluate(async () => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      return JSON.stringify([await api.storage.local.get(null), await api.storage.session.get(null).catch(() => ({}))]);
    });
    expect(stored).not.toContain(issuedPass);
    // The console capture is live (an extension page's line reaches it), and no line of it holds the pass.
    await options.evaluate(() => console.log('entra-tap-console-probe'));
    await expect.poll(() => suite.output().includes('entra-tap-console-probe')).toBe(true);
    expect(suite.output()).not.toContain(issuedPass);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain(issuedPass);
    await window.close();
    await page.close();
  });

  it.each([
    ['an opaque decoy that lets clicks through (pointer-events: none)', 'decoy'],
    ["a pseudo-element on the panel's own host", 'pseudo'],
    ['the page flipped upside down around the panel', 'flip'],
  ])(
    'without IntersectionObserver v2 the portal panel never acts: under %s a resting click issues nothing',
    async (_name, attack) => {
      suite.tenant.control.clearLog();
      const page = await suite.browser.newPage();
      await page.goto(portalUserUrl(TARGETS.pradeep.id));
      const frame = await panelFrame(page);
      await waitForText(frame, new RegExp(TARGETS.pradeep.displayName));
      await frame.waitForSelector(button('Issue TAP in a window'));
      expect(await frame.$$eval('button[data-armed]', (buttons) => buttons.length)).toBe(0);
      expect(await frame.evaluate(() => document.body.textContent)).toMatch(/can’t tell whether the page covers this panel/);
      const before = (await suite.browser.pages()).length;
      await page.evaluate((kind) => {
        const style = document.createElement('style');
        if (kind === 'decoy')
          style.textContent =
            'body::after{content:"";position:fixed;inset:0;z-index:2147483647;background:#fff;pointer-events:none}';
        if (kind === 'pseudo')
          style.textContent = 'entra-tap-panel::after{content:"";position:absolute;inset:0;background:#fff;pointer-events:none}';
        if (kind === 'flip') style.textContent = 'html{transform:scaleY(-1)}';
        document.head.append(style);
      }, attack);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      // What the admin's hand would hit where the portal's Issue is: at most a window opens, where they must click again.
      await restingClick(page, frame, button('Issue TAP in a window')).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(tapPosts(suite.tenant)).toEqual([]);
      for (const opened of (await suite.browser.pages()).slice(before)) await opened.close();
      await page.close();
    },
  );

  it('follows navigation to another user: the new user, and no pass from before', async () => {
    const page = await suite.browser.newPage();
    await page.goto(portalUserUrl(TARGETS.adele.id));
    await waitForText(await panelFrame(page), new RegExp(TARGETS.adele.displayName));
    await page.evaluate((url) => history.pushState(null, '', url), portalUserUrl(TARGETS.pradeep.id, 'UserAuthMethods'));
    const deadline = Date.now() + 15_000;
    let text = '';
    while (!text.includes(TARGETS.pradeep.displayName)) {
      if (Date.now() > deadline) throw new Error(`No ${TARGETS.pradeep.displayName} in the panel: ${text}`);
      text = await (await panelFrame(page)).evaluate(() => document.body.textContent ?? '').catch(() => '');
    }
    expect(text).not.toContain(TARGETS.adele.displayName);
    if (issuedPass) expect(text).not.toContain(issuedPass);
    await page.close();
  });

  it("shows the tenant's TAP policy and the signed-in admin in the popup", async () => {
    await goToExtensionPage(options, 'popup.html');
    await options.waitForSelector('[data-testid="policy-state"]');
    await waitForText(options, new RegExp(ADMINS.megan.userPrincipalName));
    expect(await options.$eval('[data-testid="policy-state"]', (element) => element.textContent)).toBe('Enabled');
    expect(await options.$eval('[data-testid="policy-included"]', (element) => element.textContent)).toBe('All users');
  });

  it('after the event page is suspended, a panel loads without a new interactive sign-in', async () => {
    const running = () =>
      options.evaluate(async () => {
        const api = (globalThis as unknown as { browser: { runtime: { getContexts(f: object): Promise<unknown[]> } } }).browser;
        return (await api.runtime.getContexts({ contextTypes: ['BACKGROUND'] })).length;
      });
    await goToExtensionPage(options, 'options.html');
    const deadline = Date.now() + 30_000;
    while ((await running()) > 0) {
      if (Date.now() > deadline) throw new Error('The event page was never suspended.');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    suite.tenant.control.clearLog();
    const page = await suite.browser.newPage();
    await page.goto(portalUserUrl(TARGETS.lynne.id));
    await waitForText(await panelFrame(page), new RegExp(TARGETS.lynne.displayName));
    expect(await running()).toBe(1);
    const authorize = suite.tenant.control.requestLog().filter((entry) => entry.path.includes('/authorize'));
    expect(authorize).toEqual([]);
    const pages = await Promise.all((await suite.browser.pages()).map(locationOf));
    expect(pages.some((href) => href.startsWith('https://login.microsoftonline.com/'))).toBe(false);
    await page.close();
  });
});
