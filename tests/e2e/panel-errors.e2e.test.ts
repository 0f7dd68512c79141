/// <reference types="chrome" />

import type { Page, Response } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLE } from '../tenant/roles';
import { ADMINS, TARGETS } from '../tenant/seed';
import type { Tenant } from '../tenant/server';
import { type ExtensionBrowser, stopServiceWorkers } from './harness/extension-browser';
import { type PanelFrame, panel, portalUserUrl } from './harness/session';
import {
  clearPolicyCache,
  issueButton,
  openUser,
  resetTenant,
  switchAdmin,
  TAP_PATH,
  tapCalls,
  tapPosts,
  useSignedInSuite,
} from './harness/tap-panel';

/** The error notice's one sentence (role=alert). */
async function errorSentence(frame: PanelFrame, pattern: RegExp): Promise<string> {
  const alert = frame.getByRole('alert').filter({ hasText: pattern });
  await alert.waitFor();
  return (await alert.textContent()) ?? '';
}

/** The request id Graph sent with the answer to the POST, read off the wire. */
function watchPostRequestId(browser: ExtensionBrowser) {
  const ids: string[] = [];
  const onResponse = async (response: Response) => {
    if (response.request().method() !== 'POST' || !response.url().includes(TAP_PATH)) return;
    const id = (await response.allHeaders())['request-id'];
    if (id) ids.push(id);
  };
  browser.context.on('response', onResponse);
  return { ids, stop: () => browser.context.off('response', onResponse) };
}

/** POSTs the extension's service worker asked the network for (a browser-level resend is not a new request). */
function watchPostFetches(browser: ExtensionBrowser) {
  const urls: string[] = [];
  const onRequest = (request: import('playwright-core').Request) => {
    if (request.method() === 'POST' && request.url().includes(TAP_PATH)) urls.push(request.url());
  };
  browser.context.on('request', onRequest);
  return { urls, stop: () => browser.context.off('request', onRequest) };
}

async function detailsRequestId(frame: PanelFrame): Promise<string> {
  await frame.getByText('Details', { exact: true }).click();
  const dd = frame.locator('.notice-details dt', { hasText: 'Request ID' }).locator('xpath=following-sibling::dd[1]');
  return ((await dd.textContent()) ?? '').trim();
}

async function clickIssue(page: Page) {
  await issueButton(panel(page)).click();
}

