/// <reference types="chrome" />
import { describe, expect, it } from 'vitest';
import { ADMINS, TARGETS } from '../tenant/seed';
import type { Tenant } from '../tenant/server';
import type { ExtensionBrowser } from './harness/extension-browser';
import { currentPanelFrame, panel } from './harness/session';
import { displayedPass, issueButton, openUser, resetTenant, useSignedInSuite } from './harness/tap-panel';

/** The clipboard as any page of the profile reads it (the test's own page, granted clipboard-read). */
async function clipboardText(browser: ExtensionBrowser): Promise<string> {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('options.html'));
  const text = await page.evaluate(() => navigator.clipboard.readText());
  await page.close();
  return text;
}

async function setClipboardSeconds(browser: ExtensionBrowser, seconds: number) {
  const options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('options.html'));
  await options.getByLabel(/Clear a copied pass from the clipboard/).fill(String(seconds));
  await options.getByRole('button', { name: 'Save clipboard setting' }).click();
  await options.getByText('Saved').waitFor();
  await options.close();
}

describe('the copied pass: exact, and gone from the clipboard when it should be', () => {
  let tenant: Tenant;
  let browser: ExtensionBrowser;

  useSignedInSuite(ADMINS.megan.displayName, (started) => {
    ({ tenant, browser } = started);
  });

  it('Copy puts the exact pass on the clipboard; after the delay it is cleared, and only if still there', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await setClipboardSeconds(browser, 2);
    await resetTenant(tenant, browser);
    const portal = await openUser(browser, TARGETS.adele.id);
    const frame = panel(portal);
    await issueButton(frame).click();
    await frame.getByRole('button', { name: 'Copy pass' }).click();
    const value = await displayedPass(frame);
    await expect.poll(() => clipboardText(browser)).toBe(value);
    await expect.poll(() => clipboardText(browser), { timeout: 6_000 }).toBe('');

    // Copied again, then the admin copies something else: that is left alone.
    await frame.getByRole('button', { name: 'Copy pass' }).click();
    await expect.poll(() => clipboardText(browser)).toBe(value);
    const other = await browser.context.newPage();
    await other.goto(browser.extensionUrl('options.html'));
    await other.evaluate(() => navigator.clipboard.writeText('ticket #4711'));
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await clipboardText(browser)).toBe('ticket #4711');
    await other.close();
    await portal.close();
  });

  it('Done clears it at once; a manual copy of the value gives the pass without the grouping', async () => {
    await setClipboardSeconds(browser, 600);
    await resetTenant(tenant, browser);
    const portal = await openUser(browser, TARGETS.isla.id);
    const frame = panel(portal);
    await issueButton(frame).click();
    const value = await (async () => {
      await frame.getByTestId('pass-value').waitFor();
      return displayedPass(frame);
    })();
    // Select the value (a click selects it all) and copy with the keyboard, as an admin would.
    await frame.getByTestId('pass-value').click();
    await (await currentPanelFrame(portal)).press('[data-testid="pass-value"]', 'Control+c');
    await expect.poll(() => clipboardText(browser)).toBe(value);
    await frame.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => clipboardText(browser), { timeout: 3_000 }).toBe('');
    await portal.close();
  });

  it('0 means never: the pass stays where the admin put it', async () => {
    await setClipboardSeconds(browser, 0);
    await resetTenant(tenant, browser);
    const portal = await openUser(browser, TARGETS.henrietta.id);
    const frame = panel(portal);
    await issueButton(frame).click();
    await frame.getByRole('button', { name: 'Copy pass' }).click();
    const value = await displayedPass(frame);
    await frame.getByRole('button', { name: 'Done' }).click();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await clipboardText(browser)).toBe(value);
    await portal.close();
    await setClipboardSeconds(browser, 60);
  });
});
