import type { Frame, Page } from 'puppeteer-core';
import { portalUserUrl } from '../e2e/harness/session';
import { EXTENSION_ORIGIN, type FirefoxSuite, findPage, panelFrame, waitForText } from './firefox-browser';
import { button, clickButton, restingClick } from './interact';

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

/**
 * Firefox can't prove a portal frame is seen, so the portal panel's Issue opens the user in a window of its own
 * (utils/ui/visibility-gate.ts): that window issues, and shows the pass. Returns the window and the pass as shown.
 */
export async function issueInWindow(
  suite: FirefoxSuite,
  page: Page,
  frame: Frame,
  displayName: string,
): Promise<{ window: Page; pass: string }> {
  await waitForText(frame, new RegExp(displayName));
  await restingClick(page, frame, button('Issue TAP in a window'));
  const window = await findPage(suite.browser, (href) => href.startsWith(`${EXTENSION_ORIGIN}/panel.html`));
  await waitForText(window, new RegExp(displayName));
  await clickButton(window, 'Issue TAP');
  await window.waitForSelector('[data-testid="pass-value"]');
  const pass = await window.$$eval('[data-testid="pass-value"] .pass-group', (groups) =>
    groups.map((group) => group.textContent).join(''),
  );
  return { window, pass };
}
