/**
 * The bulk handlers against the simulated tenant, in process: the production Graph client (middleware, $batch, errors)
 * with a fetch that reaches the tenant's HTTPS server, and the fake services around it. The tenant's rules (policy
 * targets, guests, roles, one pass per user, faults, request log) are the ones the e2e suites meet.
 */
import { createDispatcher } from '@/utils/background/dispatcher';
import type { MessageSender } from '@/utils/background/sender';
import { createGraphClient } from '@/utils/graph/client';
import type { BulkIssueRow, Reply } from '@/utils/messages';
import { ADMINS, type SeedPerson } from '../../tenant/seed';
import type { Tenant } from '../../tenant/server';
import { call, signIn } from '../../tenant/test-client';
import { fakeAccount, fakeServices } from '../background/services-fake';
import { GRANTED } from '../graph/fake-graph';

const ID = 'bjppmkdmnkjkahflgkhdahmcejhldfnh';
export const SELF = { id: ID, pagesBaseUrl: `chrome-extension://${ID}/` };
export const BULK_PAGE: MessageSender = { id: ID, url: `${SELF.pagesBaseUrl}bulk.html`, tab: { id: 8, windowId: 3 }, frameId: 0 };

/** The Graph traffic a test saw: requests in flight at most at once, in all, and when each ran. */
export interface Traffic {
  inFlight: number;
  maxInFlight: number;
  requests: number;
  spans: { start: number; end: number }[];
}

/**
 * Round trips of wall time: the longest chain of requests each sent only after the one before it was answered. It
 * doesn't depend on how fast this machine is, as a stopwatch would.
 */
export function roundTrips(traffic: Traffic): number {
  const spans = [...traffic.spans].sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  spans.forEach((span, i) => {
    const before = spans.slice(0, i).flatMap((other, j) => (other.end <= span.start ? [depth[j] ?? 0] : []));
    depth.push(1 + Math.max(0, ...before));
  });
  return Math.max(0, ...depth);
}

function headersOf(init: RequestInit | undefined): Record<string, string> {
  const raw = init?.headers;
  if (!raw) return {};
  if (raw instanceof Headers) return Object.fromEntries(raw.entries());
  if (Array.isArray(raw)) return Object.fromEntries(raw);
  return { ...(raw as Record<string, string>) };
}

function tenantFetch(tenant: Tenant, traffic: Traffic): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    traffic.requests += 1;
    traffic.inFlight += 1;
    const span = { start: performance.now(), end: Number.POSITIVE_INFINITY };
    traffic.spans.push(span);
    traffic.maxInFlight = Math.max(traffic.maxInFlight, traffic.inFlight);
    try {
      const body = typeof init?.body === 'string' ? init.body : undefined;
      const answer = await call(tenant, url, { method: init?.method ?? 'GET', headers: headersOf(init), body });
      const noBody = answer.status === 204 || answer.status === 304;
      return new Response(noBody ? null : answer.text, { status: answer.status, headers: answer.headers });
    } catch {
      throw new TypeError('fetch failed'); // what fetch does when the connection drops
    } finally {
      traffic.inFlight -= 1;
      span.end = performance.now();
    }
  }) as typeof fetch;
}

/** Services signed in to the tenant as `admin` (Megan, a Global Administrator, unless said), talking to the bulk page. */
export async function bulkSession(
  tenant: Tenant,
  admin: SeedPerson = ADMINS.megan,
  over: Parameters<typeof fakeServices>[1] = {},
) {
  const { accessToken } = await signIn(tenant, admin.id);
  const traffic: Traffic = { inFlight: 0, maxInFlight: 0, requests: 0, spans: [] };
  const graph = createGraphClient({
    fetch: tenantFetch(tenant, traffic),
    defaultScopes: ['https://graph.microsoft.com/User.Read'],
    getToken: async () => ({ accessToken, scopes: GRANTED }),
    sleep: async () => {},
  });
  const fake = fakeServices(graph, { now: Date.now, ...over });
  const account = { ...fakeAccount, localAccountId: admin.id, username: admin.userPrincipalName, name: admin.displayName };
  fake.services.broker = { ...fake.services.broker, account: async () => account };
  const dispatch = createDispatcher(fake.services, SELF);
  const send = async <T>(msg: object): Promise<Reply & { data?: T }> => (await dispatch(msg, BULK_PAGE)) as Reply & { data?: T };
  return { ...fake, graph, traffic, send };
}

let rowIds = 0;
/** A fresh random-shaped row id, as the page makes one per row per run. */
export const rowId = () => `row-${String(++rowIds).padStart(8, '0')}-${Math.random().toString(36).slice(2, 10)}`;

export const rowsFor = (users: { id: string }[], options = {}): BulkIssueRow[] =>
  users.map((user) => ({ rowId: rowId(), userId: user.id, options }));

/** The tenant log's pass POSTs inside $batch requests that Graph answered 201, for one user. */
export function createdPosts(tenant: Tenant, userId: string): number {
  return tenant.control
    .requestLog()
    .flatMap((entry) => entry.batch ?? [])
    .filter((item) => item.method === 'POST' && item.status === 201 && item.url.includes(userId)).length;
}

/** The $batch requests that carried pass POSTs. */
export const postBatches = (tenant: Tenant) =>
  tenant.control
    .requestLog()
    .filter((entry) => entry.path.endsWith('/$batch') && (entry.batch ?? []).some((item) => item.method === 'POST'));
