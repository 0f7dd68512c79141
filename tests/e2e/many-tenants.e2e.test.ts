/// <reference types="chrome" />

import { describe, expect, it } from 'vitest';
import { ADMINS, TARGETS, TENANT } from '../tenant/seed';
import { FABRIKAM, FABRIKAM_USERS } from '../tenant/seed-fabrikam';
import type { Tenant } from '../tenant/server';
import type { ExtensionBrowser } from './harness/extension-browser';
import { panel, portalUserUrl } from './harness/session';
import { displayedPass, issueButton, tapPosts, useSignedInSuite } from './harness/tap-panel';

/** The admin center's own tenant-qualified address: https://entra.microsoft.com/<tenant>/#view/… */
const inTenant = (tenant: string, userId: string) => portalUserUrl(userId).replace('.com/#', `.com/${tenant}/#`);

describe('many tenants: the panel acts in the tenant the portal shows', () => {
  let tenant: Tenant;
  let browser: ExtensionBrowser;

  // Megan (Contoso's Global Administrator, a guest Global Administrator in Fabrikam), signed in to Contoso.
  useSignedInSuite(
    ADMINS.megan.displayName,
    (started) => {
      ({ tenant, browser } = started);
    },
    // Not reset between tests: a reset would end the sign-in session the switch redeems. The tests run in order.
  );

  it('a user id from the other directory: "This user isn’t in <tenant>", not "not found"', async () => {
    const page = await browser.context.newPage();
    await page.goto(portalUserUrl(FABRIKAM_USERS.ines.id));
    const frame = panel(page);
    await frame
      .getByText(/^This user isn’t in contoso\.onmicrosoft\.com\. The portal may be showing another directory: /)
      .waitFor();
    // And a Contoso user still opens as before, named in its tenant.
    await page.goto(portalUserUrl(TARGETS.adele.id));
    await panel(page).getByRole('heading', { name: TARGETS.adele.displayName }).waitFor();
    await panel(page).getByText(`In ${TENANT.domain}`).waitFor();
    await page.close();
  });

  it('a Fabrikam URL: the mismatch sentence first, then one click signs in there, reads Fabrikam and issues there', async () => {
    const page = await browser.context.newPage();
    tenant.control.clearLog();
    await page.goto(inTenant(FABRIKAM.domain, FABRIKAM_USERS.tomas.id));
    const frame = panel(page);
    await frame
      .getByText(
        `The portal is showing ${FABRIKAM.domain}, but you’re signed in to ${TENANT.domain}. Nothing is shown or issued here until you sign in to ${FABRIKAM.domain}.`,
      )
      .waitFor();
    // Nothing was read in Contoso for a Fabrikam user before the switch.
    expect(tenant.control.requestLog().filter((entry) => entry.host === 'graph' && !entry.isPreflight)).toEqual([]);

    await frame.getByRole('button', { name: `Sign in to ${FABRIKAM.domain}` }).click();
    await frame.getByRole('heading', { name: FABRIKAM_USERS.tomas.displayName }).waitFor();
    await frame.getByText(`In ${FABRIKAM.domain}`, { exact: true }).waitFor();
    // The keyboard is on Issue, and the switch is said once.
    await expect.poll(() => issueButton(frame).evaluate((button) => button === document.activeElement)).toBe(true);
    await expect
      .poll(() => frame.locator('p[aria-live="polite"]').last().textContent())
      .toBe(`Now acting in ${FABRIKAM.domain}.`);
    const graphCalls = tenant.control.requestLog().filter((entry) => entry.host === 'graph' && !entry.isPreflight);
    expect(graphCalls.length).toBeGreaterThan(0);
    expect(new Set(graphCalls.map((entry) => entry.tenantId))).toEqual(new Set([FABRIKAM.id]));

    tenant.control.clearLog();
    await issueButton(frame).click();
    await frame.getByTestId('pass-value').waitFor();
    expect(await displayedPass(frame)).toHaveLength(8);
    const posts = tapPosts(tenant);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.path).toContain(FABRIKAM_USERS.tomas.id);
    const post = tenant.control
      .requestLog()
      .find((entry) => entry.method === 'POST' && entry.path.includes('temporaryAccessPass'));
    expect(post?.tenantId).toBe(FABRIKAM.id);
    // The pass is Fabrikam's (with Fabrikam's default lifetime), and Contoso holds none for that id.
    expect(tenant.control.directory(FABRIKAM.id)?.passes[FABRIKAM_USERS.tomas.id]?.lifetimeInMinutes).toBe(120);
    expect(tenant.control.state.passes[FABRIKAM_USERS.tomas.id]).toBeUndefined();
    await page.close();
  });
});
