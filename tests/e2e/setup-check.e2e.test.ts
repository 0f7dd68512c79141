/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SIGN_IN_PERMISSIONS } from '../../utils/auth/scopes';
import { azureCliScript } from '../../utils/setup/azure-cli';
import { DEFAULT_DISPLAY_NAME, setupPlan } from '../../utils/setup/plan';
import { powershellScript } from '../../utils/setup/powershell';
import { ADMINS, APP, TENANT } from '../tenant/seed';
import type { Tenant } from '../tenant/server';
import { axeFindings } from './harness/axe';
import type { ExtensionBrowser } from './harness/extension-browser';
import { completeSignIn, configureExtension } from './harness/session';
import { useExtensionSuite } from './harness/suite';

const REDIRECT = APP.redirectUri;
const OTHER_TENANT = '9f0e4c1a-0000-4000-8000-0000000000ff';

describe('options: one-paste setup script and Check setup against the simulated tenant', () => {
  let tenant: Tenant;
  let browser: ExtensionBrowser;
  let options: Page;

  useExtensionSuite(
    (started) => {
      ({ tenant, browser } = started);
    },
    async ({ browser: b }) => {
      await configureExtension(b, { clientId: APP.clientId, tenantId: APP.tenantDomain });
      options = await b.context.newPage();
      await options.goto(b.extensionUrl('options.html'));
    },
  );

  const checkButton = () => options.getByRole('button', { name: 'Check setup' });
  const status = () => options.locator('.actions [role="status"]').filter({ hasText: /Checked|Checking/ });

  /** Clicks Check setup (answering the sign-in window as `account` when one opens) and waits for the report. */
  let runs = 0;
  async function runCheck(account?: string) {
    runs++;
    if (account) await completeSignIn(browser, () => checkButton().click(), account);
    else await checkButton().click();
    // This run's report, not the one before it.
    await options.locator(`.setup-lines[data-run="${runs}"]`).waitFor({ timeout: 30_000 });
    expect(await status().textContent()).toMatch(/^Checked/);
  }

  const line = (id: string) => options.getByTestId(`setup-line-${id}`);
  const lineStatus = (id: string) => line(id).getAttribute('data-status');
  const detail = (id: string) => line(id).locator('.setup-detail').textContent();
  const fix = (id: string) => line(id).locator('.setup-fix').textContent();
  const statuses = async () =>
    options.locator('.setup-line').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.status));

  it('offers the script for this browser: its redirect URI and exactly the extension’s permissions', async () => {
    await options.locator('summary', { hasText: 'Microsoft Graph PowerShell' }).click();
    const shown = await options.getByTestId('setup-script-powershell').textContent();
    const input = { displayName: DEFAULT_DISPLAY_NAME, redirectUris: [REDIRECT], tenant: APP.tenantDomain };
    expect(shown).toBe(powershellScript(setupPlan(input, 'powershell')));
    expect(shown).toContain(`$redirectUris = @('${REDIRECT}')`);
    expect(shown).toContain(`$permissions = @(${SIGN_IN_PERMISSIONS.map((p) => `'${p}'`).join(', ')})`);
    expect(await options.getByTestId('setup-script-azure-cli').textContent()).toBe(azureCliScript(setupPlan(input, 'azureCli')));
    // Copy puts exactly the script on the clipboard (the extension may read it: clipboardRead).
    const copy = options.getByRole('button', { name: 'Copy the PowerShell script' });
    await copy.click();
    await expect.poll(() => copy.textContent()).toBe('Copied');
    expect(await options.evaluate(() => navigator.clipboard.readText())).toBe(shown);
  });

  it('good state: every line OK, after signing in from the check', async () => {
    await runCheck(ADMINS.megan.displayName);
    expect(await status().textContent()).toBe(`Checked as ${ADMINS.megan.userPrincipalName}: no problems.`);
    expect(await statuses()).toEqual(Array(11).fill('ok'));
    expect(await detail('redirectUri')).toBe(
      `${REDIRECT} is registered under Single-page application: the sign-in completed in this browser.`,
    );
    for (const permission of SIGN_IN_PERMISSIONS) {
      expect(await detail(`permission-${permission}`)).toBe('Consented: the sign-in’s token carries it.');
    }
    expect(await detail('roles')).toBe('Your active roles: Global Administrator. You can issue passes for anyone but yourself.');
    expect(await detail('policyReadable')).toBe('The extension can read the Temporary Access Pass policy.');
    expect(await detail('policyOn')).toBe('The Temporary Access Pass policy is turned on.');
    expect(await detail('tenant')).toBe(
      `${ADMINS.megan.userPrincipalName} belongs to directory ${TENANT.id}, the one the extension is set up for (${APP.tenantDomain}).`,
    );
  });

  it('missing consent: names the permission, with the admin-consent link', async () => {
    tenant.control.revokeConsent(['UserAuthMethod-TAP.ReadWrite.All']);
    try {
      await runCheck();
      expect(await lineStatus('permission-UserAuthMethod-TAP.ReadWrite.All')).toBe('problem');
      expect(await detail('permission-UserAuthMethod-TAP.ReadWrite.All')).toBe(
        "The extension's app registration hasn't been granted the UserAuthMethod-TAP.ReadWrite.All permission. An admin must grant consent for the app (App registrations › API permissions › Grant admin consent), then sign in again.",
      );
      expect(await fix('permission-UserAuthMethod-TAP.ReadWrite.All')).toBe(
        'Fix: Open the admin-consent link as a Global Administrator, Privileged Role Administrator, Cloud Application Administrator or Application Administrator. If UserAuthMethod-TAP.ReadWrite.All isn’t listed under the registration’s API permissions, add it there first (or create the registration with the setup script above).',
      );
      expect(await line('permission-UserAuthMethod-TAP.ReadWrite.All').getByRole('link').getAttribute('href')).toBe(
        `https://login.microsoftonline.com/${APP.tenantDomain}/adminconsent?client_id=${APP.clientId}`,
      );
      for (const permission of SIGN_IN_PERMISSIONS.filter((p) => p !== 'UserAuthMethod-TAP.ReadWrite.All')) {
        expect(await lineStatus(`permission-${permission}`)).toBe('ok');
      }
      expect(await status().textContent()).toBe(`Checked as ${ADMINS.megan.userPrincipalName}: 1 problem.`);
    } finally {
      tenant.control.grantConsent(['UserAuthMethod-TAP.ReadWrite.All']);
    }
  });

  it('policy off: the policy line says so and where to turn it on', async () => {
    tenant.control.setPolicy({ state: 'disabled' });
    try {
      await runCheck();
      expect(await lineStatus('policyReadable')).toBe('ok');
      expect(await lineStatus('policyOn')).toBe('problem');
      expect(await detail('policyOn')).toBe(
        'The Temporary Access Pass policy is turned off in this tenant. An Authentication Policy Administrator can turn it on in Authentication methods › Policies.',
      );
      expect(await fix('policyOn')).toBe(
        'Fix: Turn it on in Authentication methods › Policies › Temporary Access Pass, or from the extension’s popup (an Authentication Policy Administrator or Global Administrator can).',
      );
    } finally {
      tenant.control.setPolicy({ state: 'enabled' });
    }
  });

  it('wrong platform: a redirect URI under Web fails at the code’s redemption (AADSTS9002326)', async () => {
    tenant.control.setRedirectPlatform('web');
    try {
      await runCheck();
      expect(await lineStatus('redirectUri')).toBe('problem');
      expect(await detail('redirectUri')).toBe(
        "The app registration lists this extension's redirect URI under Web, and Microsoft Entra lets a browser extension finish a sign-in only as a Single-page application. In App registrations › Authentication, remove the URI from Web and add it under Single-page application, then sign in again. (AADSTS9002326)",
      );
      expect(await fix('redirectUri')).toBe(
        `Fix: Move ${REDIRECT} from Web to Single-page application in App registrations › Authentication, or create the registration with the setup script above.`,
      );
      expect(await detail('tenant')).toBe('Not checked: the sign-in has to complete first.');
      expect(await lineStatus('roles')).toBe('unknown');
    } finally {
      tenant.control.setRedirectPlatform('spa');
    }
  });

  it('unregistered redirect URI: told from the authorize page, no sign-in window opens', async () => {
    const app = tenant.control.state.apps.find((a) => a.clientId === APP.clientId);
    if (!app) throw new Error('no seed app');
    const saved = [...app.spaRedirectUris];
    app.spaRedirectUris = saved.filter((uri) => uri !== REDIRECT);
    const windows: string[] = [];
    const onPage = (page: Page) => windows.push(page.url());
    browser.context.on('page', onPage);
    try {
      await runCheck();
      expect(await lineStatus('redirectUri')).toBe('problem');
      expect(await detail('redirectUri')).toBe(
        "The app registration doesn't list this extension's redirect URI. Copy it from the extension's options and add it as a Single-page application redirect URI. (AADSTS50011)",
      );
      expect(await detail('permission-User.Read')).toBe('Not checked: the sign-in can’t start until the line above is fixed.');
      expect(windows).toEqual([]);
    } finally {
      browser.context.off('page', onPage);
      app.spaRedirectUris = saved;
    }
  });

  it('no role: an account without an issuing role is told which roles can, and about PIM', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.getByRole('button', { name: 'Sign out' }).click();
    await popup.getByRole('button', { name: 'Sign in' }).waitFor();
    await popup.close();
    await runCheck(ADMINS.johanna.displayName);
    expect(await status().textContent()).toBe(
      `Checked as ${ADMINS.johanna.userPrincipalName}: 1 problem, 1 note, 1 not checked.`,
    );
    expect(await lineStatus('roles')).toBe('problem');
    expect(await detail('roles')).toBe(
      'You hold no active directory role that can issue a Temporary Access Pass. Roles you’re eligible for in Privileged Identity Management can’t be read with the extension’s permissions: if you have one, activate it in My roles.',
    );
    expect(await fix('roles')).toBe(
      'Fix: Ask for Authentication Administrator (users without admin roles), or Privileged Authentication Administrator or Global Administrator (anyone). A role limited to an administrative unit isn’t listed here and covers only the unit’s members.',
    );
    // Johanna can't read the policy either: a note, not a problem (Graph's answer at the click names a policy problem).
    expect(await lineStatus('policyReadable')).toBe('warning');
    expect(await detail('policyReadable')).toBe(
      'Your admin role can’t read the Temporary Access Pass policy. Global Reader, Authentication Policy Administrator or Global Administrator can read it.',
    );
    expect(await detail('policyOn')).toBe('Can’t tell: the policy couldn’t be read (see the line above).');
    expect(await lineStatus('tenant')).toBe('ok');

    // The page with a report of every kind of line, both scripts open and a refused extra URI: WCAG 2.2 A/AA clean.
    await options.locator('summary', { hasText: 'Azure CLI (bash)' }).click();
    await options.getByLabel('Also register other browsers’ redirect URIs').check();
    await options.getByLabel('Other redirect URIs, one per line').fill('http://not-https.example/');
    await options.getByText(/must start with https/).waitFor();
    expect(await axeFindings(options, 'options: setup report and scripts')).toEqual([]);
  });

  it('wrong tenant: an account of another directory is refused and reported on the tenant line', async () => {
    tenant.control.answerForTenant(OTHER_TENANT);
    try {
      await runCheck();
      expect(await lineStatus('tenant')).toBe('problem');
      expect(await detail('tenant')).toBe(
        `You signed in with an account of another directory (tenant ${OTHER_TENANT}), so nothing was done with it. Entra TAP is set up for ${APP.tenantDomain}: sign in with an account of that directory, or change the Directory (tenant) ID in the options.`,
      );
      expect(await fix('tenant')).toBe(
        `Fix: Sign in with an account of ${APP.tenantDomain}, or correct the Directory (tenant) ID above.`,
      );
      expect(await lineStatus('redirectUri')).toBe('ok');
      expect(await detail('roles')).toBe('Not checked: the account belongs to another directory.');
    } finally {
      tenant.control.answerForTenant(null);
    }
  });
});
