/**
 * The product's issueTap against the in-process simulated tenant (tests/tenant): roles as Entra counts them. The
 * background's handler, graph client and sentences are the product's own; only the fetch goes to the tenant, with a
 * token the tenant issued to the signed-in admin. Each case fails if either side drops the behaviour: the tenant's
 * rule (the status changes) or the product's sentence (the text changes).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handleRequest } from '@/utils/background/dispatcher';
import { createGraphClient } from '@/utils/graph/client';
import type { Request } from '@/utils/messages';
import { ADMINS, TARGETS } from '../../tenant/seed';
import { startTenant, type Tenant } from '../../tenant/server';
import { DEFAULT_SCOPES, signIn } from '../../tenant/test-client';
import { fakeServices, windowCaller } from './services-fake';
import { tenantFetch } from './tenant-fetch';

describe('issueTap against the simulated tenant: unit-scoped, restricted-unit and group-held roles', () => {
  let tenant: Tenant;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
    for (const who of ['megan', 'oscar', 'grace'] as const) tokens[who] = (await signIn(tenant, ADMINS[who].id)).accessToken;
  });
  afterAll(() => tenant.close());
  beforeEach(() => tenant.control.reset());

  /** Issues a pass as `admin` for `target` through the background's dispatcher, as the panel's click does. */
  const issueAs = async (admin: 'megan' | 'oscar' | 'grace', target: string) => {
    const client = createGraphClient({
      fetch: tenantFetch(tenant),
      defaultScopes: ['https://graph.microsoft.com/User.Read'],
      getToken: async () => ({ accessToken: tokens[admin] ?? '', scopes: DEFAULT_SCOPES }),
      sleep: async () => {},
    });
    const { services, windows } = fakeServices(client);
    const caller = windowCaller(windows, target);
    await services.frames.setResolved('window:7', target);
    await services.guard.recordResolved(target, null);
    const request: Request = { type: 'issueTap', userId: target, attemptId: `attempt-${admin}-${target}`, options: {} };
    return handleRequest(request, services, caller);
  };
  const passOf = (userId: string) => tenant.control.state.passes[userId];

  it('Oscar (Authentication Administrator scoped to Seattle): a user outside the unit gets the 403 sentence naming the unit', async () => {
    const reply = await issueAs('oscar', TARGETS.pradeep.id);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden', status: 403 } });
    const message = (reply as { error: { message: string } }).error.message;
    expect(message).toMatch(/if it is limited to an administrative unit, this user is outside it/);
    expect(passOf(TARGETS.pradeep.id)).toBeUndefined();
  });

  it('Oscar: a user inside his unit (Adele, Seattle) is issued a pass', async () => {
    const reply = await issueAs('oscar', TARGETS.adele.id);
    expect(reply).toMatchObject({ ok: true, data: { isUsable: true, methodUsabilityReason: 'EnabledByPolicy' } });
    expect(passOf(TARGETS.adele.id)).toBeDefined();
  });

  it('a member of a restricted-management unit (Kenji) is refused even for a Global Administrator, with its sentence', async () => {
    const reply = await issueAs('megan', TARGETS.kenji.id);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden', status: 403 } });
    const message = (reply as { error: { message: string } }).error.message;
    expect(message).toMatch(/in a restricted management unit that only its own admins can change/);
    expect(passOf(TARGETS.kenji.id)).toBeUndefined();
    // The same Global Administrator issues for a user outside the unit: the refusal is the unit's, not the role's.
    expect(await issueAs('megan', TARGETS.pradeep.id)).toMatchObject({ ok: true });
  });

  it('Grace holds Authentication Administrator only through the role-assignable group "Tier 2 helpdesk", and can issue', async () => {
    const reply = await issueAs('grace', TARGETS.pradeep.id);
    expect(reply).toMatchObject({ ok: true, data: { isUsable: true, methodUsabilityReason: 'EnabledByPolicy' } });
    expect(passOf(TARGETS.pradeep.id)).toBeDefined();
    // Without the group's role she holds nothing: the same click is refused.
    const tier2 = tenant.control.state.groups.find((group) => group.displayName === 'Tier 2 helpdesk');
    if (tier2) tier2.assignedRoles = [];
    expect(await issueAs('grace', TARGETS.diego.id)).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });
});
