import type { Frame, Page } from 'puppeteer-core';
import { portalUserUrl } from '../e2e/harness/session';
import { type FirefoxSuite, findPage, panelFrame, waitForText } from './firefox-browser';
import { button, clickButton, restingClick, waitUntilArmed } from './interact';

/** Opens a portal user page and signs in from its panel's Sign in as the given admin (the tenant's account picker). */
export async function signInFromPanel(suite: FirefoxSuite, userId: string, admin: string): Promise<{ page: Page; frame: Frame }> {
  const page = await suite.browser.newPage();
  await page.goto(portalUserUrl(userId));
  const frame = await panelFrame(page);
  await frame.waitForSelector(button('Sign in'));
  await restingClick(page, frame, button('Sign in'));
  const login = await findPage(suite.browser, (href) => href.startsWith('https://login.microsoftonline.com/'));
  await clickButton(login, admin);
  return { page, frame };
}

/** Clicks Issue TAP once it is armed and returns the pass as shown (its groups joined). */
export async function issueFromPanel(page: Page, frame: Frame, displayName: string): Promise<string> {
  await waitForText(frame, new RegExp(displayName));
  await waitUntilArmed(frame);
  await restingClick(page, frame, button('Issue TAP', { prefix: true }));
  await frame.waitForSelector('[data-testid="pass-value"]');
  return frame.$$eval('[data-testid="pass-value"] .pass-group', (groups) => groups.map((group) => group.textContent).join(''));
}
