/// <reference types="chrome" />
/**
 * The local history as an admin meets it: passes issued, replaced and revoked from the portal panel appear on the options
 * page and in the popup, never with a pass value (page, storage.local, exported CSV); search, filter, clear and the off
 * switch work by keyboard and are announced once; axe-core finds nothing in any of its states.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMINS, TARGETS } from '../tenant/seed';
import type { Tenant } from '../tenant/server';
import { type AxeFinding, axeFindings } from './harness/axe';
import type { ExtensionBrowser } from './harness/extension-browser';
import { type PanelFrame, panel } from './harness/session';
import { displayedPass, issueButton, openUser, useSignedInSuite, watchIssuedValues } from './harness/tap-panel';

interface StoredEntry {
  action: string;
  user: { id: string; displayName: string };
}

describe('local history: options page, popup, no pass anywhere', () => {
  let tenant: Tenant;
  let browser: ExtensionBrowser;
  /** Every pass value Graph returned during the file, read off the wire. */
  const passes: string[] = [];

  useSignedInSuite(ADMINS.megan.displayName, (started) => {
    ({ tenant, browser } = started);
  });

  const storedLocal = async () => {
    const worker = await browser.serviceWorker();
    return worker.evaluate(() => chrome.storage.local.get(null));
  };
  const storedHistory = async () => ((await storedLocal()).history ?? []) as StoredEntry[];

  async function expectClean(target: Page, state: string) {
    const findings: AxeFinding[] = await axeFindings(target, state);
    expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
  }

  const expectNoPass = (text: string) => {
    for (const pass of passes) expect(text).not.toContain(pass);
  };

  async function openOptions(fragment = '#history'): Promise<Page> {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl(`options.html${fragment}`));
    await page.getByRole('heading', { name: 'History', exact: true }).waitFor();
    return page;
  }

  /** Records every text the section's live region takes from now on; read with `said`. */
  async function watchStatus(page: Page) {
    await page.evaluate(() => {
      const region = document.querySelector('[data-testid="history-status"]') as HTMLElement;
      const log: string[] = [];
      (window as unknown as { said: string[] }).said = log;
      new MutationObserver(() => {
        if (region.textContent) log.push(region.textContent);
      }).observe(region, { childList: true, characterData: true, subtree: true });
    });
    return () => page.evaluate(() => (window as unknown as { said: string[] }).said);
  }

  const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  const rows = (page: Page) => page.getByTestId('history-row');

  /** Issues (or replaces, after its confirmation) from the portal panel and keeps the value shown. */
  async function issueFrom(frame: PanelFrame, replace = false) {
    const wire = watchIssuedValues(browser);
    await issueButton(frame).click();
    if (replace) await frame.getByRole('button', { name: 'Replace' }).click();
    await frame.getByTestId('pass-value').waitFor();
    passes.push(await displayedPass(frame));
    wire.stop();
    passes.push(...wire.values);
    await frame.getByRole('button', { name: 'Done' }).click();
  }

  it('issue, replace and revoke from the portal panel are kept: 3 entries, right user and actions, no pass value', async () => {
    const page = await openUser(browser, TARGETS.adele.id);
    const frame = panel(page);
    await issueFrom(frame);
    await issueFrom(frame, true);
    await frame.getByRole('region', { name: 'Current pass' }).getByRole('button', { name: 'Revoke' }).click();
    await frame.getByRole('group').getByRole('button', { name: 'Revoke' }).click();
    await frame.getByText('No Temporary Access Pass.').waitFor();
    await page.close();
    expect(passes.length).toBeGreaterThanOrEqual(2);

    await expect.poll(async () => (await storedHistory()).map((e) => e.action)).toEqual(['revoke', 'replace', 'issue']);
    expect(new Set((await storedHistory()).map((e) => e.user.id))).toEqual(new Set([TARGETS.adele.id]));
    expectNoPass(JSON.stringify(await storedLocal()));

    const options = await openOptions();
    // Opened at #history: the keyboard starts on the section's heading.
    expect(await focusedText(options)).toBe('History');
    await expect.poll(() => rows(options).count()).toBe(3);
    const what = await rows(options).locator('td[data-label="What"]').allTextContents();
    expect(what).toEqual(['Revoked', 'Replaced', 'Issued']);
    for (const user of await rows(options).locator('td[data-label="User"]').allTextContents()) {
      expect(user).toBe(`${TARGETS.adele.displayName}${TARGETS.adele.userPrincipalName}`);
    }
    expect(await rows(options).locator('td[data-label="Result"]').allTextContents()).toEqual(['Done', 'Done', 'Done']);
    expect(await rows(options).locator('td[data-label="From"]').allTextContents()).toEqual(['Panel', 'Panel', 'Panel']);
    expect(await options.getByTestId('history-count').textContent()).toBe('3 entries');
    expectNoPass(await options.evaluate(() => `${document.body.textContent}\n${document.documentElement.outerHTML}`));

    const downloading = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^entra-tap-history-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^when,action,user display name,user principal name,user id,/);
    expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(['revoke', 'replace', 'issue']);
    expectNoPass(csv);
    await expect.poll(() => options.getByTestId('history-status').textContent()).toMatch(/^Exported 3 entries to /);
    await options.close();
  });

  it('the popup shows the last entries and opens the options page at the history', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.getByRole('heading', { name: 'Recent history' }).waitFor();
    const lines = await popup.locator('.recent li').allTextContents();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^Revoked for Adele Vance, (just now|1 min ago), Done$/);
    expect(lines[1]).toMatch(/^Replaced for Adele Vance, /);
    expect(lines[2]).toMatch(/^Issued for Adele Vance, /);
    expectNoPass(await popup.evaluate(() => document.documentElement.outerHTML));
    await expectClean(popup, 'popup: recent history');

    const opened = browser.context.waitForEvent('page');
    await popup.getByRole('link', { name: 'Show all history' }).click();
    const options = await opened;
    await options.getByRole('heading', { name: 'History', exact: true }).waitFor();
    expect(new URL(options.url()).hash).toBe('#history');
    await expect.poll(() => focusedText(options)).toBe('History');
    await options.close();
    if (!popup.isClosed()) await popup.close();
  });

  it('search and the user filter narrow the list, the count said once; every state passes axe, also dark, forced colours, 320 px', async () => {
    const page = await openUser(browser, TARGETS.pradeep.id);
    await issueFrom(panel(page));
    await page.close();
    await expect.poll(async () => (await storedHistory()).length).toBe(4);

    const options = await openOptions();
    await expect.poll(() => rows(options).count()).toBe(4);
    await expectClean(options, 'options: history with entries');

    const search = options.getByLabel('Search');
    const said = await watchStatus(options);
    await search.pressSequentially('pradeepg@', { delay: 30 });
    await expect.poll(() => rows(options).count()).toBe(1);
    expect(await options.getByTestId('history-count').textContent()).toBe('1 of 4 entries');
    await expect.poll(() => options.getByTestId('history-status').textContent()).toBe('1 of 4 entries');
    await options.waitForTimeout(1_000);
    // Nine keystrokes, one announcement.
    expect(await said()).toEqual(['1 of 4 entries']);
    await search.fill('no such person');
    await options.getByTestId('history-no-match').waitFor();
    await expectClean(options, 'options: history, no entry matches');
    await search.fill('');

    await options.getByLabel('User').selectOption({ label: `${TARGETS.adele.displayName} (${TARGETS.adele.userPrincipalName})` });
    await expect.poll(() => rows(options).count()).toBe(3);
    await expect.poll(() => options.getByTestId('history-status').textContent()).toBe('3 of 4 entries');
    await options.getByLabel('User').selectOption({ label: 'All users' });
    await expect.poll(() => rows(options).count()).toBe(4);

    const days = options.getByLabel('Keep entries for (days)');
    await days.fill('0');
    await days.press('Tab');
    await options.getByText('Enter a whole number of days from 1 to 3,650.').waitFor();
    expect(await days.getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() => options.getByTestId('history-status').textContent())
      .toBe('Enter a whole number of days from 1 to 3,650.');
    await expectClean(options, 'options: history retention with a problem');
    await options.getByRole('button', { name: 'Save history settings' }).click();
    await expect.poll(() => options.evaluate(() => document.activeElement?.id)).toBe('history-days');
    await days.fill('90');

    await options.getByLabel('Keep a local history').click();
    await options.getByTestId('history-turn-off').waitFor();
    // Focus moves once the choice has rendered: asked until it lands (a loaded machine paints later).
    await expect.poll(() => focusedText(options)).toBe('Cancel');
    await expectClean(options, 'options: turning the history off, the choice');
    await options.keyboard.press('Escape');
    // Focus goes back to the box in the frame after the choice closes: asked until it lands, as above.
    await expect.poll(() => options.evaluate(() => document.activeElement?.id)).toBe('history-keep');
    expect(await options.getByLabel('Keep a local history').isChecked()).toBe(true);

    await options.getByRole('button', { name: 'Clear history…' }).click();
    await options.getByRole('button', { name: 'Cancel' }).waitFor();
    await expectClean(options, 'options: clear history confirmation');
    await options.getByRole('button', { name: 'Cancel' }).click();

    await options.emulateMedia({ colorScheme: 'dark' });
    await expectClean(options, 'options: history, dark');
    await options.emulateMedia({ colorScheme: 'light', forcedColors: 'active' });
    await expectClean(options, 'options: history, forced colours');
    await options.emulateMedia({ forcedColors: 'none' });
    await options.setViewportSize({ width: 320, height: 800 });
    await expect.poll(() => options.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await expectClean(options, 'options: history at 320 px');
    await options.close();
  });

  it('Clear, after its confirmation, empties the history, says so once and leaves the keyboard on the heading', async () => {
    const options = await openOptions();
    await expect.poll(() => rows(options).count()).toBe(4);
    const clear = options.getByRole('button', { name: 'Clear history…' });
    await clear.focus();
    await options.keyboard.press('Enter');
    await expect.poll(() => focusedText(options)).toBe('Cancel');
    await options.keyboard.press('Escape');
    await expect.poll(() => focusedText(options)).toBe('Clear history…');
    await options.keyboard.press('Enter');
    const said = await watchStatus(options);
    await options.getByRole('group').getByRole('button', { name: 'Clear', exact: true }).click();
    await options.getByTestId('history-empty').waitFor();
    expect(await options.getByTestId('history-status').textContent()).toBe('History cleared (4 entries)');
    await options.waitForTimeout(1_000);
    expect(await said()).toEqual(['History cleared (4 entries)']);
    await expect.poll(() => focusedText(options)).toBe('History');
    expect(await storedHistory()).toEqual([]);
    await expectClean(options, 'options: history empty');
    await options.close();
  });

  it('turned off, the next issue records nothing', async () => {
    const options = await openOptions();
    await options.getByTestId('history-empty').waitFor();
    const keep = options.getByLabel('Keep a local history');
    await keep.focus();
    await options.keyboard.press('Space');
    await expect.poll(() => keep.isChecked()).toBe(false);
    await expect.poll(() => options.getByTestId('history-status').textContent()).toMatch(/^History turned off\./);
    expect((await storedLocal()).historySettings).toMatchObject({ enabled: false });
    await expect.poll(() => options.getByTestId('history-empty').textContent()).toMatch(/turned off/);

    const page = await openUser(browser, TARGETS.isla.id);
    await issueFrom(panel(page));
    await page.close();
    expect(tenant.control.state.passes[TARGETS.isla.id]).toBeDefined();
    // Recording follows the reply: give it time to have happened, had it been on.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await storedHistory()).toEqual([]);
    expectNoPass(JSON.stringify(await storedLocal()));

    await keep.click();
    await expect.poll(() => keep.isChecked()).toBe(true);
    await options.close();
  });
});
