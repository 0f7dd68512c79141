import { i18n } from '#i18n';
import { PERMISSION_FOR } from '../auth/scopes';
import { type BatchItem, type BatchRequest, sendBatch } from '../graph/batch';
import type { GraphClient } from '../graph/client';
import { DEFAULT_THROTTLE_WAIT_SECONDS, toErrorInfo } from '../graph/error-info';
import { GraphError, graphErrorFrom } from '../graph/errors';
import type { Wait } from '../graph/settle';
import { tapCollectionUrl, tapRequestBody, toIssuedTap } from '../graph/tap';
import type { IssuedTap } from '../graph/types';
import { formatNumber } from '../i18n/display-locale';
import type { ErrorInfo, IssueOptions } from '../messages';
import type { Limiter } from './limiter';

export interface PassPost {
  key: string;
  userId: string;
  options: IssueOptions;
}

export type PostOutcome =
  | { kind: 'issued'; pass: IssuedTap }
  | { kind: 'failed'; error: ErrorInfo }
  /** No answer, or a 5xx: Graph may have created the pass. `cause` is what the admin would be told of the failure. */
  | { kind: 'lost'; cause: ErrorInfo };

export interface PostDeps {
  client: GraphClient;
  inFlight: Limiter;
  wait: Wait;
  log(message: string): void;
}

/** How long one bulkIssue waits for throttling in all, re-sends included: the page's progress bar keeps moving. */
export const THROTTLE_BUDGET_MS = 30_000;

/**
 * The wait after a 429 without Retry-After (the authentication-methods APIs send none, tests/tenant/graph/throttle.ts):
 * throttling.md "we recommend implementing an exponential backoff retry policy". It starts at the figure the panel asks
 * the admin to wait (DEFAULT_THROTTLE_WAIT_SECONDS) and doubles, so the budget holds two re-sends (10 s, then 20 s):
 * a write is not worth hammering a tenant that is busy.
 */
export const backoffSeconds = (resends: number) => DEFAULT_THROTTLE_WAIT_SECONDS * 2 ** resends;

/** The spent part of the throttling budget, shared by every send of one bulkIssue. */
export interface ThrottleBudget {
  waitedMs: number;
}

const issueContext = (client: GraphClient) => ({
  action: 'issue' as const,
  permission: PERMISSION_FOR.writeTap,
  grantedScopes: client.grantedScopes(),
});

const throttledOut = (askedSeconds: number | undefined): ErrorInfo => ({
  kind: 'throttled',
  message:
    askedSeconds !== undefined && askedSeconds * 1000 > THROTTLE_BUDGET_MS
      ? i18n.t('background.bulk.throttledAsked', { seconds: formatNumber(askedSeconds) })
      : i18n.t('background.bulk.throttledBudget', { seconds: formatNumber(THROTTLE_BUDGET_MS / 1000) }),
  retryAfterSeconds: askedSeconds ?? DEFAULT_THROTTLE_WAIT_SECONDS,
});

function request(post: PassPost): BatchRequest {
  return {
    id: post.key,
    method: 'POST',
    url: tapCollectionUrl(post.userId),
    body: tapRequestBody(post.options),
    // json-batching.md: a request with a body names its Content-Type.
    headers: { 'Content-Type': 'application/json' },
  };
}

type Answer = { kind: 'done'; outcome: PostOutcome } | { kind: 'throttled'; retryAfterSeconds?: number };

function answerOf(item: BatchItem | undefined, client: GraphClient): Answer {
  if (!item) {
    const cause = toErrorInfo(new GraphError({ status: 502, code: 'missingBatchResponse', message: '' }), issueContext(client));
    return { kind: 'done', outcome: { kind: 'lost', cause } };
  }
  if (item.status === 201)
    return { kind: 'done', outcome: { kind: 'issued', pass: toIssuedTap(item.body as Record<string, unknown> | null) } };
  const error = graphErrorFrom(item.status, item.headers, item.body);
  // throttling.md: a throttled request fails, and is retried; Graph didn't act on it.
  if (item.status === 429) return { kind: 'throttled', retryAfterSeconds: error.retryAfterSeconds };
  const info = toErrorInfo(error, issueContext(client));
  return { kind: 'done', outcome: item.status >= 500 ? { kind: 'lost', cause: info } : { kind: 'failed', error: info } };
}

/**
 * The POSTs in one $batch. Throttled ones alone are sent again in a new batch after the longest Retry-After (throttling.md
 * "Throttling and batching": "You might retry all the failed requests in a new batch after the longest retry-after
 * value"), or after the backoff when Graph gave none, while the budget lasts. Nothing else is ever sent again here.
 */
export async function postPasses(posts: PassPost[], deps: PostDeps, budget: ThrottleBudget): Promise<Map<string, PostOutcome>> {
  const outcomes = new Map<string, PostOutcome>();
  let pending = posts;
  for (let resends = 0; pending.length > 0; resends += 1) {
    const throttled: { post: PassPost; retryAfterSeconds?: number }[] = [];
    try {
      const items = await deps.inFlight(() => sendBatch(deps.client, pending.map(request)));
      for (const post of pending) {
        const answer = answerOf(items.get(post.key), deps.client);
        if (answer.kind === 'done') outcomes.set(post.key, answer.outcome);
        else throttled.push({ post, retryAfterSeconds: answer.retryAfterSeconds });
      }
    } catch (e) {
      const info = toErrorInfo(e, issueContext(deps.client));
      const whole = e instanceof GraphError ? e : null;
      if (whole?.status === 429) {
        // The $batch itself throttled: none of it ran.
        for (const post of pending) throttled.push({ post, retryAfterSeconds: whole.retryAfterSeconds });
      } else {
        const lost = whole !== null && (whole.status === 0 || whole.status >= 500);
        if (lost) deps.log(`bulkIssue: no answer to the $batch (${whole.code})`);
        for (const post of pending)
          outcomes.set(post.key, lost ? { kind: 'lost', cause: info } : { kind: 'failed', error: info });
      }
    }
    if (throttled.length === 0) break;
    const asked = throttled.map((t) => t.retryAfterSeconds).filter((s): s is number => s !== undefined);
    const waitSeconds = asked.length > 0 ? Math.max(...asked) : backoffSeconds(resends);
    const waitMs = waitSeconds * 1000;
    if (budget.waitedMs + waitMs > THROTTLE_BUDGET_MS) {
      for (const t of throttled) outcomes.set(t.post.key, { kind: 'failed', error: throttledOut(t.retryAfterSeconds) });
      break;
    }
    deps.log(`bulkIssue: ${throttled.length} throttled; sending them again in ${waitSeconds} s`);
    await deps.wait(waitMs);
    budget.waitedMs += waitMs;
    pending = throttled.map((t) => t.post);
  }
  return outcomes;
}
