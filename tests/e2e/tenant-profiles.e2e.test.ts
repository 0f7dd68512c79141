/// <reference types="chrome" />

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ADMINS, TENANT } from '../tenant/seed';
import { FABRIKAM } from '../tenant/seed-fabrikam';
import type { Tenant } from '../tenant/server';
import { type AxeFinding, axeFindings } from './harness/axe';
import type { ExtensionBrowser } from './harness/extension-browser';
import { useSignedInSuite } from './harness/tap-panel';

const graphCalls = (tenant: Tenant) =>
  tenant.control.requestLog().filter((entry) => entry.host === 'graph' && !entry.isPreflight);

async function expectClean(target: Page, state: string) {
  const findings: AxeFinding[] = await axeFindings(target, state);
  expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
}

describe('tenant profiles: added on the options page, switched between in the popup', () => {
  let tenant: Tenant;
  let browser: ExtensionBrowser;

  // Megan (Contoso's Global Administrator, a guest Global Administrator in Fabrikam), signed in to Contoso, whose app
  // registration is multi-tenant. Not reset between tests: a reset would end the sign-in session the switch redeems.
  useSignedInSuite(ADMINS.megan.displayName, (started) => {
    ({ tenant, browser } = started);
  });

  it('the options page: a Fabrikam profile without a client id, after a refused one', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    const section = options.getByRole('region', { name: 'Tenant profiles' });
    await section.getByText(`Home: ${TENANT.domain}`).waitFor();

    // Nothing typed: each field says what it needs, and the keyboard lands on the first one.
    await section.getByLabel('Tenant (ID or verified domain)').fill('fabrikam');
    await section.getByRole('button', { name: 'Add profile' }).click();
    const label = section.getByLabel('Label');
    await expect.poll(() => label.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await label.getAttribute('aria-invalid')).toBe('true');
    await section.getByText('Enter a label, such as Fabrikam.').waitFor();
    await expectClean(options, 'options: tenant profile refused');

    await label.fill('Fabrikam');
    await section.getByLabel('Tenant (ID or verified domain)').fill(FABRIKAM.domain);
    await section.getByRole('button', { name: 'Add profile' }).click();
    await expect.poll(() => section.getByRole('status').textContent()).toBe('Added Fabrikam.');
    await section.getByText(`Fabrikam: ${FABRIKAM.domain}`).waitFor();
    await section.getByRole('button', { name: 'Remove Fabrikam (fabrikam.onmicrosoft.com)' }).waitFor();
    await expectClean(options, 'options: tenant profile added');
    const worker = await browser.serviceWorker();
    expect(await worker.evaluate(() => chrome.storage.local.get('tenantProfiles'))).toEqual({
      tenantProfiles: [{ label: 'Fabrikam', tenant: FABRIKAM.domain }],
    });
    await options.close();
  });

  it('the popup switches to Fabrikam (Graph is asked there) and back to Contoso', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    const switcher = popup.getByRole('region', { name: 'Tenant profiles' });
    const select = switcher.getByLabel('Act in');
    await select.waitFor();
    expect(await select.locator('option').allTextContents()).toEqual([
      `Home (${TENANT.domain})`,
      `Fabrikam (${FABRIKAM.domain})`,
    ]);
    await popup.getByTestId('policy-state').waitFor();
    await expectClean(popup, 'popup: tenant profiles, home');

    tenant.control.clearLog();
    await select.selectOption({ label: `Fabrikam (${FABRIKAM.domain})` });
    await switcher.getByRole('button', { name: 'Switch' }).click();
    await popup.getByTestId('acting-tenant').getByText(`Acting in ${FABRIKAM.domain}, not ${TENANT.domain}.`).waitFor();
    await expect.poll(() => switcher.getByRole('status').textContent()).toBe(`Now acting in Fabrikam (${FABRIKAM.domain}).`);
    await popup.getByTestId('policy-state').waitFor();
    await expect.poll(() => popup.getByText('Checking for changes…').count()).toBe(0);
    const inFabrikam = graphCalls(tenant);
    expect(inFabrikam.length).toBeGreaterThan(0);
    expect(new Set(inFabrikam.map((entry) => entry.tenantId))).toEqual(new Set([FABRIKAM.id]));
    await expectClean(popup, 'popup: acting in Fabrikam');

    // A reopened popup says the same: the switch is the background's, not the page's.
    await popup.reload();
    await popup.getByTestId('acting-tenant').getByText(`Acting in ${FABRIKAM.domain}`).waitFor();
    expect(await popup.getByLabel('Act in').inputValue()).toBe('1');

    tenant.control.clearLog();
    await popup.getByLabel('Act in').selectOption({ label: `Home (${TENANT.domain})` });
    await popup.getByRole('button', { name: 'Switch' }).click();
    await expect.poll(() => popup.getByTestId('acting-tenant').count()).toBe(0);
    await expect
      .poll(() => popup.getByRole('status').filter({ hasText: 'Now acting in' }).textContent())
      .toBe(`Now acting in Home (${TENANT.domain}).`);
    await popup.getByText(`Tenant ${TENANT.domain}`).waitFor();
    await popup.getByTestId('policy-state').waitFor();
    await expect.poll(() => popup.getByText('Checking for changes…').count()).toBe(0);
    const inContoso = graphCalls(tenant);
    expect(inContoso.length).toBeGreaterThan(0);
    expect(new Set(inContoso.map((entry) => entry.tenantId))).toEqual(new Set([TENANT.id]));

    // "Back to" by keyboard: said once, and the keyboard goes to the profile choice (not to Sign out).
    await popup.getByLabel('Act in').selectOption({ label: `Fabrikam (${FABRIKAM.domain})` });
    await popup.getByRole('button', { name: 'Switch' }).click();
    const back = popup.getByRole('button', { name: `Back to ${TENANT.domain}` });
    await back.focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => popup.getByTestId('popup-status').textContent()).toBe(`Now acting in ${TENANT.domain}.`);
    await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('profile-select');
    await popup.close();
  });

  // Last: it ends the sign-in (another app registration is configured afterwards).
  it('a profile with another client id: nothing happens before the confirmation, then it is the app registration and the admin is signed out', async () => {
    const other = '1f7d8a5b-9e6c-4d2f-8a4b-3c8e7f6d5b42';
    const worker = await browser.serviceWorker();
    await worker.evaluate(
      (profiles) => chrome.storage.local.set({ tenantProfiles: profiles }),
      [
        { label: 'Fabrikam', tenant: FABRIKAM.domain },
        { label: 'Fabrikam lab', tenant: FABRIKAM.domain, clientId: other },
      ],
    );
    const popup = await browser.context.newPage();
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.getByLabel('Act in').selectOption({ label: `Fabrikam lab (${FABRIKAM.domain}), another app registration` });
    await popup.getByRole('button', { name: 'Switch' }).click();
    const confirm = popup.getByRole('group', { name: /^Fabrikam lab uses another app registration/ });
    await confirm.getByText(/signs you out: you sign in again afterwards/).waitFor();
    await expectClean(popup, 'popup: confirm another app registration');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    // Cancel gives the keyboard back to the Switch button that asked; so does Escape.
    const switchButton = popup.getByRole('button', { name: 'Switch', exact: true });
    await expect.poll(() => switchButton.evaluate((button) => button === document.activeElement)).toBe(true);
    await popup.keyboard.press('Enter');
    await expect
      .poll(() => confirm.getByRole('button', { name: 'Cancel' }).evaluate((b) => b === document.activeElement))
      .toBe(true);
    await popup.keyboard.press('Escape');
    await expect.poll(() => confirm.count()).toBe(0);
    await expect.poll(() => switchButton.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await popup.getByTestId('account-upn').textContent()).toBe(ADMINS.megan.userPrincipalName);
    expect((await worker.evaluate(() => chrome.storage.local.get('entraSettings'))).entraSettings).toMatchObject({
      tenantId: TENANT.domain,
    });

    await popup.getByRole('button', { name: 'Switch' }).click();
    await popup.getByRole('button', { name: 'Switch and sign out' }).click();
    await popup.getByText('Not signed in.').waitFor();
    expect((await worker.evaluate(() => chrome.storage.local.get('entraSettings'))).entraSettings).toEqual({
      clientId: other,
      tenantId: FABRIKAM.domain,
    });
    await popup.close();
  });

  // After the sign-out above. The browser's prompt for a national cloud's hosts stays open here (headless can't answer it).
  it('options: Save with another cloud keeps the keyboard on Save (aria-disabled, not disabled) while the browser asks', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    const form = options.getByRole('form', { name: 'App registration' });
    await form.getByLabel('Microsoft cloud').selectOption({ label: 'US Government (GCC High)' });
    const save = form.getByRole('button', { name: 'Save' });
    await save.focus();
    await options.keyboard.press('Enter');
    await expect.poll(() => save.getAttribute('aria-disabled')).toBe('true');
    expect(await save.evaluate((button) => button === document.activeElement)).toBe(true);
    await options.keyboard.press('Enter'); // a second press while busy does nothing
    expect(await save.evaluate((button) => button === document.activeElement)).toBe(true);
    await options.close();
  });
});
