import { describe, expect, it } from 'vitest';
import { LOST_ANSWER } from '@/utils/bulk/bulk-errors';
import { applyResults, type BulkRow, markNotSent, startSending } from '@/utils/bulk/bulk-rows';
import { runCheck } from '@/utils/bulk/check-run';
import { runIssue } from '@/utils/bulk/issue-run';
import type { BulkCheckRow, BulkIssueResult, BulkIssueRow, RequestMap } from '@/utils/messages';
import { RequestError } from '@/utils/send-request';
import type { Send } from '@/utils/ui/panel-store';
import { issuedTap } from '../components/fixtures';

const refs = (n: number) => Array.from({ length: n }, (_, i) => `user${i}@contoso.com`);
const userId = (i: number) => `22222222-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** A background whose answers wait until the test lets them go, counting what is in flight. */
function fakeBackground(answer: (type: string, req: unknown) => unknown) {
  const sent: { type: string; req: unknown }[] = [];
  const waiting: (() => void)[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const send = (async (type: string, req: unknown) => {
    sent.push({ type, req });
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise<void>((resolve) => waiting.push(resolve));
    inFlight--;
    return answer(type, req);
  }) as unknown as Send;
  const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
  return {
    send,
    sent,
    maxInFlight: () => maxInFlight,
    /** Lets the oldest waiting message be answered. */
    async release(count = 1) {
      for (let i = 0; i < count; i++) waiting.shift()?.();
      await flush();
    },
    async releaseAll() {
      while (waiting.length > 0) await this.release(waiting.length);
    },
  };
}

const checkAnswer = (_type: string, req: unknown): RequestMap['bulkCheck']['res'] => ({
  rows: (req as { refs: string[] }).refs.map(
    (ref): BulkCheckRow => ({ ref, verdict: 'issue', user: { id: userId(0), displayName: ref, userPrincipalName: ref } }),
  ),
  policy: null,
});

const issueAnswer = (_type: string, req: unknown): RequestMap['bulkIssue']['res'] => ({
  results: (req as { rows: BulkIssueRow[] }).rows.map(
    (row): BulkIssueResult => ({ rowId: row.rowId, userId: row.userId, status: 'issued', pass: issuedTap() }),
  ),
});

const issueRows = (n: number): BulkIssueRow[] =>
  Array.from({ length: n }, (_, i) => ({ rowId: `row-${String(i).padStart(4, '0')}`, userId: userId(i), options: {} }));

describe('runCheck', () => {
  it('sends chunks of at most 20, at most 5 at a time, and hands over every answered row', async () => {
    const background = fakeBackground(checkAnswer);
    const seen: string[] = [];
    const run = runCheck(refs(130), background.send, (rows) => seen.push(...rows.map((row) => row.ref)));
    await background.release(0);
    expect(background.sent).toHaveLength(5);
    await background.releaseAll();
    const outcome = await run;
    expect(background.sent.map(({ req }) => (req as { refs: string[] }).refs.length)).toEqual([20, 20, 20, 20, 20, 20, 10]);
    expect(background.sent.every(({ type }) => type === 'bulkCheck')).toBe(true);
    expect(background.maxInFlight()).toBe(5);
    expect(seen.sort()).toEqual(refs(130).sort());
    expect(outcome).toEqual({ policy: null, error: null });
  });

  it('starts no further chunk once a message failed, and says why', async () => {
    let calls = 0;
    const background = fakeBackground((type, req) => {
      calls++;
      if (calls === 1) throw new RequestError({ kind: 'signedOut', message: 'Sign in again.' });
      return checkAnswer(type, req);
    });
    const run = runCheck(refs(200), background.send, () => {});
    await background.releaseAll();
    const outcome = await run;
    expect(outcome.error).toEqual({ kind: 'signedOut', message: 'Sign in again.' });
    // The five already in flight finish; none of the other five starts.
    expect(background.sent).toHaveLength(5);
  });
});

describe('runIssue', () => {
  it('sends chunks of at most 20, at most 3 at a time, each row once with its rowId', async () => {
    const background = fakeBackground(issueAnswer);
    const results: BulkIssueResult[] = [];
    const rows = issueRows(100);
    const run = runIssue(rows, background.send, { cancelled: () => false, onResults: (r) => results.push(...r) });
    await background.release(0);
    expect(background.sent).toHaveLength(3);
    await background.releaseAll();
    const outcome = await run;
    const sentRows = background.sent.flatMap(({ req }) => (req as { rows: BulkIssueRow[] }).rows);
    expect(background.sent.map(({ req }) => (req as { rows: BulkIssueRow[] }).rows.length)).toEqual([20, 20, 20, 20, 20]);
    expect(sentRows.map((row) => row.rowId)).toEqual(rows.map((row) => row.rowId));
    expect(background.maxInFlight()).toBe(3);
    expect(results.filter((result) => result.status === 'issued')).toHaveLength(100);
    expect(outcome).toEqual({ error: null, notSent: [] });
  });

  it('Cancel stops before the next chunk: the chunks already sent finish and are shown, the rest is not sent', async () => {
    const background = fakeBackground(issueAnswer);
    const results: BulkIssueResult[] = [];
    let cancelled = false;
    const rows = issueRows(100);
    const run = runIssue(rows, background.send, { cancelled: () => cancelled, onResults: (r) => results.push(...r) });
    await background.release(1); // chunk 1 answered, chunk 4 starts; chunks 2 and 3 still out
    expect(background.sent).toHaveLength(4);
    cancelled = true;
    await background.releaseAll();
    const outcome = await run;
    expect(background.sent).toHaveLength(4);
    expect(results).toHaveLength(80);
    expect(outcome.notSent.map((row) => row.rowId)).toEqual(rows.slice(80).map((row) => row.rowId));
  });

  it('a row the answer leaves out is unknown; a lost answer makes its chunk unknown and stops the run', async () => {
    let calls = 0;
    const background = fakeBackground((type, req) => {
      calls++;
      if (calls === 2) throw new RequestError({ kind: 'unknown', message: 'The extension’s background stopped answering.' });
      const reply = issueAnswer(type, req);
      return { results: reply.results.slice(1) };
    });
    const results: BulkIssueResult[] = [];
    const run = runIssue(issueRows(100), background.send, { cancelled: () => false, onResults: (r) => results.push(...r) });
    await background.releaseAll();
    const outcome = await run;
    expect(results.filter((result) => result.status === 'unknown')).toHaveLength(3 - 1 + 20);
    expect(outcome.error).toMatchObject({ kind: 'ambiguous', message: LOST_ANSWER });
    expect(outcome.notSent).toHaveLength(40);
  });

  it('a message refused before anything was issued makes its rows failed, with the background’s sentence', async () => {
    const background = fakeBackground(() => {
      throw new RequestError({ kind: 'signedOut', message: 'Sign in again.' });
    });
    const results: BulkIssueResult[] = [];
    const run = runIssue(issueRows(5), background.send, { cancelled: () => false, onResults: (r) => results.push(...r) });
    await background.releaseAll();
    await run;
    expect(results.map((result) => result.status)).toEqual(['failed', 'failed', 'failed', 'failed', 'failed']);
  });
});

describe('rowIds', () => {
  const checked = (n: number): BulkRow[] =>
    Array.from({ length: n }, (_, i) => ({
      line: i + 2,
      ref: `user${i}@contoso.com`,
      options: {},
      check: {
        ref: `user${i}@contoso.com`,
        verdict: 'issue',
        user: { id: userId(i), displayName: `User ${i}`, userPrincipalName: `user${i}@contoso.com` },
      },
    }));

  it('are made once per row and kept on a re-send of rows never answered; a re-issue after unknown gets a new one', () => {
    let next = 0;
    const newId = () => `id-${String(next++).padStart(4, '0')}`;
    const first = startSending(checked(3), newId);
    expect(first.send.map((row) => row.rowId)).toEqual(['id-0000', 'id-0001', 'id-0002']);
    // Row 0 issued, row 1 unknown, row 2 never sent (Cancel).
    let rows = applyResults(first.rows, [
      { rowId: 'id-0000', userId: userId(0), status: 'issued', pass: issuedTap() },
      { rowId: 'id-0001', userId: userId(1), status: 'unknown', error: { kind: 'ambiguous', message: 'Unknown.' } },
    ]);
    rows = markNotSent(rows, [first.send[2] as BulkIssueRow]);
    const again = startSending(rows, newId);
    expect(again.send.map((row) => row.rowId)).toEqual(['id-0003', 'id-0002']);
    expect(again.rows[0]?.outcome?.status).toBe('issued');
  });

  it('a failure that would fail again (the policy refused) is not offered again', () => {
    const first = startSending(checked(1), () => 'id-0000');
    const rows = applyResults(first.rows, [
      { rowId: 'id-0000', userId: userId(0), status: 'failed', error: { kind: 'policyBlocked', message: 'Refused.' } },
    ]);
    expect(startSending(rows, () => 'id-0001').send).toEqual([]);
  });
});
