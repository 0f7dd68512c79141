/**
 * Deployed by policy in Firefox: Debian firefox-esr reads distribution/policies.json beside its binary at startup, and
 * the policy's "3rdparty.Extensions[<gecko id>]" reaches the extension through storage.managed. The spec writes the
 * file (as root) before it launches Firefox with a clean profile, removes it after, and checks the extension is
 * configured from it with no options page visit.
 *
 * Firefox passes policy values through unchecked (measured, ESR 153: "yes" for a boolean, unknown keys, nested
 * objects): here the wrong-typed value reaches the extension, which names it on the options page. BiDi can't navigate
 * to the options page (firefox-browser.ts) and first run opens none, so the panel frame (an extension page) opens it.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyFile, policyFileProblem, policySpecCanRun } from '../e2e/harness/policy-file';
import { portalUserUrl } from '../e2e/harness/session';
import { ADMINS, APP, TARGETS } from '../tenant/seed';
import {
  EXTENSION_ORIGIN,
  type FirefoxSuite,
  findPage,
  firefoxPolicyFile,
  GECKO_ID,
  launchFirefoxSuite,
  locationOf,
  panelFrame,
  waitForText,
} from './firefox-browser';
import { button, clickButton, restingClick } from './interact';

const SUPPORT = 'Contoso IT service desk: ext. 4455';

const POLICY = {
  clientId: APP.clientId,
  tenantId: APP.tenantDomain,
  supportContact: SUPPORT,
  clipboardClearSeconds: 20,
  // Wrong type: Firefox hands it over as it is; the extension names it and ignores it.
  defaultOneTime: 'yes',
  // Unknown: ignored and reported.
  colour: 'blue',
};

const POLICY_FILE = firefoxPolicyFile();
const canRun = policySpecCanRun(policyFileProblem(POLICY_FILE));

describe.skipIf(!canRun)('Firefox: managed configuration from policies.json, no options page visit', () => {
  const file = policyFile(POLICY_FILE);
  let suite: FirefoxSuite;

  beforeAll(async () => {
    file.write({ policies: { '3rdparty': { Extensions: { [GECKO_ID]: POLICY } } } });
    suite = await launchFirefoxSuite();
  });
  afterAll(async () => {
    await suite?.close();
    file.remove();
  });

  const pageLocations = async () => Promise.all((await suite.browser.pages()).map(locationOf));

  it('opens no options page at install', async () => {
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect((await pageLocations()).filter((href) => href.startsWith(`${EXTENSION_ORIGIN}/options.html`))).toEqual([]);
  });

  it('shows the panel ready to sign in on a user page, and signs in with the managed app registration', async () => {
    const page = await suite.browser.newPage();
    await page.goto(portalUserUrl(TARGETS.adele.id));
    const frame = await panelFrame(page);
    await frame.waitForSelector(button('Sign in'));
    expect(await frame.evaluate(() => document.body.textContent ?? '')).not.toMatch(/not set up/i);
    await restingClick(page, frame, button('Sign in'));
    const login = await findPage(suite.browser, (href) => href.startsWith('https://login.microsoftonline.com/'));
    expect(await locationOf(login)).toContain(`client_id=${APP.clientId}`);
    await clickButton(login, ADMINS.megan.displayName);
    await waitForText(frame, new RegExp(TARGETS.adele.displayName));
    await page.close();
  });

  it('the options page shows the managed values locked and names the wrong-typed value and the unknown key', async () => {
    const page = await suite.browser.newPage();
    await page.goto(portalUserUrl(TARGETS.adele.id));
    const frame = await panelFrame(page);
    await waitForText(frame, new RegExp(TARGETS.adele.displayName));
    // BiDi can't open a moz-extension:// page, and runtime.openOptionsPage isn't callable from its evaluation realm
    // (the panel's own "Open options" button works): the panel frame, an extension page, opens the options in a tab.
    await frame.evaluate((url) => void window.open(url, '_blank'), `${EXTENSION_ORIGIN}/options.html`);
    const options: Page = await findPage(suite.browser, (href) => href === `${EXTENSION_ORIGIN}/options.html`);
    await waitForText(options, /Set by your organisation/);
    const field = (id: string) =>
      options.$eval(id, (input) => ({
        value: (input as HTMLInputElement).value,
        readOnly: (input as HTMLInputElement).readOnly,
      }));
    expect(await field('#client-id')).toEqual({ value: APP.clientId, readOnly: true });
    expect(await field('#tenant-id')).toEqual({ value: APP.tenantDomain, readOnly: true });
    expect(await field('#clipboard-seconds')).toEqual({ value: '20', readOnly: true });
    const problems = await options.$eval('[data-testid="managed-problems"]', (element) => element.textContent ?? '');
    expect(problems).toContain(
      'The policy sets "defaultOneTime" to the text "yes", but it must be true or false. It is ignored until the policy is corrected.',
    );
    expect(await options.$eval('[data-testid="managed-unknown"]', (element) => element.textContent ?? '')).toContain('"colour"');
    const section = await options.$eval('[data-testid="organisation-settings"]', (element) => element.textContent ?? '');
    expect(section).toContain(SUPPORT);
    expect(section).toContain('about:policies');
    await options.close();
    await page.close();
  });
});
