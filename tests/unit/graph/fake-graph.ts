/** A tiny in-test Microsoft Graph: routes by method + path (query ignored unless the route says so), records calls. */
import { createGraphClient, type GraphClient } from '@/utils/graph/client';
import type { PolicyStore } from '@/utils/graph/policy';
import type { PolicyView } from '@/utils/messages';

export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Route = (req: { method: string; url: string; body: unknown }) => FakeResponse | undefined;

export interface Call {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export const envelope = (code: string, message: string, requestId = 'req-1') => ({
  error: { code, message, innerError: { date: '2025-02-13T10:17:06', 'request-id': requestId, 'client-request-id': 'client-1' } },
});

export function createFakeGraph(routes: Route[]) {
  const calls: Call[] = [];
  const answer = (method: string, url: string, body: unknown): FakeResponse => {
    for (const route of routes) {
      const r = route({ method, url, body });
      if (r) return r;
    }
    return { status: 404, body: envelope('Request_ResourceNotFound', `No route for ${method} ${url}`) };
  };
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, url, headers: { ...(init?.headers as Record<string, string>) }, body });
    const path = url.replace(/^https:\/\/graph\.microsoft\.com\/v1\.0/, '');
    if (method === 'POST' && path === '/$batch') {
      const requests = (body as { requests: { id: string; method: string; url: string; body?: unknown }[] }).requests;
      const responses = requests.map((r) => {
        const a = answer(r.method, r.url, r.body);
        return { id: r.id, status: a.status, headers: a.headers ?? {}, body: a.body ?? null };
      });
      return new Response(JSON.stringify({ responses }), { status: 200, headers: { 'content-type': 'application/json' } });
    }
    const a = answer(method, path, body);
    return new Response(a.status === 204 ? null : JSON.stringify(a.body ?? null), {
      status: a.status,
      headers: { 'content-type': 'application/json', ...a.headers },
    });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

export const GRANTED = [
  'https://graph.microsoft.com/User.Read',
  'https://graph.microsoft.com/User.Read.All',
  'https://graph.microsoft.com/GroupMember.Read.All',
  'https://graph.microsoft.com/UserAuthenticationMethod.Read.All',
  'https://graph.microsoft.com/UserAuthMethod-TAP.ReadWrite.All',
  'https://graph.microsoft.com/Policy.Read.AuthenticationMethod',
];

export function clientFor(
  fetch: typeof globalThis.fetch,
  options: { scopes?: string[]; getToken?: () => Promise<never> } = {},
): GraphClient {
  return createGraphClient({
    fetch,
    defaultScopes: ['https://graph.microsoft.com/User.Read'],
    getToken: options.getToken ?? (async () => ({ accessToken: 'token-abc', scopes: options.scopes ?? GRANTED })),
    sleep: async () => {},
  });
}

/** Matches an exact path (no query), or a path with a query when `withQuery`. */
export const on =
  (method: string, path: string | RegExp, res: FakeResponse | ((body: unknown) => FakeResponse)): Route =>
  (req) => {
    if (req.method !== method) return undefined;
    const bare = req.url.split('?')[0] ?? '';
    const hit = typeof path === 'string' ? bare === path : path.test(req.url);
    if (!hit) return undefined;
    return typeof res === 'function' ? res(req.body) : res;
  };

/** A policy store in memory, its value readable by the test. */
export const memoryStore = (initial: PolicyView | null = null): PolicyStore & { value: PolicyView | null } => {
  const s = {
    value: initial,
    getValue: async () => s.value,
    setValue: async (v: PolicyView | null) => {
      s.value = v;
    },
  };
  return s;
};
