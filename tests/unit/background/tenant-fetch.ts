/** The product's Graph client wired to the in-process simulated tenant (tests/tenant): its fetch and its tokens. */
import { createGraphClient, type GraphClient } from '@/utils/graph/client';
import { APP } from '../../tenant/seed';
import type { Tenant } from '../../tenant/server';
import { call, EXTENSION_ORIGIN, redeem } from '../../tenant/test-client';

/** fetch into the tenant over its test client (its certificate, the Host header). */
export const tenantFetch = (tenant: Tenant) =>
  (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers: Record<string, string> = {};
    new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).forEach((value, name) => {
      headers[name] = value;
    });
    const body = typeof init?.body === 'string' ? init.body : undefined;
    const res = await call(tenant, url, { method: init?.method ?? 'GET', headers, body });
    return new Response(res.status === 204 ? null : res.text, { status: res.status, headers: res.headers });
  }) as typeof fetch;

/**
 * A graph client whose tokens come from the tenant as MSAL gets them: a refresh-token redemption for exactly the scopes
 * the request asks for, and the scopes MSAL reports are the token response's `scope` (AuthenticationResult.scopes).
 */
export function tenantClient(
  tenant: Tenant,
  refreshToken: string,
  options: { defaultScopes?: string[]; requested?: string[][] } = {},
): GraphClient {
  let current = refreshToken;
  return createGraphClient({
    fetch: tenantFetch(tenant),
    defaultScopes: options.defaultScopes ?? ['https://graph.microsoft.com/User.Read'],
    getToken: async (scopes) => {
      options.requested?.push([...scopes]);
      const answer = await redeem(
        tenant,
        { grant_type: 'refresh_token', client_id: APP.clientId, refresh_token: current, scope: scopes.join(' ') },
        EXTENSION_ORIGIN,
      );
      const body = answer.json<{ access_token?: string; refresh_token?: string; scope?: string }>();
      if (answer.status !== 200) throw new Error(`token failed: ${answer.text}`);
      if (body.refresh_token) current = body.refresh_token;
      return { accessToken: String(body.access_token), scopes: String(body.scope ?? '').split(' ') };
    },
    sleep: async () => {},
  });
}