describe('panel errors: every Graph failure as a plain sentence that says what to do', () => {
  let tenant: Tenant;
  let browser: ExtensionBrowser;

  // Alex (Authentication Administrator, the demo admin) cannot read the policy: Graph's 400s speak for it.
  useSignedInSuite(
    ADMINS.alex.displayName,
    (started) => {
      ({ tenant, browser } = started);
    },
    { freshEachTest: true },
  );

  it('Alex for Diego (excluded; Alex cannot read the policy): Graph creates a pass that cannot be used → the card says so', async () => {
    // entra-docs TAP how-to: "you can create a TAP for any user, only users included in the policy can sign-in with it".
    const page = await openUser(browser, TARGETS.diego.id);
    const frame = panel(page);
    tenant.control.clearLog();
    await clickIssue(page);
    const card = frame.getByTestId('pass-card');
    await card.getByTestId('pass-value').waitFor();
    expect(await card.getByText("Can't be used to sign in").isVisible()).toBe(true);
    expect(await card.getByTestId('pass-unusable').textContent()).toMatch(
      /The user can't sign in with this pass: the Temporary Access Pass policy doesn't include them \(or excludes them\)/,
    );
    expect(await card.getByRole('button', { name: 'Copy instructions' }).count()).toBe(0);
    expect(tapPosts(tenant)).toEqual([expect.objectContaining({ status: 201 })]);
    expect(tenant.control.state.passes[TARGETS.diego.id]).toBeDefined();
    await page.close();
  });

  it('policy blocks at the POST (older tenants: Alex for Diego, "Converged UserCredentialPolicy") → the policy sentence, no retry', async () => {
    tenant.control.setRefuseOutOfPolicyPass(true); // azure-docs #111778 (2023)
    const page = await openUser(browser, TARGETS.diego.id);
    const frame = panel(page);
    tenant.control.clearLog();
    await clickIssue(page);
    const sentence = await errorSentence(frame, /policy doesn't allow a pass for this user/);
    expect(sentence).toMatch(/in an excluded group\. Change the policy .* or the user's groups/);
    expect(sentence).not.toMatch(/Converged/);
    expect(await frame.getByRole('button', { name: 'Try again' }).count()).toBe(0);
    expect(tapPosts(tenant)).toEqual([expect.objectContaining({ status: 400 })]);
    await page.close();
  });

  it('lifetime Graph refuses (Alex cannot read the policy, asks 10 hours) → the policy range in words', async () => {
    const page = await openUser(browser, TARGETS.adele.id);
    const frame = panel(page);
    await frame.getByRole('button', { name: 'Options' }).click();
    await frame.getByLabel('Lifetime', { exact: true }).fill('10');
    tenant.control.clearLog();
    await clickIssue(page);
    await errorSentence(frame, /The lifetime must be between 1 hour and 8 hours \(60–480 minutes\), as the policy sets/);
    expect(tapPosts(tenant)).toEqual([expect.objectContaining({ status: 400 })]);
    await page.close();
  });

  it('role 403: the user became an admin after the panel loaded → the role sentence', async () => {
    const page = await openUser(browser, TARGETS.adele.id);
    const frame = panel(page);
    tenant.control.state.users.find((u) => u.id === TARGETS.adele.id)?.roles.push(ROLE.userAdministrator);
    tenant.control.clearLog();
    await clickIssue(page);
    await errorSentence(frame, /Your admin role can't issue a Temporary Access Pass for this user/);
    expect(
      await frame
        .getByText(/Privileged Authentication Administrator or Global Administrator/)
        .first()
        .isVisible(),
    ).toBe(true);
    expect(tapPosts(tenant)).toEqual([expect.objectContaining({ status: 403 })]);
    await page.close();
  });

  it('throttled: 429 with Retry-After 7 → says how long to wait, Try again disabled meanwhile, one POST', async () => {
    const page = await openUser(browser, TARGETS.adele.id);
    const frame = panel(page);
    tenant.control.injectFault({ method: 'POST', path: TAP_PATH, status: 429, retryAfter: '7', times: 1 });
    tenant.control.clearLog();
    await clickIssue(page);
    await errorSentence(frame, /Microsoft Graph is busy and asked to wait 7 seconds\. Try again in 7 seconds\./);
    await frame.getByText(/You can try again in [1-7] s\./).waitFor();
    expect(await frame.getByRole('button', { name: 'Try again' }).isDisabled()).toBe(true);
    expect(tapPosts(tenant)).toHaveLength(1); // no automatic retry behind the admin's back
    expect(tenant.control.state.passes[TARGETS.adele.id]).toBeUndefined();
    await page.close();
  });

  it('server errors 500 and 503 → sentence with the request id in Details; Try again issues once', async () => {
    for (const status of [500, 503]) {
      await resetTenant(tenant, browser);
      const page = await openUser(browser, TARGETS.adele.id);
      const frame = panel(page);
      tenant.control.injectFault({ method: 'POST', path: TAP_PATH, status, times: 1 });
      tenant.control.clearLog();
      const wire = watchPostRequestId(browser);
      await clickIssue(page);
      await errorSentence(frame, new RegExp(`Microsoft Graph had a problem \\(${status}\\); try again in a minute`));
      expect(
        await frame
          .getByText(/give Microsoft support the request ID/)
          .first()
          .isVisible(),
      ).toBe(true);
      wire.stop();
      expect(wire.ids).toHaveLength(1);
      expect(await detailsRequestId(frame)).toBe(wire.ids[0]);
      await frame.getByRole('button', { name: 'Try again' }).click();
      await frame.getByTestId('pass-value').waitFor();
      expect(tapPosts(tenant).map((c) => c.status)).toEqual([status, 201]);
      await page.close();
    }
  });

  it('not found: the user was deleted after the panel loaded → not-found sentence', async () => {
    const page = await openUser(browser, TARGETS.adele.id);
    const frame = panel(page);
    const users = tenant.control.state.users;
    users.splice(
      users.findIndex((u) => u.id === TARGETS.adele.id),
      1,
    );
    await clickIssue(page);
    await errorSentence(frame, /This user wasn't found in your directory\. Check the object ID or user principal name/);
    await page.close();
  });

  it('revoking a pass that is already gone → says nothing else to do, and the card follows', async () => {
    const page = await openUser(browser, TARGETS.lynne.id);
    const frame = panel(page);
    delete tenant.control.state.passes[TARGETS.lynne.id];
    await frame.getByRole('region', { name: 'Current pass' }).getByRole('button', { name: 'Revoke' }).click();
    await frame.getByRole('group').getByRole('button', { name: 'Revoke' }).click();
    await frame.getByText('No Temporary Access Pass.').waitFor();
    await page.close();
  });

  // Chromium resends a request, POST included, once when a reused keep-alive connection closes before any answer
  // (HttpNetworkTransaction::ShouldResendRequest). The tenant's drop fault closes the socket, so on a warm connection
  // the tenant sees the same POST twice although the extension sent it once; `times: 2` also drops that resend.
  it('connection dropped after Graph created the pass → the panel says a pass exists but its value cannot be shown', async () => {
    const page = await openUser(browser, TARGETS.adele.id);
    const frame = panel(page);
    tenant.control.injectFault({ method: 'POST', path: TAP_PATH, drop: 'after', times: 2 });
    tenant.control.clearLog();
    const fetches = watchPostFetches(browser);
    await clickIssue(page);
    const sentence = await errorSentence(
      frame,
      /A Temporary Access Pass was created, but the connection dropped before its value arrived, so it can't be shown/,
    );
    expect(sentence).toMatch(/Issue a new pass \(it replaces this one\)/);
    fetches.stop();
    expect(await frame.getByTestId('pass-value').count()).toBe(0);
    // The current-pass card shows the pass Graph holds, found by reading (never by a second POST from the extension).
    const card = frame.getByRole('region', { name: 'Current pass' });
    await card
      .getByTestId('pass-status')
      .filter({ hasText: /Active/ })
      .waitFor();
    expect(tenant.control.state.passes[TARGETS.adele.id]).toBeDefined();
    expect(fetches.urls).toHaveLength(1);
    const posts = tapPosts(tenant);
    expect(posts.length).toBeGreaterThanOrEqual(1);
    expect(posts.length).toBeLessThanOrEqual(2); // 2 = Chromium's own resend on a reused connection
    expect(posts.every((p) => p.dropped === 'after')).toBe(true);
    expect(tapCalls(tenant).some((c) => c.method === 'GET' && !c.inBatch)).toBe(true);
    await page.close();
  });

  it("connection dropped once after the POST, and the browser's resend answered → the value shown is the pass Graph holds", async () => {
    const page = await openUser(browser, TARGETS.adele.id);
    const frame = panel(page);
    tenant.control.injectFault({ method: 'POST', path: TAP_PATH, drop: 'after', times: 1 });
    tenant.control.clearLog();
    const fetches = watchPostFetches(browser);
    await clickIssue(page);
    const outcome = frame.getByTestId('pass-value').or(frame.getByRole('alert').filter({ hasText: /connection dropped/ }));
    await outcome.first().waitFor();
    fetches.stop();
    expect(fetches.urls).toHaveLength(1);
    const posts = tapPosts(tenant);
    console.info(`[drop after ×1] tenant saw ${posts.length} POST(s): ${JSON.stringify(posts.map((p) => p.status))}`);
    if (posts.length === 2) {
      // Warm connection: Chromium resent the POST and got the new pass; Graph's second POST replaced the first pass.
      await frame.getByTestId('pass-value').waitFor();
      expect(posts.map((p) => p.status)).toEqual([0, 201]);
    } else {
      await errorSentence(frame, /A Temporary Access Pass was created, but the connection dropped/);
    }
    expect(tenant.control.state.passes[TARGETS.adele.id]).toBeDefined();
    await page.close();
  });

  it('connection dropped before Graph saw the POST → no new pass in four reads, safe to issue again (it would replace one)', async () => {
    const page = await openUser(browser, TARGETS.adele.id);
    const frame = panel(page);
    tenant.control.injectFault({ method: 'POST', path: TAP_PATH, drop: 'before', times: 2 });
    tenant.control.clearLog();
    await clickIssue(page);
    // Four reads of her passes (over 3.5 s: a new pass can take a while to show) find none; the sentence doesn't claim
    // more than that, and issuing again is safe because a new pass replaces any that was created.
    await errorSentence(
      frame,
      /The connection dropped before Microsoft Graph answered, and no new pass has shown up in several checks\. Entra can take a few minutes .* It.s safe to issue again: a new pass replaces any that was created/,
    );
    expect(tapCalls(tenant).filter((c) => c.method === 'GET' && !c.inBatch)).toHaveLength(4);
    expect(tenant.control.state.passes[TARGETS.adele.id]).toBeUndefined();
    // "Safe to try again": Issue TAP is right there (no Try again: the store only repeats errors it knows are transient).
    await issueButton(frame).click();
    await frame.getByTestId('pass-value').waitFor();
    expect(tapPosts(tenant).at(-1)?.status).toBe(201);
    expect(tapPosts(tenant).filter((p) => p.status === 201)).toHaveLength(1);
    await page.close();
  });

  it('Graph unreachable while loading (dropped connection) → "can\'t be reached" sentence with Try again', async () => {
    await clearPolicyCache(browser); // and the ~10 s shared view of Adele: this page must load her anew
    tenant.control.injectFault({ path: '$batch', drop: 'before' }); // every try, until cleared below
    const page = await browser.context.newPage();
    await page.goto(portalUserUrl(TARGETS.adele.id));
    const frame = panel(page);
    await errorSentence(frame, /You appear to be offline, or Microsoft Graph can't be reached\. Check your connection/);
    tenant.control.clearFaults();
    await frame.getByRole('button', { name: 'Try again' }).click();
    await issueButton(frame).waitFor();
    await page.close();
  });

  it('offline (context.setOffline, which Playwright applies to the service worker too) → offline sentence, no POST', async () => {
    const page = await openUser(browser, TARGETS.adele.id);
    const frame = panel(page);
    tenant.control.clearLog();
    await browser.context.setOffline(true);
    try {
      // Playwright 1.65 applies setOffline to the extension's service worker as well: navigator.onLine turns false there.
      expect(await (await browser.serviceWorker()).evaluate(() => navigator.onLine)).toBe(false);
      await clickIssue(page);
      await errorSentence(frame, /^You appear to be offline\. Nothing was issued; check your connection and try again\.$/);
      expect(await frame.getByRole('button', { name: 'Try again' }).isEnabled()).toBe(true);
    } finally {
      await browser.context.setOffline(false);
    }
    expect(tapPosts(tenant)).toEqual([]);
    expect(tenant.control.state.passes[TARGETS.adele.id]).toBeUndefined();
    await page.close();
  });

  it('signed out (sessions revoked, MSAL cache gone) → the panel offers Sign in', async () => {
    const page = await openUser(browser, TARGETS.adele.id);
    tenant.control.revokeSessions();
    const worker = await browser.serviceWorker();
    await worker.evaluate(async () => {
      const all = await chrome.storage.session.get(null);
      await chrome.storage.session.remove(Object.keys(all).filter((key) => key.startsWith('msal.')));
    });
    await stopServiceWorkers(page); // the running worker keeps MSAL's cache in memory too
    await page.reload();
    await panel(page).getByRole('button', { name: 'Sign in' }).waitFor();
    await panel(page)
      .getByText(/Sign in with your Microsoft Entra admin account/)
      .waitFor();
    await page.close();
  });

  it('missing consent for UserAuthMethod-TAP.ReadWrite.All, with a fresh token → consent sentence naming the permission', async () => {
    // Signed out by the previous test (or now): sign in again, then take the consent away and force a fresh token.
    await switchAdmin(browser, ADMINS.alex.displayName);
    tenant.control.revokeConsent(['UserAuthMethod-TAP.ReadWrite.All']);
    const page = await browser.context.newPage();
    await page.goto('about:blank');
    const worker = await browser.serviceWorker();
    await worker.evaluate(async () => {
      const all = await chrome.storage.session.get(null);
      await chrome.storage.session.remove(Object.keys(all).filter((key) => /accesstoken/i.test(key)));
    });
    await stopServiceWorkers(page);
    await page.goto(portalUserUrl(TARGETS.adele.id));
    const frame = panel(page);
    const sentence = await errorSentence(frame, /consent/i);
    expect(sentence).toMatch(/UserAuthMethod-TAP\.ReadWrite\.All/);
    expect(sentence).toMatch(/Grant admin consent/);
    await page.close();
  });

  describe('as a Global Administrator (Megan: the form knows the policy)', () => {
    beforeAll(async () => {
      await resetTenant(tenant, browser);
      await switchAdmin(browser, ADMINS.megan.displayName);
    });

    it('policy max lowered after the panel loaded: the form allows 8 hours, Graph refuses → range sentence', async () => {
      const page = await openUser(browser, TARGETS.adele.id);
      const frame = panel(page);
      await frame.getByRole('button', { name: 'Options' }).click();
      await frame.getByLabel('Lifetime', { exact: true }).fill('8');
      await expect.poll(() => issueButton(frame).isEnabled()).toBe(true);
      tenant.control.setPolicy({ maximumLifetimeInMinutes: 240 });
      tenant.control.clearLog();
      await clickIssue(page);
      await errorSentence(
        frame,
        /The lifetime must be between 1 hour and 4 hours \(60–240 minutes\), as the policy sets\. Choose a lifetime in that range\./,
      );
      expect(tapPosts(tenant)).toEqual([expect.objectContaining({ status: 400 })]);
      await page.close();
    });
  });
});
