/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { ADMINS, APP, EXTENSION_SCOPES, TARGETS } from '../tenant/seed';
import type { Tenant } from '../tenant/server';
import type { ExtensionBrowser } from './harness/extension-browser';
import { configureExtension, panel } from './harness/session';
import { useExtensionSuite } from './harness/suite';
import { clearPolicyCache, issueButton, openUser, TAP_PATH, tapPosts } from './harness/tap-panel';

/**
 * What a real tenant does to a first morning: consent only an admin can give, a redirect URI under the wrong platform,
 * Conditional Access (MFA added later with a claims challenge, blocks), an eligible-only PIM role, throttling without
 * Retry-After.
 */
describe('a harsher tenant: consent, platform, Conditional Access, PIM, throttling', () => {
  let tenant: Tenant;
  let browser: ExtensionBrowser;
  useExtensionSuite(
    (started) => {
      ({ tenant, browser } = started);
    },
    async ({ browser: started }) => configureExtension(started, { clientId: APP.clientId, tenantId: APP.tenantDomain }),
  );

  const loginPage = () =>
    browser.context.waitForEvent('page', {
      predicate: (page) => page.url().includes('login.microsoftonline.com'),
      timeout: 15_000,
    });

  /** Clicks Sign in in the popup and picks the account; returns the sign-in window (it may already be closing). */
  const popupSignIn = async (account: string): Promise<{ popup: Page; auth: Page }> => {
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    const signOut = popup.getByRole('button', { name: 'Sign out' });
    const signIn = popup.getByRole('button', { name: 'Sign in' });
    await signOut.or(signIn).first().waitFor();
    if (await signOut.isVisible()) await signOut.click();
    const opened = loginPage();
    await signIn.click();
    const auth = await opened;
    await auth
      .getByRole('button', { name: account })
      .click()
      .catch(() => undefined);
    return { popup, auth };
  };

  beforeEach(async () => {
    tenant.control.reset();
    await clearPolicyCache(browser);
  });

  it('first sign-in before any consent: "Need admin approval", a sentence with the admin-consent link, an admin grants it, then it works', async () => {
    tenant.control.revokeConsent([...EXTENSION_SCOPES]);
    const { popup, auth } = await popupSignIn(ADMINS.alex.displayName);
    await auth.getByText('Need admin approval').waitFor();
    await auth
      .getByRole('button', { name: /Return to the application/ })
      .click()
      .catch(() => undefined);
    const alert = popup.getByRole('alert').filter({ hasText: /Only an administrator can grant/ });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Global Administrator, Privileged Role Administrator/);
    const link = popup.getByRole('link', { name: 'Admin-consent link' });
    const href = await link.getAttribute('href');
    expect(href).toBe(`https://login.microsoftonline.com/${APP.tenantDomain}/adminconsent?client_id=${APP.clientId}`);
    expect(await popup.locator('.notice-url').textContent()).toBe(href);
    expect(tenant.control.state.consents[APP.clientId]).toEqual([]);

    // A Global Administrator opens the link in a normal tab and accepts for the organization.
    // Another person in another browser: no session of Alex's on the sign-in page.
    await browser.context.clearCookies({ domain: 'login.microsoftonline.com' });
    const admin = await browser.context.newPage();
    await admin.goto(href ?? '');
    await admin.getByRole('button', { name: ADMINS.megan.displayName }).click();
    await admin.getByText('for everyone in your organization').waitFor();
    await admin
      .getByRole('button', { name: 'Accept' })
      .click()
      .catch(() => undefined);
    await expect
      .poll(() => tenant.control.state.consents[APP.clientId])
      .toEqual(expect.arrayContaining([...EXTENSION_SCOPES, 'Policy.ReadWrite.AuthenticationMethod']));
    await admin.close();

    await popup.close();
    const again = await popupSignIn(ADMINS.alex.displayName);
    await again.popup.getByTestId('account-upn').getByText(ADMINS.alex.userPrincipalName).waitFor();
    await again.popup.close();
  });

  it('a redirect URI registered under "Web": the sentence says to register it under Single-page application', async () => {
    tenant.control.setRedirectPlatform('web');
    const { popup } = await popupSignIn(ADMINS.alex.displayName);
    const alert = popup.getByRole('alert').filter({ hasText: /Single-page application/ });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/remove the URI from Web and add it under Single-page application/);
    await popup.close();
  });

  it('a Conditional Access block (location) is explained, not reported as a cancel or a sign-out', async () => {
    tenant.control.setConditionalAccess([
      { id: 'ca-loc', displayName: 'Block outside HQ', users: 'all', grant: 'blockLocation' },
    ]);
    const { popup, auth } = await popupSignIn(ADMINS.alex.displayName);
    await auth.getByText(/AADSTS53003/).waitFor();
    await auth
      .getByRole('button', { name: 'Continue' })
      .click()
      .catch(() => undefined);
    await popup
      .getByRole('alert')
      .filter({ hasText: /Conditional Access blocks this sign-in/ })
      .waitFor();
    await popup.close();
  });

  it('a Conditional Access policy requiring a compliant device (AADSTS53000): the sentence says to sign in from a managed device', async () => {
    tenant.control.setConditionalAccess([
      { id: 'ca-device', displayName: 'Require compliant device', users: 'all', grant: 'compliantDevice' },
    ]);
    const { popup, auth } = await popupSignIn(ADMINS.alex.displayName);
    await auth.getByText(/AADSTS53000/).waitFor();
    await auth
      .getByRole('button', { name: 'Continue' })
      .click()
      .catch(() => undefined);
    const alert = popup.getByRole('alert').filter({ hasText: /requires a compliant or managed device/ });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Sign in from a managed device, or ask your admin which policy applies/);
    // Not the location sentence, not a cancel: the device is what's missing.
    expect(await alert.textContent()).not.toMatch(/location|cancelled/);
    await popup.close();
  });

  it('admin consent workflow on (AADSTS90095): "Approval required", the request is recorded, the sentence says to wait for an admin', async () => {
    tenant.control.revokeConsent([...EXTENSION_SCOPES]);
    tenant.control.setAdminConsentWorkflow(true);
    const { popup, auth } = await popupSignIn(ADMINS.alex.displayName);
    await auth.getByText('Approval required').waitFor();
    await auth.getByLabel('Justification').fill('Helpdesk needs to issue Temporary Access Passes');
    await auth
      .getByRole('button', { name: 'Request approval' })
      .click()
      .catch(() => undefined);
    const alert = popup.getByRole('alert').filter({ hasText: /request for approval went to your organization's admins/ });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Once one of them approves the extension's app, sign in again/);
    // Not the 90094 sentence: nothing to send, the request already went.
    expect(await alert.textContent()).not.toMatch(/Send the admin-consent link/);
    expect(tenant.control.state.consents[APP.clientId]).toEqual([]);
    expect(tenant.control.state.consentRequests).toHaveLength(1);
    await popup.close();
  });

  it('MFA required after sign-in: a claims challenge at Issue, the sentence says why, the sign-in carries the claims, then one pass', async () => {
    const { popup } = await popupSignIn(ADMINS.alex.displayName);
    await popup.getByTestId('account-upn').getByText(ADMINS.alex.userPrincipalName).waitFor();
    await popup.close();
    const page = await openUser(browser, TARGETS.adele.id);
    const frame = panel(page);
    // The admin's sessions end and a policy now requires MFA: Graph refuses the CAE-capable token at once.
    tenant.control.setConditionalAccess([{ id: 'ca-mfa', displayName: 'Require MFA for admins', users: 'all', grant: 'mfa' }]);
    tenant.control.raiseCaeEvent(ADMINS.alex.id);
    tenant.control.clearLog();
    await issueButton(frame).click();
    const reason = frame.locator('.sign-in-reason').filter({ hasText: /now requires multifactor authentication/ });
    await reason.waitFor();
    expect(tapPosts(tenant).map((post) => post.status)).toEqual([401]);
    // The retry after the challenge asked for a fresh token with the claims (refresh → MFA interrupt → prompt=none).
    const log = tenant.control.requestLog();
    const tokenCalls = log.filter((entry) => entry.host === 'login' && entry.path.includes('/token'));
    expect(tokenCalls.length).toBeGreaterThan(0);
    const opened = loginPage();
    await frame.getByRole('button', { name: 'Sign in' }).click();
    const auth = await opened;
    const authorizeUrl = new URL(auth.url());
    expect(authorizeUrl.searchParams.get('claims') ?? '').toMatch(/capolids|nbf/);
    await auth
      .getByRole('button', { name: 'Approve' })
      .click()
      .catch(() => undefined);
    await issueButton(frame).waitFor();
    await issueButton(frame).click();
    await frame.getByRole('group', { name: /Temporary Access Pass for Adele Vance/ }).waitFor();
    expect(tapPosts(tenant).map((post) => post.status)).toEqual([401, 201]);
    await page.close();
  });

  it('an eligible, not activated Authentication Administrator: 403 at the click, with the link to My roles', async () => {
    const { popup } = await popupSignIn(ADMINS.priya.displayName);
    await popup.getByTestId('account-upn').getByText(ADMINS.priya.userPrincipalName).waitFor();
    await popup.close();
    const page = await openUser(browser, TARGETS.adele.id);
    const frame = panel(page);
    // Without a role, the user's pass can't be read either: the panel asks before it may replace one.
    await frame
      .getByText(/can't read this user's authentication methods/)
      .first()
      .waitFor();
    await issueButton(frame).click();
    await frame.getByRole('button', { name: 'Replace' }).click();
    const alert = frame.getByRole('alert').first();
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/activate it in My roles/);
    const link = frame.getByRole('link', { name: 'Open My roles in Privileged Identity Management' });
    expect(await link.getAttribute('href')).toBe(
      'https://entra.microsoft.com/#view/Microsoft_Azure_PIMCommon/ActivationMenuBlade/~/aadmigratedroles',
    );
    expect(await link.getAttribute('target')).toBe('_blank');
    await page.close();
  });

  it('a 429 without Retry-After on the POST: says Graph gave no time, waits the default, never resends', async () => {
    const { popup } = await popupSignIn(ADMINS.alex.displayName);
    await popup.getByTestId('account-upn').getByText(ADMINS.alex.userPrincipalName).waitFor();
    await popup.close();
    const page = await openUser(browser, TARGETS.adele.id);
    const frame = panel(page);
    tenant.control.injectFault({ host: 'graph', method: 'POST', path: TAP_PATH, status: 429, times: 1 });
    tenant.control.clearLog();
    await issueButton(frame).click();
    const alert = frame.getByRole('alert').filter({ hasText: /didn't say how long to wait/ });
    await alert.waitFor();
    await frame.getByText(/You can try again in \d+ s/).waitFor();
    expect(tapPosts(tenant)).toHaveLength(1);
    await page.close();
  });
});
