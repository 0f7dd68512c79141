import { i18n } from '#i18n';
import { RECONCILE_MESSAGES } from '../background/handlers/issue-tap';
import type { GraphClient } from '../graph/client';
import type { Wait } from '../graph/settle';
import type { IssuedTap, TapMethod } from '../graph/types';
import type { ErrorInfo, IssueOptions } from '../messages';
import type { Limiter } from './limiter';
import { type PassPost, type PostOutcome, postPasses, type ThrottleBudget } from './post-passes';
import { type LostPost, reconcilePasses } from './reconcile-passes';

export interface PlannedRow {
  key: string;
  userId: string;
  options: IssueOptions;
  previousPassId: string | null;
}

export type RowOutcome =
  | { kind: 'issued'; pass: IssuedTap }
  | { kind: 'failed'; error: ErrorInfo }
  /** Graph may have acted, the value never arrived; `created` when a read showed the new pass. */
  | { kind: 'unknown'; error: ErrorInfo; created?: TapMethod };

export interface IssueDeps {
  client: GraphClient;
  inFlight: Limiter;
  wait: Wait;
  now(): number;
  log(message: string): void;
}

/** issueTap's sentence for unreadable passes names the panel; a list checks its rows again instead. */
export const BULK_UNCHECKED_MESSAGE = i18n.t('background.bulk.unchecked');

/**
 * Issues the rows: one $batch of POSTs (throttled ones sent again, post-passes.ts), then, for answers that were lost, the
 * users' passes read back (reconcile-passes.ts).
 *
 * A lost answer whose reads all worked and showed no new pass is sent ONCE more. Not a blind repeat: the reads are the
 * evidence that Graph most likely never acted (a connection dropped before the request arrived, as the e2e injects), and
 * Graph keeps one pass per user, a new POST replacing the current one (authentication-post-temporaryaccesspassmethods.md),
 * so even a pass the lost POST made and replication still hides is replaced: the user ends with one pass, the one whose
 * value the admin holds. Reporting "unknown" instead would leave every row of a dropped batch for the admin to issue again
 * by hand. Never sent again: a row whose reads all failed (nothing is known), one whose reads showed a new pass (it
 * exists; its value is lost), and a second lost answer (reported).
 */
export async function issueRows(rows: PlannedRow[], deps: IssueDeps): Promise<Map<string, RowOutcome>> {
  const startedAt = deps.now();
  const budget: ThrottleBudget = { waitedMs: 0 };
  const outcomes = new Map<string, RowOutcome>();
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const posts = (list: PlannedRow[]): PassPost[] => list.map(({ key, userId, options }) => ({ key, userId, options }));

  const settleLost = async (sent: Map<string, PostOutcome>, final: boolean): Promise<PlannedRow[]> => {
    const lost: (LostPost & { cause: ErrorInfo })[] = [];
    for (const [key, outcome] of sent) {
      const row = byKey.get(key) as PlannedRow;
      if (outcome.kind === 'lost')
        lost.push({ key, userId: row.userId, previousPassId: row.previousPassId, cause: outcome.cause });
      else outcomes.set(key, outcome);
    }
    if (lost.length === 0) return [];
    const read = await reconcilePasses(lost, startedAt, deps);
    const again: PlannedRow[] = [];
    for (const post of lost) {
      const result = read.get(post.key);
      if (result?.kind === 'created') {
        const error: ErrorInfo = { kind: 'ambiguous', message: RECONCILE_MESSAGES.created };
        outcomes.set(post.key, { kind: 'unknown', error, created: result.pass });
      } else if (result?.kind === 'notSeen' && !final) {
        again.push(byKey.get(post.key) as PlannedRow);
      } else if (result?.kind === 'notSeen') {
        // A server error keeps its own sentence, as issueTap's does; a lost connection says a pass may still show.
        const error: ErrorInfo =
          post.cause.kind === 'serverError' ? post.cause : { kind: 'ambiguous', message: RECONCILE_MESSAGES.notSeen };
        outcomes.set(post.key, { kind: 'unknown', error });
      } else {
        outcomes.set(post.key, { kind: 'unknown', error: { kind: 'ambiguous', message: BULK_UNCHECKED_MESSAGE } });
      }
    }
    const seen = lost.length - again.length;
    deps.log(`bulkIssue: reconciled ${lost.length} lost answer(s): ${seen} settled, ${again.length} to send once more`);
    return again;
  };

  const again = await settleLost(await postPasses(posts(rows), deps, budget), false);
  if (again.length > 0) await settleLost(await postPasses(posts(again), deps, budget), true);
  return outcomes;
}
