import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { probeAuthorize } from '../../utils/auth/authorize-probe';
import { APP } from './seed';
import { startTenant, type Tenant } from './server';
import { call } from './test-client';

/** fetch over the test client: the tenant's certificate, its Host header, and no redirect followed (redirect: 'manual'). */
const fetchVia = (tenant: Tenant, seen: string[]) =>
  (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    seen.push(`${init?.redirect} ${init?.credentials} ${url}`);
    const res = await call(tenant, url, { method: 'GET' });
    return new Response(res.status === 302 ? null : res.text, { status: res.status, headers: res.headers });
  }) as typeof fetch;

describe('authorize probe against the simulated tenant', () => {
  let tenant: Tenant;
  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
  });
  afterAll(() => tenant.close());
  beforeEach(() => tenant.control.reset());

  const settings = { clientId: APP.clientId, tenantId: APP.tenantDomain };

  it('accepts a registered redirect URI (a redirect with login_required: no session is sent), on either platform', async () => {
    const seen: string[] = [];
    const probe = (redirectUri: string) => probeAuthorize({ fetch: fetchVia(tenant, seen), redirectUri }, settings);
    await expect(probe(APP.redirectUri)).resolves.toEqual({ kind: 'accepted' });
    expect(seen[0]).toMatch(
      /^manual omit https:\/\/login\.microsoftonline\.com\/contoso\.onmicrosoft\.com\/oauth2\/v2\.0\/authorize\?/,
    );
    expect(new URL(seen[0]?.split(' ')[2] ?? '').searchParams.get('prompt')).toBe('none');
    // Web is accepted at /authorize too: only the code's redemption tells the platform (AADSTS9002326).
    tenant.control.setRedirectPlatform('web');
    await expect(probe(APP.redirectUri)).resolves.toEqual({ kind: 'accepted' });
    expect(tenant.control.state.codes).toEqual({});
  });

  it('reads AADSTS50011 for an unregistered URI, and AADSTS700016 for an unknown client id', async () => {
    const fetch = fetchVia(tenant, []);
    await expect(probeAuthorize({ fetch, redirectUri: 'https://elsewhere.chromiumapp.org/' }, settings)).resolves.toEqual({
      kind: 'refused',
      code: 'AADSTS50011',
    });
    await expect(
      probeAuthorize({ fetch, redirectUri: APP.redirectUri }, { ...settings, clientId: '99999999-0000-4000-8000-000000000000' }),
    ).resolves.toEqual({ kind: 'refused', code: 'AADSTS700016' });
  });

  it('says unreachable when the request fails', async () => {
    const fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof globalThis.fetch;
    await expect(probeAuthorize({ fetch, redirectUri: APP.redirectUri }, settings)).resolves.toEqual({ kind: 'unreachable' });
  });
});
