/// <reference types="chrome" />
import type { Locator, Page } from 'playwright-core';
import { beforeEach } from 'vitest';
import { APP, TARGETS } from '../../tenant/seed';
import type { Tenant } from '../../tenant/server';
import type { ExtensionBrowser } from './extension-browser';
import { completeSignIn, configureExtension, type PanelFrame, panel, portalUserUrl } from './session';
import { type StartedSuite, useExtensionSuite } from './suite';

/** Shared steps of the TAP panel specs (eligibility, issue, errors, secrecy). */

export const TAP_PATH = 'temporaryAccessPassMethods';

/** "Issue TAP" or "Issue TAP (replaces the current pass)". */
export function issueButton(frame: PanelFrame | Page): Locator {
  return frame.getByRole('button', { name: /^Issue TAP/ });
}

/** Opens the portal's page of a user and waits until the panel shows that user (or any final state when `waitFor` is given). */
export async function openUser(browser: ExtensionBrowser, userId: string, waitFor?: RegExp | string): Promise<Page> {
  return openUserAt(browser, portalUserUrl(userId), waitFor);
}

/** openUser at any admin center's user page URL (portalUserUrl, m365UserUrl). */
export async function openUserAt(browser: ExtensionBrowser, url: string, waitFor?: RegExp | string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  const frame = panel(page);
  if (waitFor) await frame.getByText(waitFor).first().waitFor();
  else await issueButton(frame).waitFor();
  return page;
}

/** Configures the app registration and signs in from a portal panel as the given admin. */
export async function configureAndSignIn(browser: ExtensionBrowser, adminDisplayName: string, userId: string) {
  await configureExtension(browser, { clientId: APP.clientId, tenantId: APP.tenantDomain });
  const page = await browser.context.newPage();
  await page.goto(portalUserUrl(userId));
  const frame = panel(page);
  await frame.getByRole('button', { name: 'Sign in' }).waitFor();
  await completeSignIn(browser, () => frame.getByRole('button', { name: 'Sign in' }).click(), adminDisplayName);
  await issueButton(frame).waitFor();
  await page.close();
}

/** Signs out from the popup (which also empties the policy cache) and signs in as another admin. */
export async function switchAdmin(browser: ExtensionBrowser, adminDisplayName: string, acceptConsent = true) {
  const popup = await browser.context.newPage();
  await popup.goto(browser.extensionUrl('popup.html'));
  const signOut = popup.getByRole('button', { name: 'Sign out' });
  const signIn = popup.getByRole('button', { name: 'Sign in' });
  await signOut.or(signIn).first().waitFor();
  if (await signOut.isVisible()) await signOut.click();
  await signIn.waitFor();
  await completeSignIn(browser, () => signIn.click(), adminDisplayName, acceptConsent);
  if (acceptConsent) await popup.getByRole('button', { name: 'Sign out' }).waitFor();
  await popup.close();
}

/**
 * The extension keeps the policy ~5 minutes in storage.session, and users' first views ~10 s in the worker; tests that
 * change the tenant must drop both (dropping the policy copy drops the views, as it does in the product).
 */
export async function clearPolicyCache(browser: ExtensionBrowser) {
  const worker = await browser.serviceWorker();
  await worker.evaluate(async () => {
    await chrome.storage.session.set({ tapPolicyCache: null }); // a change even when nothing was cached
    await chrome.storage.session.remove('tapPolicyCache');
  });
}

/** Back to the seed, with nothing the extension read before the reset still shown. */
export async function resetTenant(tenant: Tenant, browser: ExtensionBrowser) {
  tenant.control.reset();
  await clearPolicyCache(browser);
}

export interface TapCall {
  method: string;
  path: string;
  status: number;
  inBatch: boolean;
  dropped?: 'before' | 'after';
}

/** Every call on a user's Temporary Access Pass methods, top-level and inside $batch, preflights left out. */
export function tapCalls(tenant: Tenant, userId?: string): TapCall[] {
  const calls: TapCall[] = [];
  for (const entry of tenant.control.requestLog()) {
    if (entry.isPreflight) continue;
    if (entry.batch) {
      for (const item of entry.batch) {
        calls.push({ method: item.method, path: item.url, status: item.status, inBatch: true });
      }
    } else {
      calls.push({
        method: entry.method,
        path: entry.path,
        status: entry.status,
        inBatch: false,
        ...(entry.dropped && { dropped: entry.dropped }),
      });
    }
  }
  return calls.filter((call) => call.path.includes(TAP_PATH) && (!userId || call.path.toLowerCase().includes(userId)));
}

export function tapPosts(tenant: Tenant, userId?: string): TapCall[] {
  return tapCalls(tenant, userId).filter((call) => call.method === 'POST');
}

/** The pass as displayed: the groups joined back together. */
export async function displayedPass(frame: PanelFrame | Page): Promise<string> {
  const groups = await frame.getByTestId('pass-value').locator('.pass-group').allTextContents();
  return groups.join('');
}

/** The pass values Graph returned to the service worker (201 bodies of the POST), read off the wire by the test. */
export function watchIssuedValues(browser: ExtensionBrowser): { values: string[]; stop: () => void } {
  const values: string[] = [];
  const onResponse = async (response: import('playwright-core').Response) => {
    const request = response.request();
    if (request.method() !== 'POST' || !request.url().includes(TAP_PATH) || response.status() !== 201) return;
    const body = (await response.json().catch(() => null)) as { temporaryAccessPass?: string } | null;
    if (body?.temporaryAccessPass) values.push(body.temporaryAccessPass);
  };
  browser.context.on('response', onResponse);
  return { values, stop: () => browser.context.off('response', onResponse) };
}

/**
 * A panel spec file's tenant and browser, configured and signed in as `admin`. With freshEachTest every test starts
 * from the seed and with no cached policy.
 */
export function useSignedInSuite(admin: string, assign: (started: StartedSuite) => void, { freshEachTest = false } = {}) {
  let suite: StartedSuite | undefined;
  useExtensionSuite(
    (started) => {
      suite = started;
      assign(started);
    },
    ({ browser }) => configureAndSignIn(browser, admin, TARGETS.adele.id),
  );
  if (freshEachTest) {
    beforeEach(async () => {
      if (!suite) return;
      await resetTenant(suite.tenant, suite.browser);
    });
  }
}
