/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMINS, TARGETS } from '../tenant/seed';
import type { Tenant } from '../tenant/server';
import { captureConsole } from './harness/console-capture';
import type { ExtensionBrowser } from './harness/extension-browser';
import { PANEL_HOST, panel, portalUserUrl } from './harness/session';
import { displayedPass, issueButton, openUser, resetTenant, useSignedInSuite, watchIssuedValues } from './harness/tap-panel';

/** Every place outside the panel's own DOM where a pass value must never appear. */
async function everywhereButThePanel(browser: ExtensionBrowser, tenant: Tenant, portal: Page, consoleLines: string[]) {
  const worker = await browser.serviceWorker();
  const storage = await worker.evaluate(async () => ({
    local: await chrome.storage.local.get(null),
    session: await chrome.storage.session.get(null),
    sync: await chrome.storage.sync.get(null),
  }));
  const cdp = await browser.context.newCDPSession(portal);
  const history = await cdp.send('Page.getNavigationHistory');
  await cdp.detach();
  const urls = [
    ...browser.context.pages().flatMap((page) => [page.url(), ...page.frames().map((frame) => frame.url())]),
    ...history.entries.map((entry) => entry.url),
  ];
  return {
    storage: JSON.stringify(storage),
    console: consoleLines.join('\n'),
    portalDom: await portal.content(),
    urls: urls.join('\n'),
    tenantLog: tenant.control
      .requestLog()
      .map((entry) => `${entry.path} ${JSON.stringify(entry.batch ?? [])}`)
      .join('\n'),
  };
}

function expectNowhere(places: Record<string, string>, value: string) {
  for (const [where, text] of Object.entries(places)) {
    expect(text.includes(value), `the pass value appears in ${where}`).toBe(false);
  }
}

describe('pass secrecy: the value lives only in the panel frame, and only until it closes or the user changes', () => {
  let tenant: Tenant;
  let browser: ExtensionBrowser;

  useSignedInSuite(ADMINS.megan.displayName, (started) => {
    ({ tenant, browser } = started);
  });

  it('after issuing and after replacing: not in storage, console, the portal DOM, URLs/history or the request log', async () => {
    await resetTenant(tenant, browser);
    const captured = captureConsole(browser.context, await browser.serviceWorker());
    const wire = watchIssuedValues(browser);
    const portal = await openUser(browser, TARGETS.adele.id);
    const frame = panel(portal);

    await issueButton(frame).click();
    await frame.getByTestId('pass-value').waitFor();
    const first = await displayedPass(frame);
    expect(first).toHaveLength(8);
    expectNowhere(await everywhereButThePanel(browser, tenant, portal, captured.messages), first);

    await frame.getByRole('button', { name: 'Issue TAP (replaces the current pass)' }).click();
    await frame.getByRole('button', { name: 'Replace' }).click();
    await expect.poll(() => displayedPass(frame)).not.toBe(first);
    const second = await displayedPass(frame);
    wire.stop();
    expect(wire.values).toEqual([first, second]);
    const places = await everywhereButThePanel(browser, tenant, portal, captured.messages);
    expectNowhere(places, first);
    expectNowhere(places, second);
    // The capture did see traffic: an empty console would prove nothing.
    expect(captured.messages.some((line) => line.includes('issueTap: pass created'))).toBe(true);
    await portal.close();
  });

  it("the portal page's script cannot reach into the panel frame", async () => {
    const portal = await openUser(browser, TARGETS.isla.id);
    await issueButton(panel(portal)).click();
    await panel(portal).getByTestId('pass-value').waitFor();
    const reach = await portal.evaluate((hostTag) => {
      const host = document.querySelector(hostTag);
      return {
        host: !!host,
        shadowRoot: host?.shadowRoot ?? null,
        iframes: document.querySelectorAll('iframe').length,
        frames: window.frames.length,
      };
    }, PANEL_HOST);
    // The host is there, its shadow root is closed, and no iframe or window of the panel is reachable from the page.
    expect(reach).toEqual({ host: true, shadowRoot: null, iframes: 0, frames: 0 });
    await portal.close();
  });

  it('navigating to another user, or back, shows no pass: the new frame never had it', async () => {
    await resetTenant(tenant, browser);
    const portal = await openUser(browser, TARGETS.adele.id);
    await issueButton(panel(portal)).click();
    await panel(portal).getByTestId('pass-value').waitFor();
    const value = await displayedPass(panel(portal));

    await portal.evaluate((url) => history.pushState(null, '', url), portalUserUrl(TARGETS.pradeep.id));
    await panel(portal).getByText(TARGETS.pradeep.displayName).first().waitFor();
    expect(await panel(portal).getByTestId('pass-value').count()).toBe(0);

    await portal.evaluate((url) => history.pushState(null, '', url), portalUserUrl(TARGETS.adele.id));
    await panel(portal).getByText(TARGETS.adele.displayName).first().waitFor();
    await panel(portal).getByRole('heading', { name: 'Current pass' }).waitFor();
    expect(await panel(portal).getByTestId('pass-value').count()).toBe(0);
    expect(await panel(portal).locator('body').textContent()).not.toContain(value);
    await portal.close();
  });

  it('closing the panel removes it with the pass; "Done" forgets the pass in place', async () => {
    await resetTenant(tenant, browser);
    const portal = await openUser(browser, TARGETS.adele.id);
    const frame = panel(portal);
    await issueButton(frame).click();
    await frame.getByTestId('pass-value').waitFor();
    const value = await displayedPass(frame);
    await frame.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => frame.getByTestId('pass-value').count()).toBe(0);
    expect(await frame.locator('body').textContent()).not.toContain(value);

    await issueButton(frame).click();
    await frame.getByRole('button', { name: 'Replace' }).click();
    await frame.getByTestId('pass-value').waitFor();
    await frame.getByRole('button', { name: 'Close panel' }).click();
    await expect.poll(() => portal.locator(PANEL_HOST).count()).toBe(0);
    await expect.poll(() => portal.frames().some((f) => f.url().includes('/panel.html'))).toBe(false); // destroyed, not hidden

    await portal.reload();
    await panel(portal).getByRole('heading', { name: 'Current pass' }).waitFor();
    expect(await panel(portal).getByTestId('pass-value').count()).toBe(0);
    await portal.close();
  });
});
