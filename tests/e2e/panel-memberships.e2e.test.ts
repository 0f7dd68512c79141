/// <reference types="chrome" />
import { describe, expect, it } from 'vitest';
import type { LoggedRequest } from '../tenant/request-log';
import { GROUPS, MANY_GROUPS, MANY_GROUPS_ADMIN, TARGETS } from '../tenant/seed';
import type { Tenant } from '../tenant/server';
import type { ExtensionBrowser } from './harness/extension-browser';
import { panel } from './harness/session';
import { clearPolicyCache, issueButton, openUser, resetTenant, useSignedInSuite } from './harness/tap-panel';

/** Graph round trips since the log was cleared (preflights are not round trips of their own). */
const graphTrips = (tenant: Tenant): LoggedRequest[] =>
  tenant.control.requestLog().filter((entry) => entry.host === 'graph' && !entry.isPreflight);

/** Opens a user's page from a clean log; returns the verdict sentence ('' when eligible) and the Graph round trips. */
async function verdictFor(tenant: Tenant, browser: ExtensionBrowser, userId: string, eligible: boolean) {
  await clearPolicyCache(browser); // also drops views the worker would share
  tenant.control.clearLog();
  const page = await openUser(browser, userId);
  const frame = panel(page);
  await issueButton(frame).waitFor();
  const notice = frame.getByTestId('eligibility');
  if (!eligible) await notice.waitFor();
  // Issue stays enabled either way: outside the policy is a warning (a pass can be created; it can't sign in yet).
  await expect.poll(() => issueButton(frame).isDisabled()).toBe(false);
  const sentence = eligible ? '' : ((await notice.locator('.notice-text').textContent()) ?? '');
  if (eligible) expect(await notice.count()).toBe(0);
  await page.close();
  return { sentence, trips: graphTrips(tenant) };
}

describe(`panel: memberships longer than a page (Joni and Grady in ${MANY_GROUPS} groups)`, () => {
  let tenant: Tenant;
  let browser: ExtensionBrowser;

  // Grady: a Global Administrator (can read the policy) whose own role comes after his groups.
  useSignedInSuite(MANY_GROUPS_ADMIN.displayName, (started) => {
    ({ tenant, browser } = started);
  });

  it(`${MANY_GROUPS + 1} memberships fit one $top=999 page: the verdict needs one round trip`, async () => {
    await resetTenant(tenant, browser);
    tenant.control.setPolicy({ includeTargets: [{ targetType: 'group', id: GROUPS.wave.id }] });
    const joni = await verdictFor(tenant, browser, TARGETS.joni.id, true);
    expect(joni.trips).toHaveLength(1);
    const henrietta = await verdictFor(tenant, browser, TARGETS.henrietta.id, false);
    expect(henrietta.sentence).toMatch(/isn't in the group .*TAP onboarding wave 3/);
    // The policy was just read in the batch, without names: naming its group is the existing extra round, nothing else.
    expect(henrietta.trips[0]?.path).toBe('/v1.0/$batch');
    const later = henrietta.trips.slice(1).flatMap((trip) => trip.batch ?? [{ url: trip.path }]);
    expect(later.every((item) => item.url.startsWith('/groups/'))).toBe(true);
  });

  describe('with the tenant serving 100 objects a page (a user in more than 999 groups)', () => {
    it('included through a group on the second page → eligible, in two round trips, no nextLink walked', async () => {
      await resetTenant(tenant, browser);
      tenant.control.setDirectoryPageSize(100);
      tenant.control.setPolicy({ includeTargets: [{ targetType: 'group', id: GROUPS.wave.id }] });
      const { trips } = await verdictFor(tenant, browser, TARGETS.joni.id, true);
      expect(trips.map((trip) => trip.path)).toEqual(['/v1.0/$batch', '/v1.0/$batch']);
      const second = trips[1]?.batch ?? [];
      // Both lists were cut short (Joni's and Grady's own): roles by cast, the policy's group by checkMemberGroups.
      expect(second.map((item) => `${item.method} ${item.url.split('?')[0]} ${item.status}`)).toEqual(
        expect.arrayContaining([
          'GET /me/transitiveMemberOf/microsoft.graph.directoryRole 200',
          `GET /users/${TARGETS.joni.id}/transitiveMemberOf/microsoft.graph.directoryRole 200`,
          `POST /users/${TARGETS.joni.id}/checkMemberGroups 200`,
        ]),
      );
      expect(trips.flatMap((trip) => trip.batch ?? []).some((item) => /skiptoken/i.test(item.url))).toBe(false);
    });

    it('excluded through a group on the second page → the warning names it', async () => {
      await resetTenant(tenant, browser);
      tenant.control.setDirectoryPageSize(100);
      tenant.control.setPolicy({ excludeTargets: [{ targetType: 'group', id: GROUPS.wave.id }] });
      const { sentence, trips } = await verdictFor(tenant, browser, TARGETS.joni.id, false);
      expect(sentence).toMatch(/Joni Sherman is in .TAP onboarding wave 3., which the Temporary Access Pass policy excludes/);
      expect(trips).toHaveLength(2);
    });

    it('in none of the included groups on any page → not included (known, not guessed from page 1)', async () => {
      await resetTenant(tenant, browser);
      tenant.control.setDirectoryPageSize(100);
      tenant.control.setPolicy({ includeTargets: [{ targetType: 'group', id: GROUPS.pilot.id }] });
      const { sentence, trips } = await verdictFor(tenant, browser, TARGETS.joni.id, false);
      expect(sentence).toMatch(/Joni Sherman isn't in the group .*Pilot TAP users/);
      expect(trips).toHaveLength(2);
      tenant.control.setDirectoryPageSize(null);
    });
  });
});
