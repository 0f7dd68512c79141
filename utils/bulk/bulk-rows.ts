/** The bulk page's rows, from the list through the check to the outcome: pure steps the store applies. */
import type { IssuedTap } from '../graph/types';
import type { BulkCheckRow, BulkIssueResult, BulkIssueRow, ErrorInfo, IssueOptions } from '../messages';
import { canIssueAgain } from './bulk-errors';
import type { ListRow } from './parse-list';
import type { IssuedRow } from './results-csv';

export type RowOutcome =
  | { status: 'sending' }
  /** Never sent (Cancel, or a failed message before it): sent later with the same rowId. */
  | { status: 'notSent' }
  | { status: 'issued'; pass: IssuedTap }
  | { status: 'failed' | 'unknown'; error: ErrorInfo };

export interface BulkRow {
  line: number;
  ref: string;
  options: IssueOptions;
  /** The check's answer; absent until then, or when the check stopped before this row. */
  check?: BulkCheckRow;
  /** The check resolved this row to the user an earlier line named (a UPN on one line, the object id on another). */
  sameUserAs?: number;
  /** Made when the row is first sent, kept while it may be sent again unanswered, new only for an explicit re-issue. */
  rowId?: string;
  outcome?: RowOutcome;
}

export type RowVerdict = 'issue' | 'replace' | 'skip' | 'unchecked';

export const rowsFromList = (list: readonly ListRow[]): BulkRow[] =>
  list.map(({ line, ref, options }) => ({ line, ref, options }));

export function verdictOf(row: BulkRow): RowVerdict {
  if (!row.check) return 'unchecked';
  return row.sameUserAs === undefined ? row.check.verdict : 'skip';
}

/** Puts a chunk's answers on their rows (matched by the reference sent), then marks a user named twice. */
export function applyCheck(rows: readonly BulkRow[], answers: readonly BulkCheckRow[]): BulkRow[] {
  const byRef = new Map(answers.map((answer) => [answer.ref.toLowerCase(), answer]));
  const firstLine = new Map<string, number>();
  return rows.map((row) => {
    const check = byRef.get(row.ref.toLowerCase()) ?? row.check;
    const userId = check?.user?.id.toLowerCase();
    const earlier = userId === undefined ? undefined : firstLine.get(userId);
    if (userId !== undefined && earlier === undefined) firstLine.set(userId, row.line);
    const { sameUserAs: _, ...rest } = row;
    return { ...rest, ...(check && { check }), ...(earlier !== undefined && { sameUserAs: earlier }) };
  });
}

export interface CheckCounts {
  issue: number;
  replace: number;
  skip: number;
  unchecked: number;
}

export function checkCounts(rows: readonly BulkRow[]): CheckCounts {
  const counts: CheckCounts = { issue: 0, replace: 0, skip: 0, unchecked: 0 };
  for (const row of rows) counts[verdictOf(row)]++;
  return counts;
}

const planned = (row: BulkRow) => {
  const verdict = verdictOf(row);
  return (verdict === 'issue' || verdict === 'replace') && !!row.check?.user;
};

/** Tried before and may have acted, or failed for a reason that may have passed: only ever re-sent on the admin's word. */
export const triedAgain = (row: BulkRow): boolean =>
  row.outcome?.status === 'unknown' || (row.outcome?.status === 'failed' && canIssueAgain(row.outcome.error));

/** The rows the next Issue sends: planned and not yet sent, never sent, or worth issuing again. */
export const rowsToSend = (rows: readonly BulkRow[]): BulkRow[] =>
  rows.filter((row) => planned(row) && (!row.outcome || row.outcome.status === 'notSent' || triedAgain(row)));

export interface SendCounts {
  total: number;
  replace: number;
  /** Already tried: a pass may have been created for them. */
  again: number;
}

export function sendCounts(rows: readonly BulkRow[]): SendCounts {
  const chosen = rowsToSend(rows);
  return {
    total: chosen.length,
    replace: chosen.filter((row) => verdictOf(row) === 'replace' && !triedAgain(row)).length,
    again: chosen.filter(triedAgain).length,
  };
}

/**
 * Marks the rows about to be sent. A row that never got an answer keeps its rowId (the background issues an id at most
 * once); a row tried before gets a new one, as the admin asked for a new pass.
 */
export function startSending(rows: readonly BulkRow[], newRowId: () => string): { rows: BulkRow[]; send: BulkIssueRow[] } {
  const chosen = new Set(rowsToSend(rows));
  const send: BulkIssueRow[] = [];
  const next = rows.map((row) => {
    if (!chosen.has(row) || !row.check?.user) return row;
    const rowId = row.rowId && !triedAgain(row) ? row.rowId : newRowId();
    send.push({ rowId, userId: row.check.user.id, options: row.options });
    return { ...row, rowId, outcome: { status: 'sending' } as const };
  });
  return { rows: next, send };
}

export function applyResults(rows: readonly BulkRow[], results: readonly BulkIssueResult[]): BulkRow[] {
  const byRowId = new Map(results.map((result) => [result.rowId, result]));
  return rows.map((row) => {
    const result = row.rowId === undefined ? undefined : byRowId.get(row.rowId);
    if (!result) return row;
    const outcome: RowOutcome =
      result.status === 'issued' ? { status: 'issued', pass: result.pass } : { status: result.status, error: result.error };
    return { ...row, outcome };
  });
}

export function markNotSent(rows: readonly BulkRow[], notSent: readonly BulkIssueRow[]): BulkRow[] {
  const ids = new Set(notSent.map((row) => row.rowId));
  return rows.map((row) =>
    row.rowId !== undefined && ids.has(row.rowId) ? { ...row, outcome: { status: 'notSent' } as const } : row,
  );
}

export interface IssueCounts {
  issued: number;
  failed: number;
  remaining: number;
}

export function issueCounts(rows: readonly BulkRow[]): IssueCounts {
  const counts: IssueCounts = { issued: 0, failed: 0, remaining: 0 };
  for (const row of rows) {
    const status = row.outcome?.status;
    if (status === 'issued') counts.issued++;
    else if (status === 'failed' || status === 'unknown') counts.failed++;
    else if (status === 'sending') counts.remaining++;
  }
  return counts;
}

export function issuedRows(rows: readonly BulkRow[]): IssuedRow[] {
  return rows.flatMap((row) =>
    row.outcome?.status === 'issued' && row.check?.user ? [{ line: row.line, user: row.check.user, pass: row.outcome.pass }] : [],
  );
}
