/// <reference types="chrome" />
/**
 * A keyboard-only admin with a screen reader: the shortcut to the panel, Tab and Enter to issue and copy, focus that
 * always lands somewhere sensible, and every live announcement heard exactly once (a log of the live regions stands in
 * for the screen reader). Also the collapsed tab, remembered per portal host.
 */
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMINS, TARGETS } from '../tenant/seed';
import type { Tenant } from '../tenant/server';
import type { ExtensionBrowser } from './harness/extension-browser';
import { currentPanelFrame, PANEL_HOST, panel, portalUserUrl } from './harness/session';
import { issueButton, resetTenant, tapCalls, useSignedInSuite } from './harness/tap-panel';

/** What a screen reader would say from the panel's live regions: every new non-empty text, in order. */
const LIVE_LOG = `(() => {
  if (!location.pathname.endsWith('/panel.html')) return;
  const heard = (window.__heard = []);
  const last = new WeakMap();
  const listen = () => {
    for (const region of document.querySelectorAll('[aria-live], [role="alert"], [role="status"]')) {
      const text = region.textContent.trim();
      if (text && last.get(region) !== text) heard.push({ kind: region.getAttribute('role') || region.getAttribute('aria-live'), text });
      last.set(region, text);
    }
  };
  new MutationObserver(listen).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

/**
 * Where the keyboard went inside the panel, in order (each focusin's element, described as focusedInPanel does): a
 * screen reader says every stop, so a detour (the user's name on the way to Cancel) would be heard.
 */
const FOCUS_TRAIL = `(() => {
  if (!location.pathname.endsWith('/panel.html')) return;
  const trail = (window.__focusTrail = []);
  document.addEventListener('focusin', (event) => {
    const element = event.target;
    trail.push((element.tagName + ' ' + (element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '')).trim());
  }, true);
})();`;

/** The stops since the last call. */
const focusTrail = (frame: Frame) =>
  frame.evaluate(() => (window as unknown as { __focusTrail: string[] }).__focusTrail.splice(0)) as Promise<string[]>;

const heard = async (frame: Frame) =>
  (await frame.evaluate(() => (window as unknown as { __heard: unknown[] }).__heard)) as {
    kind: string;
    text: string;
  }[];

/** The element that has the keyboard inside the panel frame, described. */
const focusedInPanel = (frame: Frame) =>
  frame.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return `${element?.tagName} ${element?.getAttribute('aria-label') ?? element?.textContent?.trim() ?? ''}`.trim();
  });

describe('keyboard only', () => {
  let tenant: Tenant;
  let browser: ExtensionBrowser;

  useSignedInSuite(ADMINS.megan.displayName, (started) => {
    ({ tenant, browser } = started);
  });

  /** The admin presses the shortcut (Alt+Shift+P): the production command listener, dispatched as Chromium would. */
  async function pressShortcut(page: Page) {
    await page.bringToFront();
    const worker = await browser.serviceWorker();
    await worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      const onCommand = chrome.commands.onCommand as unknown as { dispatch(...args: unknown[]): void };
      onCommand.dispatch('toggle-panel', tab);
    });
  }

  async function tabUntil(page: Page, frame: Frame, wanted: RegExp, key = 'Tab') {
    for (let i = 0; i < 12; i++) {
      if (wanted.test(await focusedInPanel(frame))) return;
      await page.keyboard.press(key);
    }
    throw new Error(`Never reached ${wanted} with ${key}; focus is on ${await focusedInPanel(frame)}`);
  }

  it('shortcut into the panel, Issue with Enter, land on the pass, Copy with Enter: "Copied" heard once', async () => {
    await resetTenant(tenant, browser);
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await browser.context.newPage();
    await page.addInitScript(LIVE_LOG);
    await page.addInitScript(FOCUS_TRAIL);
    await page.goto(portalUserUrl(TARGETS.adele.id));
    await issueButton(panel(page)).waitFor();
    await page.getByTestId('nav-all-users').focus(); // the admin is working in the portal
    const frame = await currentPanelFrame(page);

    await pressShortcut(page);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe(PANEL_HOST);
    await expect.poll(() => focusedInPanel(frame)).toBe(`H1 ${TARGETS.adele.displayName}`);

    await tabUntil(page, frame, /^BUTTON Issue TAP$/);
    await page.waitForTimeout(600); // a key counts once the panel has had the keyboard a moment
    await page.keyboard.press('Enter');
    await frame.getByTestId('pass-value').waitFor();
    await expect.poll(() => focusedInPanel(frame)).toBe(`SECTION Temporary Access Pass for ${TARGETS.adele.displayName}`);
    expect(
      (await heard(frame)).filter((entry) => /^Issuing/.test(entry.text)),
      '"Issuing…" said once',
    ).toHaveLength(1);

    await page.keyboard.press('Tab');
    expect(await focusedInPanel(frame)).toBe('BUTTON Copy pass');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await heard(frame)).filter((entry) => /Copied/.test(entry.text)).length).toBe(1);
    await page.waitForTimeout(500);
    expect((await heard(frame)).filter((entry) => /Copied/.test(entry.text))).toHaveLength(1);

    // Done returns the keyboard to Issue.
    await tabUntil(page, frame, /^BUTTON Done$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedInPanel(frame)).toMatch(/^BUTTON Issue TAP \(replaces the current pass\)$/);

    // Replace: the question starts on Cancel, and the new pass takes the keyboard, with no stop on the way to either.
    await focusTrail(frame);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedInPanel(frame)).toBe('BUTTON Cancel');
    await page.waitForTimeout(300);
    expect(await focusTrail(frame)).toEqual(['BUTTON Cancel']);
    await page.keyboard.press('Shift+Tab');
    expect(await focusedInPanel(frame)).toBe('BUTTON Replace');
    await page.waitForTimeout(600); // a confirmation acts only once it has been there a moment
    await focusTrail(frame);
    await page.keyboard.press('Enter');
    const card = `SECTION Temporary Access Pass for ${TARGETS.adele.displayName}`;
    await expect.poll(() => focusedInPanel(frame)).toBe(card);
    await page.waitForTimeout(300);
    const trail = await focusTrail(frame);
    expect(trail.at(-1)).toBe(card);
    expect(
      trail.filter((stop) => stop === card),
      'the card takes the keyboard once',
    ).toHaveLength(1);
    expect(
      trail.filter((stop) => stop.startsWith('H1')),
      "no stop on the user's name",
    ).toEqual([]);
    expect(tapCalls(tenant).filter((call) => call.method === 'POST')).toHaveLength(2);
    await page.close();
  });

  it('revoke starts on Cancel; Escape and Cancel go back to Revoke; a revoke lands on Issue; Escape closes the options', async () => {
    await resetTenant(tenant, browser);
    const page = await browser.context.newPage();
    await page.addInitScript(LIVE_LOG);
    await page.addInitScript(FOCUS_TRAIL);
    await page.goto(portalUserUrl(TARGETS.lynne.id)); // Lynne has a pass
    await issueButton(panel(page)).waitFor();
    const frame = await currentPanelFrame(page);
    await pressShortcut(page);
    await expect.poll(() => focusedInPanel(frame)).toBe(`H1 ${TARGETS.lynne.displayName}`);
    await page.waitForTimeout(600);

    await tabUntil(page, frame, /^BUTTON Revoke$/);
    await focusTrail(frame);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedInPanel(frame)).toBe('BUTTON Cancel');
    await page.waitForTimeout(300);
    expect(await focusTrail(frame), 'straight to Cancel, no stop on the way').toEqual(['BUTTON Cancel']);
    await page.keyboard.press('Enter'); // Enter, Enter: cancelled, nothing revoked
    await expect.poll(() => focusedInPanel(frame)).toBe('BUTTON Revoke');
    await page.waitForTimeout(300);
    expect(await focusTrail(frame), 'straight back to Revoke').toEqual(['BUTTON Revoke']);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedInPanel(frame)).toBe('BUTTON Cancel');
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedInPanel(frame)).toBe('BUTTON Revoke');
    expect(tapCalls(tenant).filter((call) => call.method === 'DELETE')).toEqual([]);

    await page.keyboard.press('Enter');
    await expect.poll(() => focusedInPanel(frame)).toBe('BUTTON Cancel');
    await page.keyboard.press('Shift+Tab'); // Cancel → the Revoke that confirms
    expect(await focusedInPanel(frame)).toBe('BUTTON Revoke');
    await page.waitForTimeout(600); // a confirmation acts only once it has been there a moment
    await page.keyboard.press('Enter');
    await frame.getByText('No Temporary Access Pass.').waitFor();
    await expect.poll(() => focusedInPanel(frame)).toBe('BUTTON Issue TAP');
    expect(tapCalls(tenant).filter((call) => call.method === 'DELETE')).toHaveLength(1);

    await tabUntil(page, frame, /^BUTTON Options$/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focusedInPanel(frame)).toMatch(/^INPUT/);
    await page.keyboard.press('Escape');
    await expect.poll(() => focusedInPanel(frame)).toBe('BUTTON Options');
    expect(await frame.locator('#issue-options').isHidden()).toBe(true);

    // Every announcement once: nothing said twice in a row, and "Revoking…"/"Pass revoked." each once.
    const said = (await heard(frame)).map((entry) => entry.text);
    for (let i = 1; i < said.length; i++) expect(said[i], `said twice: ${said[i]}`).not.toBe(said[i - 1]);
    expect(said.filter((text) => text === 'Pass revoked.')).toHaveLength(1);
    await page.close();
  });

  it('an error is announced by its alert only, and Dismiss returns to Issue', async () => {
    await resetTenant(tenant, browser);
    tenant.control.injectFault({ method: 'POST', path: 'temporaryAccessPassMethods', status: 429, retryAfter: '30', times: 1 });
    const page = await browser.context.newPage();
    await page.addInitScript(LIVE_LOG);
    await page.goto(portalUserUrl(TARGETS.isla.id));
    await issueButton(panel(page)).waitFor();
    const frame = await currentPanelFrame(page);
    await pressShortcut(page);
    await expect.poll(() => focusedInPanel(frame)).toBe(`H1 ${TARGETS.isla.displayName}`);
    await tabUntil(page, frame, /^BUTTON Issue TAP$/);
    await page.waitForTimeout(600);
    await page.keyboard.press('Enter');
    await frame.getByRole('alert').waitFor();
    await expect.poll(() => focusedInPanel(frame)).toBe('BUTTON Issue TAP'); // busy was aria-disabled: focus stayed
    const log = await heard(frame);
    const busyAsked = log.filter((entry) => /busy/.test(entry.text));
    expect(busyAsked.map((entry) => entry.kind)).toEqual(['alert']);
    await tabUntil(page, frame, /^BUTTON Dismiss$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedInPanel(frame)).toBe('BUTTON Issue TAP');
    await page.close();
  });

  it('collapsed to a tab for every user (remembered across users and reloads); × hides for this user only', async () => {
    await resetTenant(tenant, browser);
    const page = await browser.context.newPage();
    await page.goto(portalUserUrl(TARGETS.adele.id));
    await issueButton(panel(page)).waitFor();
    const frame = await currentPanelFrame(page);
    await pressShortcut(page);
    await expect.poll(() => focusedInPanel(frame)).toBe(`H1 ${TARGETS.adele.displayName}`);
    await pressShortcut(page); // in the panel already: fold it away, keyboard on the tab
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('entra-tap-tab');
    expect(await page.locator(PANEL_HOST).count()).toBe(0);

    await page.evaluate((url) => history.pushState(null, '', url), portalUserUrl(TARGETS.pradeep.id));
    await page.reload();
    await page.locator('entra-tap-tab').waitFor();
    expect(await page.locator(PANEL_HOST).count()).toBe(0);

    await pressShortcut(page); // the tab is shown: bring the panel back, keyboard on its heading
    await panel(page).getByText(TARGETS.pradeep.displayName).first().waitFor();
    await expect.poll(async () => focusedInPanel(await currentPanelFrame(page))).toBe(`H1 ${TARGETS.pradeep.displayName}`);

    await panel(page).getByRole('button', { name: 'Close panel' }).click();
    await page.locator('entra-tap-tab').waitFor();
    // Focus went to the tab that brings it back, not to the page's body.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('entra-tap-tab');
    await page.evaluate((url) => history.pushState(null, '', url), portalUserUrl(TARGETS.adele.id));
    await panel(page).getByText(TARGETS.adele.displayName).first().waitFor(); // another user: the panel is back
    // And the tab works with a click too.
    await panel(page).getByRole('button', { name: 'Collapse panel' }).click();
    const tab = await page.locator('entra-tap-tab').boundingBox();
    if (!tab) throw new Error('no tab');
    await page.mouse.click(tab.x + tab.width / 2, tab.y + tab.height / 2);
    await panel(page).getByText(TARGETS.adele.displayName).first().waitFor();
    await page.close();
  });

  it.each([
    { zoom: '400 %', width: 320, height: 200 },
    { zoom: '200 %', width: 640, height: 400 },
  ])('at $zoom zoom ($width × $height CSS px) the panel stays inside the window and reflows', async ({ width, height }) => {
    await resetTenant(tenant, browser);
    const page = await browser.context.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(portalUserUrl(TARGETS.lynne.id));
    await issueButton(panel(page)).waitFor();
    const box = await page.locator(PANEL_HOST).boundingBox();
    if (!box) throw new Error('no panel');
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect(box.y + box.height).toBeLessThanOrEqual(height);
    expect(box.width).toBe(Math.min(360, width - 32));
    // Everything reachable by scrolling down only (WCAG 1.4.10): nothing wider than the frame.
    const frame = await currentPanelFrame(page);
    const overflow = () => frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBe(0);
    // The line that says how to bring the panel back is shown, and wraps inside the frame.
    const hint = await frame.getByTestId('bring-back-hint').evaluate((element) => {
      const box = element.getBoundingClientRect();
      return { width: box.width, height: box.height, right: box.right, frame: document.documentElement.clientWidth };
    });
    expect(hint.width * hint.height).toBeGreaterThan(0);
    expect(hint.right).toBeLessThanOrEqual(hint.frame);
    await panel(page)
      .getByRole('button', { name: /Issue TAP/ })
      .click();
    await panel(page).getByRole('button', { name: 'Replace' }).click();
    await frame.getByTestId('pass-value').waitFor();
    await panel(page).getByRole('button', { name: 'Spell out' }).click();
    expect(await overflow()).toBe(0);
    await page.close();
  });

  it('in a window, Escape closes the options first, then the window', async () => {
    const { openPanelWindowFor } = await import('./harness/panel-window');
    const window = await openPanelWindowFor(browser, TARGETS.henrietta.userPrincipalName, 'status');
    await window.getByRole('button', { name: 'Options' }).click();
    await window.getByLabel('Lifetime', { exact: true }).focus();
    await window.keyboard.press('Escape');
    await expect.poll(() => window.evaluate(() => document.activeElement?.textContent)).toBe('Options');
    const closed = window.waitForEvent('close');
    await window.keyboard.press('Escape').catch(() => undefined); // the window closes under the key press
    await closed;
    expect(window.isClosed()).toBe(true);
  });
});
