/// <reference types="chrome" />
/**
 * The portal page as an attacker: a script (or only markup) on entra.microsoft.com that tries to make the admin's
 * click or keystroke issue a pass for a user it chooses, or to learn what the panel shows. Each attack the security
 * review proved on the earlier build is replayed against the production build, and shown to fail.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMINS, TARGETS } from '../tenant/seed';
import type { Tenant } from '../tenant/server';
import { EXTENSION_ID, type ExtensionBrowser } from './harness/extension-browser';
import { openPanelWindowFor } from './harness/panel-window';
import { completeSignIn, currentPanelFrame, PANEL_HOST, panel, portalUserUrl } from './harness/session';
import { issueButton, openUser, resetTenant, tapPosts, useSignedInSuite } from './harness/tap-panel';

const FOREIGN_TENANT = '7c2d5ff5-1111-4222-8333-944455556666';
const PANEL_URL = `chrome-extension://${EXTENSION_ID}/panel.html`;
/** The strictest page: no script at all may run, yet the markup alone frames the panel. */
const STRICT_CSP = { 'content-security-policy': "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'" };

const graphCalls = (tenant: Tenant) =>
  tenant.control.requestLog().filter((entry) => entry.host === 'graph' && !entry.isPreflight);
const batches = (tenant: Tenant) => graphCalls(tenant).filter((entry) => entry.path.includes('$batch'));

/** Every frame of the page that runs panel.html, whatever put it there. */
const panelFrames = (page: Page) => page.frames().filter((frame) => frame.url().startsWith(PANEL_URL));

