import { chunksOf } from '../chunks';
import type { TapPolicy } from '../graph/types';
import { BULK_CHUNK, type BulkCheckRow, type ErrorInfo } from '../messages';
import type { Send } from '../ui/panel-store';
import { checkFailure } from './bulk-errors';
import { runPool } from './pool';

/** Checks are reads: a few messages at once keep the background's $batches busy without crowding Graph. */
export const CHECK_IN_FLIGHT = 5;

export interface CheckOutcome {
  /** The policy the last answer carried; undefined when no chunk was answered. */
  policy: TapPolicy | null | undefined;
  /** The first message that failed; after it no further chunk started (a sign-out fails them all alike). */
  error: ErrorInfo | null;
}

/** Checks the references in chunks of BULK_CHUNK; each answered chunk's rows reach onRows as they arrive. */
export async function runCheck(
  refs: readonly string[],
  send: Send,
  onRows: (rows: BulkCheckRow[]) => void,
  inFlight = CHECK_IN_FLIGHT,
): Promise<CheckOutcome> {
  const outcome: CheckOutcome = { policy: undefined, error: null };
  await runPool(
    chunksOf(refs, BULK_CHUNK),
    inFlight,
    async (chunk) => {
      try {
        const reply = await send('bulkCheck', { refs: chunk });
        outcome.policy = reply.policy;
        onRows(reply.rows);
      } catch (error) {
        outcome.error ??= checkFailure(error);
      }
    },
    () => outcome.error !== null,
  );
  return outcome;
}
