/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_DECLINED_MESSAGE } from '../../utils/graph/policy';
import type { LoggedRequest } from '../tenant/request-log';
import { ADMINS, APP, GROUPS, type SeedPerson, TARGETS } from '../tenant/seed';
import type { Tenant } from '../tenant/server';
import type { ExtensionBrowser } from './harness/extension-browser';
import { completeSignIn, configureExtension } from './harness/session';
import { useExtensionSuite } from './harness/suite';
import { resetTenant } from './harness/tap-panel';

const POLICY_PATH = 'authenticationMethodConfigurations/TemporaryAccessPass';
const POLICY_LINK =
  'https://entra.microsoft.com/contoso.onmicrosoft.com/#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/AdminAuthMethods/fromNav/Identity';

const isGraph = (entry: LoggedRequest) => entry.host === 'graph' && !entry.isPreflight;
const readsPolicy = (entry: LoggedRequest) =>
  isGraph(entry) && (entry.path.includes(POLICY_PATH) || !!entry.batch?.some((item) => item.url.includes(POLICY_PATH)));
const isPolicyPatch = (entry: LoggedRequest) => isGraph(entry) && entry.method === 'PATCH' && entry.path.includes(POLICY_PATH);

describe('popup: the TAP policy at a glance, sign-in, enabling, lookup, cache', () => {
  let tenant: Tenant;
  let browser: ExtensionBrowser;

  const openPopup = async (): Promise<Page> => {
    const page = await browser.context.newPage();
    await page.goto(browser.extensionUrl('popup.html'));
    return page;
  };

  /** The extension keeps the last policy in storage.session; after changing the tenant's policy it must be read again. */
  const clearPolicyCache = async () => {
    const worker = await browser.serviceWorker();
    await worker.evaluate(() => chrome.storage.session.remove('tapPolicyCache'));
  };

  /** Waits until the popup's background refresh of the policy reached Graph and finished. */
  const waitForRefresh = async (popup: Page) => {
    await expect.poll(() => tenant.control.requestLog().some(readsPolicy)).toBe(true);
    await expect.poll(() => popup.getByText('Checking for changes…').count()).toBe(0);
  };

  const signInAs = async (admin: SeedPerson) => {
    const popup = await openPopup();
    // Runs in beforeAll too, where expect.poll is not allowed: wait with locators only.
    const upn = popup.getByTestId('account-upn');
    const signInButton = popup.getByRole('button', { name: 'Sign in' });
    await upn.or(signInButton).first().waitFor();
    if ((await upn.isVisible()) && (await upn.textContent()) === admin.userPrincipalName) return popup.close();
    if (await upn.isVisible()) await popup.getByRole('button', { name: 'Sign out' }).click();
    await signInButton.waitFor();
    await completeSignIn(browser, () => signInButton.click(), admin.displayName);
    await upn.getByText(admin.userPrincipalName, { exact: true }).waitFor();
    await popup.close();
  };

  /** The policy write scope is consented only now: the tenant shows its consent page in the web-auth window. */
  const answerConsent = async (trigger: () => Promise<void>, answer: 'Accept' | 'Cancel') => {
    const authPage = browser.context.waitForEvent('page', {
      predicate: (page) => page.url().includes('login.microsoftonline.com'),
      timeout: 15_000,
    });
    await trigger();
    const page = await authPage;
    await page.getByText('Policy.ReadWrite.AuthenticationMethod').waitFor();
    await page
      .getByRole('button', { name: answer })
      .click()
      .catch((error: Error) => {
        if (!page.isClosed() && !/closed/i.test(error.message)) throw error;
      });
  };

  useExtensionSuite(
    (started) => {
      ({ tenant, browser } = started);
    },
    async () => {
      await configureExtension(browser, { clientId: APP.clientId, tenantId: APP.tenantDomain });
    },
  );

  it('offers "Sign in" when signed out, and the sign-in finishes in the background after the popup closed', async () => {
    const popup = await openPopup();
    await popup.getByText('Not signed in.').waitFor();
    expect(await popup.getByTestId('policy-state').count()).toBe(0);
    await completeSignIn(
      browser,
      async () => {
        await popup.getByRole('button', { name: 'Sign in' }).click();
        await popup.close(); // what Chrome does to the real popup when the sign-in window takes the focus
      },
      ADMINS.megan.displayName,
    );
    const worker = await browser.serviceWorker();
    await expect
      .poll(() => worker.evaluate(() => chrome.storage.session.get(null).then((all) => Object.keys(all).length)))
      .toBeGreaterThan(0);

    const reopened = await openPopup();
    await expect.poll(() => reopened.getByTestId('account-upn').textContent()).toBe(ADMINS.megan.userPrincipalName);
    await reopened.getByText(`Tenant ${APP.tenantDomain}`).waitFor();
    await reopened.getByTestId('policy-state').waitFor();
    await reopened.close();
  });

  it('shows the seeded, enabled policy in plain words', async () => {
    await resetTenant(tenant, browser);
    await signInAs(ADMINS.megan);
    await clearPolicyCache();
    const popup = await openPopup();
    await expect.poll(() => popup.getByTestId('policy-state').textContent()).toBe('Enabled');
    expect(await popup.getByTestId('policy-included').textContent()).toBe('All users');
    await expect.poll(() => popup.getByTestId('policy-excluded').textContent()).toBe(GROUPS.tapExcluded.displayName);
    await popup.getByText('Default lifetime 1 hour, allowed 1–8 hours').waitFor();
    await popup.getByText('Length 8 characters').waitFor();
    await popup.getByText('Reusable by default').waitFor();
    // An enabled policy offers nothing to turn on.
    expect(await popup.getByRole('button', { name: /Turn on/ }).count()).toBe(0);
    await popup.close();
  });

  it('shows a disabled, one-time policy with other lifetimes', async () => {
    await resetTenant(tenant, browser);
    tenant.control.setPolicy({
      state: 'disabled',
      isUsableOnce: true,
      defaultLength: 12,
      defaultLifetimeInMinutes: 120,
      minimumLifetimeInMinutes: 60,
      maximumLifetimeInMinutes: 2880,
    });
    await clearPolicyCache();
    const popup = await openPopup();
    await expect.poll(() => popup.getByTestId('policy-state').textContent()).toBe('Disabled');
    await popup.getByText('Default lifetime 2 hours, allowed 1–48 hours').waitFor();
    await popup.getByText('Length 12 characters').waitFor();
    await popup.getByText('One-time use required for every pass').waitFor();
    await popup.close();
  });

  it('names the groups a scoped policy includes and excludes, resolved through Graph', async () => {
    await resetTenant(tenant, browser);
    tenant.control.setPolicy({
      includeTargets: [{ targetType: 'group', id: GROUPS.pilot.id, isRegistrationRequired: false }],
      excludeTargets: [
        { targetType: 'group', id: GROUPS.tapExcluded.id },
        { targetType: 'group', id: GROUPS.helpdesk.id },
      ],
    });
    await clearPolicyCache();
    tenant.control.clearLog();
    const popup = await openPopup();
    await expect.poll(() => popup.getByTestId('policy-included').textContent()).toBe(GROUPS.pilot.displayName);
    await expect
      .poll(() => popup.getByTestId('policy-excluded').textContent())
      .toBe(`${GROUPS.tapExcluded.displayName}, ${GROUPS.helpdesk.displayName}`);
    expect(await popup.getByText(GROUPS.pilot.id).count()).toBe(0);
    const groupReads = tenant.control
      .requestLog()
      .filter(isGraph)
      .flatMap((entry) => [entry.path, ...(entry.batch ?? []).map((item) => item.url)])
      .filter((url) => url.includes('/groups/'));
    expect(groupReads.join('\n')).toContain(GROUPS.pilot.id);
    await popup.close();
  });

  it('links to the TAP policy in the Entra admin center of the configured tenant', async () => {
    const popup = await openPopup();
    const link = popup.getByRole('link', { name: 'Open TAP policy in the Entra admin center' });
    await expect.poll(() => link.getAttribute('href')).toBe(POLICY_LINK);
    expect(await link.getAttribute('target')).toBe('_blank');
    await popup.close();
  });

  it('shows the cached policy at once, with its age, before any Graph request, then refreshes it', async () => {
    await resetTenant(tenant, browser);
    await clearPolicyCache();
    const warm = await openPopup();
    await warm.getByTestId('policy-state').waitFor();
    await waitForRefresh(warm);
    await warm.close();
    const worker = await browser.serviceWorker();
    const cached = await worker.evaluate(async () => {
      const { tapPolicyCache } = await chrome.storage.session.get('tapPolicyCache');
      return tapPolicyCache as { policy?: { state?: string } } | undefined;
    });
    expect(cached?.policy?.state).toBe('enabled');
    // Make the cache a few minutes old so its age is visible in words.
    await worker.evaluate(async () => {
      const { tapPolicyCache } = await chrome.storage.session.get('tapPolicyCache');
      await chrome.storage.session.set({ tapPolicyCache: { ...(tapPolicyCache as object), fetchedAt: Date.now() - 3 * 60_000 } });
    });
    // The tenant's policy changes meanwhile: the cached words paint first, Graph's replace them.
    tenant.control.setPolicy({ defaultLength: 10 });

    tenant.control.clearLog();
    const popup = await browser.context.newPage();
    // Test-side observer (not in the build): when the policy first appears in the DOM, and the age it shows then.
    await popup.addInitScript(() => {
      const record = () => {
        if (!document.querySelector('[data-testid=policy-state]')) return false;
        Object.assign(window, {
          policyPaintedAt: performance.timeOrigin + performance.now(),
          ageWhenPainted: document.querySelector('[data-testid=policy-age]')?.textContent ?? '',
        });
        return true;
      };
      const observer = new MutationObserver(() => record() && observer.disconnect());
      observer.observe(document, { childList: true, subtree: true });
    });
    await popup.goto(browser.extensionUrl('popup.html'));
    await popup.getByTestId('policy-state').waitFor();
    const { paintedAt, ageWhenPainted } = await popup.evaluate(() => {
      const seen = window as unknown as { policyPaintedAt: number; ageWhenPainted: string };
      return { paintedAt: seen.policyPaintedAt, ageWhenPainted: seen.ageWhenPainted };
    });
    expect(paintedAt).toBeGreaterThan(0);
    const graphBeforePaint = tenant.control
      .requestLog()
      .filter(isGraph)
      .filter((entry) => Date.parse(entry.time) <= paintedAt);
    expect(graphBeforePaint).toEqual([]);
    expect(ageWhenPainted).toMatch(/3 min/);

    await popup.getByText('Length 10 characters').waitFor();
    expect(tenant.control.requestLog().some(readsPolicy)).toBe(true);
    await expect.poll(() => popup.getByTestId('policy-age').textContent()).not.toMatch(/3 min/);
    await popup.close();
  });

  it('says which roles can read the policy when the admin’s role cannot (403), without an error code', async () => {
    await resetTenant(tenant, browser);
    await signInAs(ADMINS.alex);
    await clearPolicyCache();
    const popup = await openPopup();
    const sentence = popup.getByText(
      'Your admin role can’t read the Temporary Access Pass policy. Global Reader, Authentication Policy Administrator or Global Administrator can read it.',
    );
    await sentence.waitFor();
    expect(await popup.getByTestId('policy-state').count()).toBe(0);
    const text = ((await popup.locator('main').textContent()) ?? '').toLowerCase();
    for (const code of ['403', 'forbidden', 'authorization_requestdenied', 'accessdenied']) expect(text).not.toContain(code);
    expect(await popup.getByRole('button', { name: /Turn on/ }).count()).toBe(0);
    await popup.close();
  });

  describe('turning the policy on: who may consent to the write permission', () => {
    /** A popup on a disabled policy, refreshed, the log cleared, at the confirmation step of "Turn on". */
    const confirmTurningOn = async (): Promise<Page> => {
      tenant.control.setPolicy({ state: 'disabled' });
      await clearPolicyCache();
      const popup = await openPopup();
      await expect.poll(() => popup.getByTestId('policy-state').textContent()).toBe('Disabled');
      await waitForRefresh(popup);
      tenant.control.clearLog();
      await popup.getByRole('button', { name: 'Turn on Temporary Access Pass' }).click();
      await popup.getByText(/Policy\.ReadWrite\.AuthenticationMethod/).waitFor();
      return popup;
    };

    beforeAll(async () => {
      await resetTenant(tenant, browser);
      await signInAs(ADMINS.lee);
    });

    it('does nothing when the confirmation is cancelled', async () => {
      const popup = await confirmTurningOn();
      await popup.getByRole('button', { name: 'Cancel' }).click();
      await popup.getByRole('button', { name: 'Turn on Temporary Access Pass' }).waitFor();
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(tenant.control.requestLog().filter(isPolicyPatch)).toEqual([]);
      expect(browser.context.pages().some((page) => page.url().includes('login.microsoftonline.com'))).toBe(false);
      expect(tenant.control.state.policy.state).toBe('disabled');
      await popup.close();
    });

    it('an Authentication Policy Administrator can’t grant the write permission: "Need admin approval", the sentence and the admin-consent link', async () => {
      const popup = await confirmTurningOn();
      const authPage = browser.context.waitForEvent('page', {
        predicate: (page) => page.url().includes('login.microsoftonline.com'),
        timeout: 15_000,
      });
      await popup.getByRole('button', { name: 'Turn on', exact: true }).click();
      const auth = await authPage;
      await auth.getByText('Need admin approval').waitFor();
      await auth
        .getByRole('button', { name: /Return to the application/ })
        .click()
        .catch(() => undefined);
      const alert = popup.getByRole('alert').filter({ hasText: /Only an administrator can grant/ });
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/the Policy\.ReadWrite\.AuthenticationMethod permission/);
      expect(await popup.getByRole('link', { name: 'Admin-consent link' }).getAttribute('href')).toContain(
        '/adminconsent?client_id=',
      );
      expect(tenant.control.requestLog().filter(isPolicyPatch)).toEqual([]);
      expect(tenant.control.state.policy.state).toBe('disabled');
      await popup.close();
    });

    it('once an admin granted it, turns it on after the confirmation with one PATCH, and shows what Graph reads back', async () => {
      // What the admin-consent link does (harsh-tenant.e2e covers the link itself): the grant for the organization.
      tenant.control.grantConsent(['Policy.ReadWrite.AuthenticationMethod']);
      const popup = await confirmTurningOn();
      await popup.getByRole('button', { name: 'Turn on', exact: true }).click();
      await expect.poll(() => popup.getByTestId('policy-state').textContent()).toBe('Enabled');
      expect(tenant.control.state.policy.state).toBe('enabled');
      const log = tenant.control.requestLog();
      expect(log.filter(isPolicyPatch)).toHaveLength(1);
      const patchAt = log.findIndex(isPolicyPatch);
      expect(log.slice(patchAt + 1).some(readsPolicy)).toBe(true);
      expect(await popup.getByRole('button', { name: /Turn on/ }).count()).toBe(0);
      await popup.close();
    });

    it('a Global Administrator who declines the consent gets the plain sentence, and the policy stays off', async () => {
      // Tokens carry every consented scope and live until they expire: take the grant back before Megan's sign-in.
      tenant.control.revokeConsent(['Policy.ReadWrite.AuthenticationMethod']);
      await signInAs(ADMINS.megan);
      const popup = await confirmTurningOn();
      await answerConsent(() => popup.getByRole('button', { name: 'Turn on', exact: true }).click(), 'Cancel');
      const alert = popup.getByRole('alert');
      await alert.first().waitFor();
      expect(await alert.first().textContent()).toBe(CONSENT_DECLINED_MESSAGE);
      expect(tenant.control.requestLog().filter(isPolicyPatch)).toEqual([]);
      expect(tenant.control.state.policy.state).toBe('disabled');
      await popup.close();
    });

    it('a Global Administrator accepts the consent for the organization and the policy is on', async () => {
      const popup = await confirmTurningOn();
      await answerConsent(() => popup.getByRole('button', { name: 'Turn on', exact: true }).click(), 'Accept');
      await expect.poll(() => popup.getByTestId('policy-state').textContent()).toBe('Enabled');
      expect(tenant.control.state.consents[APP.clientId]).toContain('Policy.ReadWrite.AuthenticationMethod');
      await popup.close();
    });
  });

  describe('lookup box', () => {
    beforeAll(async () => {
      await resetTenant(tenant, browser);
      await signInAs(ADMINS.megan);
    });

    const lookUp = async (text: string) => {
      const popup = await openPopup();
      await popup.getByTestId('account-upn').waitFor();
      await popup.getByLabel('User principal name or object ID').fill(text);
      const opened = browser.context.waitForEvent('page', {
        predicate: (page) => page.url().includes('/panel.html'),
        timeout: 10_000,
      });
      await popup.getByRole('button', { name: 'Open' }).click();
      const panelPage = await opened;
      await panelPage.waitForLoadState();
      return { popup, panelPage };
    };

    it('opens the panel for a UPN in a small window', async () => {
      const { popup, panelPage } = await lookUp(`  ${TARGETS.adele.userPrincipalName} `);
      // Whom it shows lives in the background's window table, not in the URL.
      expect(new URL(panelPage.url()).search).toBe('');
      await panelPage.getByText(TARGETS.adele.displayName).first().waitFor();
      const window = await panelPage.evaluate(async () => ({ type: (await chrome.windows.getCurrent()).type }));
      // A popup-type window (no tab strip). Its size isn't checked: Playwright resizes every page to its viewport.
      expect(window.type).toBe('popup');
      await panelPage.close();
      if (!popup.isClosed()) await popup.close();
    });

    it('opens the panel for an object id', async () => {
      const { popup, panelPage } = await lookUp(TARGETS.pradeep.id);
      expect(new URL(panelPage.url()).search).toBe('');
      await panelPage.getByText(TARGETS.pradeep.displayName).first().waitFor();
      await panelPage.getByText(TARGETS.pradeep.userPrincipalName).first().waitFor();
      await panelPage.close();
      if (!popup.isClosed()) await popup.close();
    });

    it('refuses an invalid entry inline, without any Graph request', async () => {
      const popup = await openPopup();
      await popup.getByTestId('account-upn').waitFor();
      await waitForRefresh(popup);
      tenant.control.clearLog();
      const pagesBefore = browser.context.pages().length;
      await popup.getByLabel('User principal name or object ID').fill('adele@@contoso <script>');
      await popup.getByRole('button', { name: 'Open' }).click();
      await popup.getByText(/Enter a user principal name .* or an object ID/).waitFor();
      expect(await popup.getByLabel('User principal name or object ID').getAttribute('aria-invalid')).toBe('true');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(tenant.control.requestLog().filter(isGraph)).toEqual([]);
      expect(browser.context.pages().length).toBe(pagesBefore);
      await popup.close();
    });
  });
});
