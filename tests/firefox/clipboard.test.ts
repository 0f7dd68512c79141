/**
 * Firefox has no offscreen documents: its event page clears a copied pass itself and keeps itself awake only while a
 * watch waits. Run with Firefox's own 30 s idle timeout and a longer delay, so the clearing outlives what would
 * otherwise suspend the page.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMINS, APP, TARGETS } from '../tenant/seed';
import { EXTENSION_ORIGIN, type FirefoxSuite, findPage, launchFirefoxSuite } from './firefox-browser';
import { clickButton } from './interact';
import { issueInWindow, signInFromPanel } from './steps';

const FIREFOX_IDLE_TIMEOUT_MS = 30_000;
const CLEAR_AFTER_SECONDS = 34;

describe('Firefox: a copied pass leaves the clipboard after the delay', () => {
  let suite: FirefoxSuite;
  let options: Page;

  beforeAll(async () => {
    suite = await launchFirefoxSuite({ eventPageIdleMs: FIREFOX_IDLE_TIMEOUT_MS });
    options = await findPage(suite.browser, (href) => href === `${EXTENSION_ORIGIN}/options.html`);
    await options.evaluate(
      (settings, seconds) =>
        (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.set({
          entraSettings: settings,
          preferences: { clipboardClearSeconds: seconds },
        }),
      { clientId: APP.clientId, tenantId: APP.tenantDomain },
      CLEAR_AFTER_SECONDS,
    );
  });
  afterAll(async () => {
    await suite?.close();
  });

  const clipboard = () => options.evaluate(() => navigator.clipboard.readText());

  it('Copy puts the exact pass there; more than 30 s later (past the idle timeout) it is gone', async () => {
    const { page, frame } = await signInFromPanel(suite, TARGETS.adele.id, ADMINS.megan.displayName);
    const { window, pass } = await issueInWindow(suite, page, frame, TARGETS.adele.displayName);
    await clickButton(window, 'Copy');
    await expect.poll(clipboard).toBe(pass);
    const copiedAt = Date.now();
    await expect.poll(clipboard, { timeout: (CLEAR_AFTER_SECONDS + 15) * 1000, interval: 1000 }).toBe('');
    expect(Date.now() - copiedAt).toBeGreaterThanOrEqual((CLEAR_AFTER_SECONDS - 2) * 1000);
    await window.close();
    await page.close();
  }, 120_000);
});