describe('attacks from the portal page', () => {
  let tenant: Tenant;
  let browser: ExtensionBrowser;

  useSignedInSuite(ADMINS.megan.displayName, (started) => {
    ({ tenant, browser } = started);
  });

  it('a panel that markup alone frames (strictest CSP, invisible, "intent=issue") shows a sentence, asks Graph nothing, steals no focus, and Enter issues nothing', async () => {
    await resetTenant(tenant, browser);
    const victim = TARGETS.adele;
    tenant.control.servePortalPage(
      '/hostile',
      `<!doctype html><html><body>
        <label>Search <input id="field" autofocus></label>
        <iframe src="${PANEL_URL}?userRef=${victim.id}&intent=issue&context=window"
          style="opacity:0;position:absolute;top:0;left:0;width:420px;height:600px;border:0"></iframe>
        <iframe src="${PANEL_URL}?userRef=${victim.userPrincipalName}&intent=issue"
          style="position:absolute;top:0;left:440px;width:420px;height:600px;border:0"></iframe>
      </body></html>`,
      STRICT_CSP,
    );
    tenant.control.clearLog();
    const page = await browser.context.newPage();
    await page.goto('https://entra.microsoft.com/hostile');
    await expect.poll(() => panelFrames(page).length).toBe(2); // the frames did load: CSP doesn't stop extension pages
    await page.locator('#field').focus();
    for (const key of ['a', 'd', 'e', 'l', 'e', 'Enter', 'Space', 'Enter']) await page.keyboard.press(key);
    // Both show only the sentence (after the wait for a hello that never comes): nothing to click or press.
    for (const frame of panelFrames(page)) {
      await frame.getByTestId('unbound').waitFor({ timeout: 10_000 });
      expect(await frame.getByRole('button').count()).toBe(0);
    }
    expect(await page.evaluate(() => [document.activeElement?.id, (document.activeElement as HTMLInputElement).value])).toEqual([
      'field',
      'adele ',
    ]);
    await page.mouse.click(440 + 60, 200); // where the visible one's Issue button would be
    expect(graphCalls(tenant)).toEqual([]);
    expect(tapPosts(tenant)).toEqual([]);
    expect(tenant.control.state.passes[victim.id]).toBeUndefined();
    await page.close();
  });

  it('a fake hello posted by the page to its own frame (a made-up ticket and port) is refused and the port never used', async () => {
    tenant.control.servePortalPage(
      '/hostile-hello',
      `<!doctype html><html><body><iframe id="f" src="${PANEL_URL}" style="width:420px;height:600px"></iframe>
      <script>
        window.heard = [];
        const frame = document.getElementById('f');
        frame.addEventListener('load', () => {
          const channel = new MessageChannel();
          channel.port1.onmessage = (event) => window.heard.push(event.data);
          frame.contentWindow.postMessage({ type: 'entra-tap:hello', nonce: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, '*', [channel.port2]);
        });
      </script></body></html>`,
    );
    tenant.control.clearLog();
    const page = await browser.context.newPage();
    await page.goto('https://entra.microsoft.com/hostile-hello');
    await expect.poll(() => panelFrames(page).length).toBe(1);
    await panelFrames(page)[0]?.getByTestId('unbound').waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => (window as unknown as { heard: unknown[] }).heard)).toEqual([]);
    expect(graphCalls(tenant)).toEqual([]);
    await page.close();
  });

  it('our own frame takes no focus: the admin keeps typing in the portal while it loads, and Enter there issues nothing', async () => {
    await resetTenant(tenant, browser);
    const page = await browser.context.newPage();
    await page.goto('https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserManagementMenuBlade/~/AllUsers');
    await page.evaluate(() => {
      const input = Object.assign(document.createElement('input'), { id: 'portal-search' });
      document.body.prepend(input);
      input.focus();
    });
    await page.keyboard.type('Ade');
    await page.evaluate((url) => history.pushState(null, '', url), portalUserUrl(TARGETS.adele.id));
    await issueButton(panel(page)).waitFor();
    await expect.poll(() => issueButton(panel(page)).isEnabled()).toBe(true);
    await page.keyboard.type('le');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => [document.activeElement?.id, (document.activeElement as HTMLInputElement).value])).toEqual([
      'portal-search',
      'Adele',
    ]);
    expect(tapPosts(tenant)).toEqual([]);
    await page.close();
  });

  it.each([
    ['fades the whole page (opacity 0)', 'document.documentElement.style.opacity = "0"'],
    ['moves it off screen', 'document.documentElement.style.transform = "translateX(-3000px)"'],
    [
      'lays a click-through decoy over it',
      `(() => { const d = document.createElement('div'); d.textContent = 'Click to continue';
        d.style.cssText = 'position:fixed;inset:0;z-index:2147483647;pointer-events:none;background:#fff;opacity:.97';
        document.body.append(d); })()`,
    ],
  ])(
    'our frame when the page %s: Issue is inert (aria-disabled) and a real click there issues nothing',
    async (_name, attack) => {
      await resetTenant(tenant, browser);
      const page = await openUser(browser, TARGETS.adele.id);
      const frame = panel(page);
      await expect.poll(() => issueButton(frame).isEnabled()).toBe(true);
      const box = await issueButton(frame).boundingBox();
      await page.evaluate(attack);
      await expect.poll(() => issueButton(frame).getAttribute('aria-disabled')).toBe('true');
      tenant.control.clearLog();
      if (box) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await issueButton(frame).evaluate((button: HTMLButtonElement) => button.click()); // even a click that lands
      await new Promise((resolve) => setTimeout(resolve, 800));
      expect(tapPosts(tenant)).toEqual([]);
      expect(await frame.getByTestId('pass-value').count()).toBe(0);
      await page.close();
    },
  );

  it('moving, zooming or shrinking the armed panel under a resting cursor disarms it: the click that follows issues nothing', async () => {
    await resetTenant(tenant, browser);
    const page = await openUser(browser, TARGETS.adele.id);
    const frame = panel(page);
    await expect.poll(() => issueButton(frame).isEnabled()).toBe(true);
    const box = await issueButton(frame).boundingBox();
    if (!box) throw new Error('no Issue box');
    const target = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const decoy = { x: 300, y: 500 };
    tenant.control.clearLog();
    for (const move of [
      `translate(${decoy.x - target.x}px, ${decoy.y - target.y}px)`,
      `scale(0.98) translate(${decoy.x - target.x}px, ${decoy.y - target.y}px)`,
    ]) {
      // The page slides the panel so that Issue lies under the cursor the moment it reaches the decoy.
      await page.evaluate(
        ({ decoy, move }) => {
          document.documentElement.style.transform = '';
          document.addEventListener('mousemove', function slide(event) {
            if (Math.abs(event.clientX - decoy.x) > 30 || Math.abs(event.clientY - decoy.y) > 15) return;
            document.documentElement.style.transform = move;
            document.removeEventListener('mousemove', slide);
          });
        },
        { decoy, move },
      );
      await page.mouse.move(decoy.x - 100, decoy.y - 60);
      await page.mouse.move(decoy.x, decoy.y, { steps: 5 });
      await page.waitForTimeout(150);
      await page.mouse.click(decoy.x, decoy.y);
      await page.waitForTimeout(600);
    }
    // And a page zoomed down until the panel is a smudge: never in place, never armed.
    await page.evaluate(() => {
      document.documentElement.style.transform = '';
      (document.documentElement.style as unknown as { zoom: string }).zoom = '0.3';
    });
    await expect.poll(() => issueButton(frame).getAttribute('aria-disabled')).toBe('true');
    await page.waitForTimeout(800);
    expect(await issueButton(frame).getAttribute('aria-disabled')).toBe('true');
    expect(tapPosts(tenant)).toEqual([]);
    await page.close();
  });

  it("Tab, Tab, Enter from the page into the panel issues nothing; a quick double-click can't chain into Replace", async () => {
    await resetTenant(tenant, browser);
    const page = await browser.context.newPage();
    await page.goto(portalUserUrl(TARGETS.lynne.id)); // Lynne has a pass: Issue asks "Replace?"
    const frame = panel(page);
    // Armed (visible long enough), so what follows is refused by the guards under test, not by a slow start.
    await expect.poll(() => issueButton(frame).getAttribute('data-armed'), { timeout: 10_000 }).toBeNull();
    await page.evaluate(() => {
      const input = Object.assign(document.createElement('input'), { id: 'last' });
      document.body.append(input);
      input.focus();
    });
    tenant.control.clearLog();
    await page.keyboard.type('abc');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(800);
    expect(tapPosts(tenant)).toEqual([]);
    // Nor did those keys close or collapse the panel (the first stop is its header): it is still there, unchanged.
    expect(await issueButton(frame).isVisible()).toBe(true);

    // A real double-click on Issue (replace): the Replace button appears under the pointer and stays inert at first.
    const box = await issueButton(frame).boundingBox();
    if (!box) throw new Error('no Issue box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(250);
    await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
    const replace = frame.getByRole('button', { name: 'Replace' });
    const replaceBox = await replace.boundingBox();
    if (replaceBox) await page.mouse.click(replaceBox.x + replaceBox.width / 2, replaceBox.y + replaceBox.height / 2);
    await page.waitForTimeout(800);
    expect(tapPosts(tenant)).toEqual([]);
    await page.close();
  });

  it('the host never changes size with what the panel shows; moved by moveBefore it is replaced', async () => {
    await resetTenant(tenant, browser);
    const page = await browser.context.newPage();
    const sizes = new Set<string>();
    const size = async () =>
      sizes.add(
        await page.evaluate((tag) => {
          const rect = document.querySelector(tag)?.getBoundingClientRect();
          return rect ? `${rect.width}x${rect.height}` : 'none';
        }, PANEL_HOST),
      );
    await page.goto(portalUserUrl(TARGETS.adele.id));
    await size(); // loading
    const frame = panel(page);
    await issueButton(frame).waitFor();
    await size(); // no pass
    await issueButton(frame).click();
    await frame.getByTestId('pass-value').waitFor();
    await size(); // a pass shown
    await page.evaluate((url) => history.pushState(null, '', url), portalUserUrl(TARGETS.nestor.id));
    await frame
      .getByText(/account is disabled|must be enabled/i)
      .first()
      .waitFor();
    await size(); // not eligible
    expect([...sizes]).toEqual(['360x560']);

    const before = await currentPanelFrame(page);
    await page.evaluate((tag) => {
      const box = document.createElement('div');
      document.body.append(box);
      const host = document.querySelector(tag) as Element;
      const move = (box as unknown as { moveBefore?: (node: Node, child: Node | null) => void }).moveBefore;
      if (move) move.call(box, host, null);
      else box.append(host);
    }, PANEL_HOST);
    await expect.poll(() => before.isDetached()).toBe(true);
    expect(await page.evaluate((tag) => document.querySelector(tag)?.parentNode === document.documentElement, PANEL_HOST)).toBe(
      true,
    );
    await page.close();
  });

  it('restyling the host is undone, removing it brings a fresh frame, and navigating the frame replaces it', async () => {
    await resetTenant(tenant, browser);
    const page = await openUser(browser, TARGETS.adele.id);
    const first = await currentPanelFrame(page);
    const reach = await page.evaluate((tag) => {
      const host = document.querySelector(tag) as HTMLElement;
      host.style.setProperty('opacity', '0', 'important');
      host.style.width = '1px';
      host.setAttribute('hidden', '');
      return { shadowRoot: host.shadowRoot, iframes: document.querySelectorAll('iframe').length, frames: window.frames.length };
    }, PANEL_HOST);
    expect(reach).toEqual({ shadowRoot: null, iframes: 0, frames: 0 });
    await expect
      .poll(() =>
        page.evaluate((tag) => {
          const host = document.querySelector(tag) as HTMLElement;
          const style = getComputedStyle(host);
          return [style.opacity, style.width, host.hasAttribute('hidden')];
        }, PANEL_HOST),
      )
      .toEqual(['1', '360px', false]);
    expect(first.isDetached()).toBe(false); // restored in place

    await page.evaluate((tag) => document.querySelector(tag)?.remove(), PANEL_HOST);
    await expect.poll(() => first.isDetached()).toBe(true);
    await panel(page).getByText(TARGETS.adele.displayName).first().waitFor();
    const second = await currentPanelFrame(page);
    expect(second).not.toBe(first);

    // Whoever navigates the frame (the page can't reach it; the test can): the new document gets nothing.
    await second.goto(`${PANEL_URL}?userRef=${TARGETS.miriam.id}&intent=issue`).catch(() => undefined);
    await expect.poll(() => second.isDetached()).toBe(true);
    await panel(page).getByText(TARGETS.adele.displayName).first().waitFor();
    expect(await panel(page).getByText(TARGETS.miriam.displayName).count()).toBe(0);
    await page.close();
  });

  it('the height oracle is gone: the page receives no message from the panel while it loads, resizes and issues', async () => {
    await resetTenant(tenant, browser);
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const heard: unknown[] = [];
      (window as unknown as { heard: unknown[] }).heard = heard;
      window.addEventListener('message', (event) => heard.push({ origin: event.origin, data: event.data }), true);
    });
    await page.goto(portalUserUrl(TARGETS.adele.id));
    const frame = panel(page);
    await issueButton(frame).click();
    await frame.getByTestId('pass-value').waitFor();
    await page.evaluate((url) => history.pushState(null, '', url), portalUserUrl(TARGETS.nestor.id));
    await frame.getByText(TARGETS.nestor.displayName).first().waitFor();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const heard = await page.evaluate(() => (window as unknown as { heard: { origin: string }[] }).heard);
    expect(heard.filter((message) => message.origin.startsWith('chrome-extension://'))).toEqual([]);
    expect(JSON.stringify(heard)).not.toMatch(/entra-tap|resize|height/);
    await page.close();
  });

  it('a right-clicked link opens the status view with the link shown, never focused on Issue, however the link reads', async () => {
    await resetTenant(tenant, browser);
    tenant.control.clearLog();
    // The link text says Adele; its address is Miriam's. The window names Miriam and where she came from.
    const opened = browser.context.waitForEvent('page', { predicate: (page) => page.url().endsWith('/panel.html') });
    const worker = await browser.serviceWorker();
    await worker.evaluate((linkUrl) => {
      const onClicked = chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void };
      onClicked.dispatch({ menuItemId: 'check-tap-link', linkUrl, editable: false });
    }, `mailto:${TARGETS.miriam.userPrincipalName}`);
    const window = await opened;
    await window.getByText(TARGETS.miriam.displayName).first().waitFor();
    expect(await window.getByTestId('link-origin').textContent()).toContain(TARGETS.miriam.userPrincipalName);
    const issue = window.getByRole('button', { name: /^Issue TAP/ });
    expect(await issue.evaluate((button) => button === document.activeElement)).toBe(false);
    await window.keyboard.press('Enter');
    expect(tapPosts(tenant)).toEqual([]);
    await window.close();
  });

  it('a page that churns through users and frames makes at most a few Graph requests', async () => {
    await resetTenant(tenant, browser);
    const page = await browser.context.newPage();
    await page.goto(portalUserUrl(TARGETS.henrietta.id));
    await issueButton(panel(page)).waitFor();
    await new Promise((resolve) => setTimeout(resolve, 3_500)); // let the tab's allowance refill after the first view
    tenant.control.clearLog();
    const users = Object.values(TARGETS).map((user) => user.id);
    await page.evaluate(
      async ({ users, panelUrl, portal }) => {
        for (let i = 0; i < 60; i++) {
          const frame = document.createElement('iframe');
          frame.src = `${panelUrl}?userRef=${users[i % users.length]}`;
          document.body.append(frame);
          history.pushState(null, '', portal.replace('USER', users[i % users.length] as string));
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      },
      { users, panelUrl: PANEL_URL, portal: portalUserUrl('USER') },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const count = batches(tenant).length;
    console.info(`[churn] 60 frames and 60 navigations: ${count} $batch request(s)`);
    expect(count).toBeLessThanOrEqual(3);
    await page.close();
  });

  it('a page that opens tab after tab for made-up users gets no fresh allowance from each', async () => {
    await resetTenant(tenant, browser);
    const page = await browser.context.newPage();
    await page.goto('https://entra.microsoft.com/#home');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    tenant.control.clearLog();
    const startedAt = Date.now();
    const opened: Page[] = [];
    const onPage = (p: Page) => opened.push(p);
    browser.context.on('page', onPage);
    await page.evaluate(async (portal) => {
      for (let i = 0; i < 20; i++) {
        const tab = window.open(portal.replace('USER', `44444444-0000-4000-8000-${String(i).padStart(12, '0')}`), '_blank');
        setTimeout(() => tab?.close(), 1_500);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    }, portalUserUrl('USER'));
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    browser.context.off('page', onPage);
    const count = batches(tenant).length;
    const seconds = Math.ceil((Date.now() - startedAt) / 1000);
    console.info(`[tabs] ${opened.length} tabs opened by the page in ${seconds} s: ${count} $batch request(s)`);
    expect(opened.length).toBeGreaterThanOrEqual(10);
    expect(count).toBeLessThanOrEqual(6 + seconds); // the burst for all tabs together, then one a second
    for (const tab of opened) if (!tab.isClosed()) await tab.close();
    await page.close();
  });

  it('the gate is no trap: a narrow window still arms, and a filtered page explains itself and offers a window', async () => {
    await resetTenant(tenant, browser);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 375, height: 700 }); // about a 1440 px window at 400 % zoom
    await page.goto(portalUserUrl(TARGETS.adele.id));
    const frame = panel(page);
    await expect.poll(() => issueButton(frame).isEnabled()).toBe(true);
    expect(
      await page.evaluate((tag) => document.querySelector(tag)?.getBoundingClientRect().left, PANEL_HOST),
    ).toBeGreaterThanOrEqual(0);

    // A high-contrast extension's filter on <html>: the panel can't vouch for what the admin sees, so it says so.
    await page.evaluate(() => {
      document.documentElement.style.filter = 'contrast(1.4)';
    });
    await frame.getByTestId('gate-notice').waitFor();
    const opened = browser.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/panel.html') });
    await frame.getByRole('button', { name: 'Open in a window' }).click();
    const window = await opened;
    await window.getByText(TARGETS.adele.displayName).first().waitFor();
    await expect.poll(() => window.getByRole('button', { name: 'Issue TAP' }).isEnabled()).toBe(true);
    await window.close();
    await page.close();
  });

  describe('an account of another directory', () => {
    afterAll(() => tenant.control.answerForTenant(null));

    it('is refused at sign-in with a sentence, its tenant named, and nothing reaches Graph', async () => {
      const popup = await browser.context.newPage();
      await popup.goto(browser.extensionUrl('popup.html'));
      await popup.getByRole('button', { name: 'Sign out' }).click();
      await popup.getByRole('button', { name: 'Sign in' }).waitFor();
      await popup.close();
      tenant.control.answerForTenant(FOREIGN_TENANT);
      tenant.control.clearLog();
      const window = await openPanelWindowFor(browser, TARGETS.adele.userPrincipalName, 'status');
      const signIn = window.getByRole('button', { name: 'Sign in' });
      await completeSignIn(browser, () => signIn.click(), ADMINS.megan.displayName, false);
      await window.getByText(`another directory (tenant ${FOREIGN_TENANT})`, { exact: false }).first().waitFor();
      expect(graphCalls(tenant)).toEqual([]);
      expect(await window.getByText(TARGETS.adele.userPrincipalName).count()).toBe(0);
      await window.close();
    });
  });
});
