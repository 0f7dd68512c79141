import { i18n } from '#i18n';
import { chunksOf } from '../chunks';
import { BULK_CHUNK, type BulkIssueResult, type BulkIssueRow, type ErrorInfo } from '../messages';
import type { Send } from '../ui/panel-store';
import { issueFailure } from './bulk-errors';
import { runPool } from './pool';

/** Writes: fewer at once than checks, so Graph's throttling (which the background honours) is seldom reached. */
export const ISSUE_IN_FLIGHT = 3;

const NO_ANSWER: ErrorInfo = {
  kind: 'ambiguous',
  message: i18n.t('bulk.errors.noAnswer'),
};

export interface IssueOutcome {
  /** The first message that failed as a whole; after it no further chunk started. */
  error: ErrorInfo | null;
  /** Rows never sent (Cancel, or a failed message before them): they keep their rowIds for a later run. */
  notSent: BulkIssueRow[];
}

export interface IssueRunOptions {
  /** Asked before each chunk: Cancel stops before the next one; the chunks already sent finish. */
  cancelled: () => boolean;
  /** Each chunk's outcome, one result per row sent, as it arrives. */
  onResults: (results: BulkIssueResult[]) => void;
  /** Each chunk as it is sent: from then on Cancel can't stop it. */
  onSend?: (chunk: readonly BulkIssueRow[]) => void;
  inFlight?: number;
}

/**
 * Issues the rows in chunks of BULK_CHUNK. Every row is sent at most once per run, with the rowId it came with: a row
 * sent again carries the same id, and the background issues each id at most once. Nothing is repeated here.
 */
export async function runIssue(rows: readonly BulkIssueRow[], send: Send, options: IssueRunOptions): Promise<IssueOutcome> {
  const { cancelled, onResults, onSend, inFlight = ISSUE_IN_FLIGHT } = options;
  const outcome: IssueOutcome = { error: null, notSent: [] };
  const chunks = chunksOf(rows, BULK_CHUNK);
  const started = await runPool(
    chunks,
    inFlight,
    async (chunk) => {
      onSend?.(chunk);
      try {
        const { results } = await send('bulkIssue', { rows: chunk });
        const byRowId = new Map(results.map((result) => [result.rowId, result]));
        onResults(
          chunk.map(
            (row) => byRowId.get(row.rowId) ?? { rowId: row.rowId, userId: row.userId, status: 'unknown', error: NO_ANSWER },
          ),
        );
      } catch (error) {
        const failure = issueFailure(error);
        outcome.error ??= failure.error;
        onResults(chunk.map((row) => ({ rowId: row.rowId, userId: row.userId, ...failure }) as BulkIssueResult));
      }
    },
    () => outcome.error !== null || cancelled(),
  );
  outcome.notSent = chunks.slice(started).flat();
  return outcome;
}
