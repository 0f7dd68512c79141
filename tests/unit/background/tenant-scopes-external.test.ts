/**
 * Product-side specs against the in-process simulated tenant: the extension reads the scopes a token carries (every
 * consented scope, not only the requested ones), and an external member refused at the POST gets their own sentence.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handleRequest } from '@/utils/background/dispatcher';
import { fetchPolicyView } from '@/utils/graph/policy';
import type { Request } from '@/utils/messages';
import { ADMINS, EXTERNAL_USERS, TARGETS } from '../../tenant/seed';
import { startTenant, type Tenant } from '../../tenant/server';
import { signIn } from '../../tenant/test-client';
import { fakeServices, windowCaller } from './services-fake';
import { tenantClient } from './tenant-fetch';

describe('against the simulated tenant', () => {
  let tenant: Tenant;
  const refresh: Record<string, string> = {};
  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
  });
  afterAll(() => tenant.close());
  beforeEach(async () => {
    tenant.control.reset(); // ends refresh tokens too: sign in again
    for (const who of ['megan', 'alex'] as const) refresh[who] = (await signIn(tenant, ADMINS[who].id)).refreshToken;
  });

  describe('tokens carry every consented scope (msal-js "Resources and scopes")', () => {
    it('a token asked for User.Read only still counts as holding the consented policy read: a 403 is the role, not consent', async () => {
      const requested: string[][] = [];
      const client = tenantClient(tenant, refresh.alex ?? '', { requested });
      const view = await fetchPolicyView(client, null);
      // Only User.Read was asked for; the token the tenant sent carries the whole consented set.
      expect(requested.flat()).toEqual(['https://graph.microsoft.com/User.Read']);
      expect(client.grantedScopes()).toContain('https://graph.microsoft.com/Policy.Read.AuthenticationMethod');
      // Alex (Authentication Administrator) may not read the policy: the role sentence, never "grant consent".
      expect(view.unreadable).toMatchObject({ kind: 'forbidden', status: 403 });
      expect(view.unreadable?.message).toMatch(/Your admin role can’t read the Temporary Access Pass policy/);
    });

    it('the same request when the tenant has not consented the policy read: now the consent sentence', async () => {
      tenant.control.revokeConsent(['Policy.Read.AuthenticationMethod']);
      const client = tenantClient(tenant, refresh.alex ?? '');
      const view = await fetchPolicyView(client, null);
      expect(client.grantedScopes().some((scope) => /Policy\.Read\.AuthenticationMethod$/.test(scope))).toBe(false);
      expect(view.unreadable).toMatchObject({ kind: 'consentRequired' });
      expect(view.unreadable?.message).toMatch(/hasn't been granted the Policy\.Read\.AuthenticationMethod permission/);
    });

    it('a pass is issued with a token asked for User.Read only (the TAP write scope comes with the consent)', async () => {
      const requested: string[][] = [];
      const client = tenantClient(tenant, refresh.megan ?? '', { requested });
      const { services, windows } = fakeServices(client);
      const caller = windowCaller(windows, TARGETS.adele.id);
      expect(await handleRequest({ type: 'getPanelState' } as Request, services, caller)).toMatchObject({ ok: true });
      const reply = await handleRequest(
        { type: 'issueTap', userId: TARGETS.adele.id, attemptId: 'attempt-scopes-1', options: {} } as Request,
        services,
        caller,
      );
      expect(reply).toMatchObject({ ok: true, data: { isUsable: true } });
      expect(new Set(requested.flat())).toEqual(new Set(['https://graph.microsoft.com/User.Read']));
    });
  });

  describe('an external member refused at the POST', () => {
    const issueFor = async (userId: string) => {
      const client = tenantClient(tenant, refresh.megan ?? '');
      const { services, windows } = fakeServices(client);
      const caller = windowCaller(windows, userId);
      // The panel's first view: the product itself reads the user (userType, creationType, identities' traces).
      expect(await handleRequest({ type: 'getPanelState' } as Request, services, caller)).toMatchObject({ ok: true });
      const reply = await handleRequest(
        { type: 'issueTap', userId, attemptId: `attempt-${userId}`, options: {} } as Request,
        services,
        caller,
      );
      return reply as { ok: false; error: { kind: string; message: string; status?: number } };
    };

    it('Dana (userType Member, B2B from northwind.com): the external-member sentence, not "external guest"', async () => {
      const reply = await issueFor(EXTERNAL_USERS.dana.id);
      expect(reply).toMatchObject({ ok: false, error: { kind: 'externalMember', status: 400 } });
      expect(reply.error.message).toMatch(
        /is an external member: a member of this tenant who signs in with another organization/,
      );
      expect(reply.error.message).not.toMatch(/external guest/);
      expect(tenant.control.state.passes[EXTERNAL_USERS.dana.id]).toBeUndefined();
    });

    it('Kai (external member as cross-tenant sync creates one): the same external-member sentence', async () => {
      const reply = await issueFor(EXTERNAL_USERS.kai.id);
      expect(reply).toMatchObject({ ok: false, error: { kind: 'externalMember' } });
    });

    it('Chris (an external guest) keeps the guest sentence', async () => {
      const reply = await issueFor(TARGETS.chris.id);
      expect(reply).toMatchObject({ ok: false, error: { kind: 'externalGuest', status: 400 } });
      expect(reply.error.message).toMatch(/This user is an external guest/);
    });
  });
});
