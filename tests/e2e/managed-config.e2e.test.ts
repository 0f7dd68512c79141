/// <reference types="chrome" />
/**
 * Deployed by policy: Debian Chromium reads /etc/chromium/policies/managed/*.json at startup (headless too), and the
 * extension's "3rdparty" policy reaches it through storage.managed. The spec writes the file before it launches a clean
 * profile, removes it after, and checks the extension is configured from it with no options page visit.
 *
 * Chromium checks the policy against public/managed_schema.json first and drops a wrong-typed value (measured: "yes"
 * for a boolean never reaches storage.managed), so here a wrong-typed value leaves its setting unlocked and the options
 * page points to chrome://policy; a value of the right type but a wrong shape reaches the extension and gets its sentence.
 * (The Firefox suite checks the wrong-typed sentence: Firefox passes policy values through unchecked.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMINS, APP, TARGETS } from '../tenant/seed';
import { startTenant, type Tenant } from '../tenant/server';
import { axeFindings } from './harness/axe';
import { EXTENSION_ID, type ExtensionBrowser, launchExtensionBrowser } from './harness/extension-browser';
import { CHROMIUM_POLICY_FILE, policyFile, policyFileProblem, policySpecCanRun } from './harness/policy-file';
import { completeSignIn, panel, portalUserUrl } from './harness/session';

const SUPPORT = 'Contoso IT service desk: ext. 4455';

/** What an organisation deploys: the app registration, a form default, a support line, and two bad values. */
const POLICY = {
  clientId: APP.clientId,
  tenantId: APP.tenantDomain,
  defaultLifetimeMinutes: 120,
  allowEnablePolicy: false,
  supportContact: SUPPORT,
  // Right type, wrong shape: reaches the extension, which names it and ignores it.
  clipboardClearSeconds: 99_999,
  // Wrong type: Chromium drops it before the extension sees it.
  defaultOneTime: 'yes',
};

const chromiumPolicy = (values: Record<string, unknown>) => ({ '3rdparty': { extensions: { [EXTENSION_ID]: values } } });

const canRun = policySpecCanRun(policyFileProblem(CHROMIUM_POLICY_FILE));

