/// <reference types="chrome" />
/**
 * The US Government cloud (GCC High). Its hosts are optional permissions: nothing of them is granted at install, so a
 * Gov admin center shows no panel until the admin chooses the cloud on the options page and the browser grants its
 * hosts and `scripting`; the background then registers the content script there. From then on sign-in goes to
 * login.microsoftonline.us and Graph to graph.microsoft.us, in the Gov directory, and nothing to the worldwide hosts.
 *
 * How the grant happens here: the admin first allows the Gov sites in chrome://extensions (Site access, "On specific
 * sites": developerPrivate.addHostPermission, what that page calls), then saves the options. Save's
 * permissions.request then resolves without a prompt (the hosts are already allowed, `scripting` has no warning);
 * a headless browser can't click a permission prompt.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { APP } from '../tenant/seed';
import { USGOV_TENANT, USGOV_USERS } from '../tenant/seed-usgov';
import type { Tenant } from '../tenant/server';
import { axeFindings } from './harness/axe';
import { EXTENSION_ID, type ExtensionBrowser } from './harness/extension-browser';
import { completeSignIn, PANEL_HOST, panel, portalUserUrl } from './harness/session';
import { useExtensionSuite } from './harness/suite';
import { displayedPass, issueButton, tapPosts } from './harness/tap-panel';

const GOV_ORIGINS = [
  'https://entra.microsoft.us/*',
  'https://portal.azure.us/*',
  'https://intune.microsoft.us/*',
  'https://login.microsoftonline.us/*',
  'https://graph.microsoft.us/*',
];
/** Long enough for a content script to have run and mounted, were there one. */
const SETTLE_MS = 1_000;

const govUserUrl = (userId: string, host = 'entra.microsoft.us') =>
  portalUserUrl(userId, 'overview').replace('https://entra.microsoft.com/', `https://${host}/`);

interface DeveloperPrivate {
  addHostPermission(extensionId: string, host: string): Promise<void>;
}

/** What chrome://extensions' "Site access: On specific sites" does for each site the admin adds. */
async function allowSitesInExtensionsPage(browser: ExtensionBrowser, origins: string[]) {
  const page = await browser.context.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(
    async ({ id, origins }) => {
      const api = (chrome as unknown as { developerPrivate: DeveloperPrivate }).developerPrivate;
      for (const origin of origins) await api.addHostPermission(id, origin);
    },
    { id: EXTENSION_ID, origins },
  );
  await page.close();
}

async function granted(browser: ExtensionBrowser) {
  const worker = await browser.serviceWorker();
  return worker.evaluate(async () => ({
    all: await chrome.permissions.getAll(),
    scripts: chrome.scripting ? (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id) : [],
  }));
}

async function hasNoPanel(page: Page) {
  await page.getByTestId('portal-header').waitFor();
  await page.waitForTimeout(SETTLE_MS);
  return (await page.locator(PANEL_HOST).count()) === 0;
}

describe('US Government cloud, after granting its optional permission', () => {
  let tenant: Tenant;
  let browser: ExtensionBrowser;

  useExtensionSuite((started) => {
    ({ tenant, browser } = started);
  });

  it('grants nothing of it at install: no Gov host, no scripting, no panel on the Gov admin center', async () => {
    const { all, scripts } = await granted(browser);
    expect(all.permissions).not.toContain('scripting');
    expect((all.origins ?? []).filter((origin) => /\.us\//.test(origin))).toEqual([]);
    expect(scripts).toEqual([]);
    const page = await browser.context.newPage();
    await page.goto(govUserUrl(USGOV_USERS.riley.id));
    expect(await page.getByTestId('portal-header').textContent()).toContain(USGOV_TENANT.displayName);
    expect(await hasNoPanel(page)).toBe(true);
    await page.close();
  });

  it('options: choosing the cloud asks for its hosts on Save, and the content script is registered there', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    const registration = options.getByRole('form', { name: 'App registration' });
    await registration.getByLabel('Application (client) ID').fill(APP.clientId);
    await registration.getByLabel('Directory (tenant) ID').fill(USGOV_TENANT.domain);
    await registration.getByLabel('Microsoft cloud').selectOption({ label: 'US Government (GCC High)' });
    await allowSitesInExtensionsPage(browser, GOV_ORIGINS);
    await registration.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => registration.getByRole('status').textContent()).toBe('Saved');
    // The background registers it when the grant and the saved cloud have both arrived (about a second here).
    await expect.poll(async () => (await granted(browser)).scripts, { timeout: 10_000 }).toEqual(['national-cloud-usGovL4']);
    const { all } = await granted(browser);
    expect(all.permissions).toContain('scripting');
    expect([...(all.origins ?? [])].filter((origin) => /\.us\//.test(origin)).sort()).toEqual([...GOV_ORIGINS].sort());
    // Nothing missing now: no site-access notice for the cloud.
    expect(await options.getByRole('region', { name: 'Site access' }).count()).toBe(0);
    expect(await axeFindings(options, 'options: US Government cloud chosen')).toEqual([]);
    await options.close();
  });

  it('the Gov admin center shows the panel; sign-in, Graph and the pass all stay in the Gov cloud', async () => {
    tenant.control.clearLog();
    const page = await browser.context.newPage();
    await page.goto(govUserUrl(USGOV_USERS.riley.id));
    const frame = panel(page);
    await frame.getByRole('button', { name: 'Sign in' }).waitFor();
    await completeSignIn(browser, () => frame.getByRole('button', { name: 'Sign in' }).click(), USGOV_USERS.jordan.displayName);
    await frame.getByText(USGOV_USERS.riley.displayName).first().waitFor();
    expect(await frame.locator('.user-tenant').textContent()).toBe(`In ${USGOV_TENANT.domain} · US Government (GCC High)`);
    await issueButton(frame).click();
    await frame.getByTestId('pass-value').waitFor();
    expect(await displayedPass(frame)).toHaveLength(tenant.control.directory(USGOV_TENANT.id)?.policy.defaultLength ?? 0);
    const posts = tapPosts(tenant);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ status: 201 });
    expect(posts[0]?.path).toMatch(new RegExp(`^/v1\\.0/users/${USGOV_USERS.riley.id}/`));
    expect(tenant.control.directory(USGOV_TENANT.id)?.passes[USGOV_USERS.riley.id]).toBeDefined();

    const log = tenant.control.requestLog().filter((entry) => !entry.isPreflight);
    const graph = log.filter((entry) => entry.host === 'graph');
    expect(graph.length).toBeGreaterThan(0);
    expect(graph.every((entry) => entry.hostName === 'graph.microsoft.us' && entry.tenantId === USGOV_TENANT.id)).toBe(true);
    expect(log.some((entry) => entry.hostName === 'login.microsoftonline.us')).toBe(true);
    expect(log.filter((entry) => entry.cloud !== 'usGov').map((entry) => `${entry.hostName} ${entry.path}`)).toEqual([]);
    await page.close();
  });

  it('the Gov Intune admin center shows it too', async () => {
    const page = await browser.context.newPage();
    await page.goto(govUserUrl(USGOV_USERS.morgan.id, 'intune.microsoft.us'));
    await issueButton(panel(page)).waitFor();
    await panel(page).getByText(USGOV_USERS.morgan.displayName).first().waitFor();
    await page.close();
  });

  it('withdrawn in the browser: the registration goes and the Gov admin center shows no panel', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await options.evaluate(() => chrome.permissions.remove({ origins: ['https://entra.microsoft.us/*'] }));
    await expect.poll(async () => (await granted(browser)).scripts, { timeout: 10_000 }).toEqual([]);
    // The options page names what is missing and offers to ask again.
    await options
      .getByRole('region', { name: 'Site access' })
      .getByText(/entra\.microsoft\.us/)
      .first()
      .waitFor();
    const page = await browser.context.newPage();
    await page.goto(govUserUrl(USGOV_USERS.riley.id));
    expect(await hasNoPanel(page)).toBe(true);
    await page.close();
    await options.close();
  });
});