describe.skipIf(!canRun)('managed configuration: Chromium reads the policy file, no options page visit', () => {
  const file = policyFile(CHROMIUM_POLICY_FILE);
  let tenant: Tenant;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
    file.write(chromiumPolicy(POLICY));
    browser = await launchExtensionBrowser({ args: tenant.chromiumArgs });
  });
  afterAll(async () => {
    await browser?.close();
    file.remove();
    await tenant?.close();
  });

  it('hands the extension the policy: valid values, a wrong-shaped one, and no wrong-typed one', async () => {
    const worker = await browser.serviceWorker();
    const managed = await worker.evaluate(() => chrome.storage.managed.get(null));
    expect(managed).toMatchObject({ clientId: APP.clientId, clipboardClearSeconds: 99_999 });
    expect(managed).not.toHaveProperty('defaultOneTime');
    // Nothing was saved locally: whatever works below works from the policy alone.
    expect(await worker.evaluate(() => chrome.storage.local.get('entraSettings'))).toEqual({});
  });

  it('opens no options page at install', async () => {
    // First run waits up to 1.5 s for a late policy before it would open the options; give it time to (not) do so.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const pages = browser.context.pages().map((page) => page.url());
    expect(pages.filter((url) => url.includes('options.html'))).toEqual([]);
  });

  it('shows the panel ready to sign in on a user page, and signs in with the managed app registration', async () => {
    // Megan Bowen is the tenant's Global Administrator: she can read the TAP policy the popup shows below.
    const page = await browser.context.newPage();
    await page.goto(portalUserUrl(TARGETS.adele.id));
    const frame = panel(page);
    await frame.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await frame.getByText(/not set up/i).count()).toBe(0);
    await completeSignIn(browser, () => frame.getByRole('button', { name: 'Sign in' }).click(), ADMINS.megan.displayName);
    await frame.getByText(TARGETS.adele.displayName).first().waitFor();
    // The sign-in went to the managed tenant with the managed client id.
    const authorize = tenant.control.requestLog().find((entry) => entry.path.includes('/oauth2/v2.0/authorize'));
    expect(authorize?.path).toMatch(new RegExp(`^/(${APP.tenantDomain}|${APP.tenantId})/`));
    expect(authorize?.path).toContain(`client_id=${APP.clientId}`);

    // The form's default is the organisation's.
    await frame.getByRole('button', { name: 'Options', exact: true }).click();
    await frame.getByText('Default 2 hours (your organisation’s)', { exact: false }).waitFor();
    await page.close();
  });

  it('says the organisation’s support line with an error sentence', async () => {
    const page = await browser.context.newPage();
    await page.goto(portalUserUrl('0badc0de-0000-4000-8000-000000000000'));
    const frame = panel(page);
    await frame.getByRole('alert').first().waitFor();
    expect(await frame.getByTestId('support-contact').textContent()).toContain(SUPPORT);
    await page.close();
  });

  it('the options page shows the managed values locked with the reason, and names the bad value', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    const client = options.getByLabel('Application (client) ID');
    await expect.poll(() => client.inputValue()).toBe(APP.clientId);
    expect(await client.getAttribute('readonly')).not.toBeNull();
    expect(await options.getByLabel('Directory (tenant) ID').inputValue()).toBe(APP.tenantDomain);
    // The two ids, and the cloud that comes with the managed tenant (worldwide: the policy names none).
    expect(await options.getByTestId('managed-note').count()).toBe(3);
    expect(await options.getByLabel('Microsoft cloud').inputValue()).toBe('Worldwide');
    expect(await options.getByTestId('managed-note').first().textContent()).toMatch(
      /Set by your organisation\. Your organisation’s browser policy sets this, so it can’t be changed here\./,
    );
    expect(await options.getByRole('button', { name: 'Save', exact: true }).count()).toBe(0);

    const section = options.getByTestId('organisation-settings');
    await expect.poll(() => section.getByText(SUPPORT).count()).toBe(1);
    expect(await section.locator('[data-key="allowEnablePolicy"]').textContent()).toContain('Not allowed');
    const problems = options.getByTestId('managed-problems');
    expect(await problems.textContent()).toContain(
      'The policy sets "clipboardClearSeconds" to the number 99999, but it must be a whole number of seconds from 0 to 3,600. It is ignored until the policy is corrected.',
    );
    // The bad value locks nothing: the admin's own setting stays editable.
    const seconds = options.getByLabel(/Clear a copied pass/);
    expect(await seconds.getAttribute('readonly')).toBeNull();
    expect(await seconds.inputValue()).toBe('60');
    // The dropped wrong-typed value: not listed, and the page says where Chromium names it.
    expect(await section.locator('[data-key="defaultOneTime"]').count()).toBe(0);
    expect(await section.textContent()).toContain('chrome://policy');

    expect(await axeFindings(options, 'options: set by your organisation')).toEqual([]);
    await options.close();
  });

  it('the popup keeps turning the TAP policy on to the admin center, as the policy says', async () => {
    tenant.control.setPolicy({ state: 'disabled' });
    const worker = await browser.serviceWorker();
    await worker.evaluate(() => chrome.storage.session.remove('tapPolicyCache'));
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await expect.poll(() => popup.getByTestId('policy-state').textContent()).toBe('Disabled');
    await popup.getByTestId('enable-policy-managed').waitFor();
    expect(await popup.getByRole('button', { name: 'Turn on Temporary Access Pass' }).count()).toBe(0);
    await popup.close();
  });

  it('follows a policy change without a restart (storage.onChanged, area "managed")', async () => {
    file.write(chromiumPolicy({ ...POLICY, clipboardClearSeconds: 15 }));
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    const seconds = options.getByLabel(/Clear a copied pass/);
    // Chromium re-reads its policy directory when the directory changes, after a settle delay of a few seconds.
    await expect.poll(() => seconds.inputValue(), { timeout: 30_000, interval: 250 }).toBe('15');
    expect(await seconds.getAttribute('readonly')).not.toBeNull();
    expect(await options.getByTestId('managed-problems').count()).toBe(0);
    await options.close();
  });
});
