import { i18n } from '#i18n';
import { issueRows, type PlannedRow, type RowOutcome } from '../../bulk-background/issue-rows';
import { toErrorInfo } from '../../graph/error-info';
import { AppError } from '../../graph/errors';
import { validateIssueOptions } from '../../graph/policy';
import type { IssuedTap } from '../../graph/types';
import type { HistoryResult } from '../../history/types';
import type { BulkIssueResult, BulkIssueRow, ErrorInfo } from '../../messages';
import { historyTenant, historyUser, recordQuietly } from '../history-record';
import type { ResolvedUser } from '../issue-guard';
import { signedInTenant } from '../panel-tenant';
import type { BackgroundServices } from '../services';

export const BULK_SENTENCES = {
  notResolved: i18n.t('background.bulk.notResolved'),
  alreadyHandled: i18n.t('background.bulk.alreadyHandled'),
  inFlight: i18n.t('background.bulk.inFlight'),
  offline: i18n.t('background.bulk.offline'),
} as const;

interface Planned {
  row: BulkIssueRow;
  resolved: ResolvedUser;
  settle: { resolve(pass: IssuedTap): void; reject(error: unknown): void };
}

function historyResult(outcome: RowOutcome): HistoryResult {
  if (outcome.kind === 'issued') return { status: 'done' };
  if (outcome.kind === 'failed') return { status: 'failed', kind: outcome.error.kind, message: outcome.error.message };
  // As issueTap records it: a pass the reads showed is done (its value is lost), otherwise unknown.
  return outcome.created ? { status: 'done' } : { status: 'unknown', message: outcome.error.message };
}

function resultOf(row: BulkIssueRow, outcome: RowOutcome): BulkIssueResult {
  const { rowId, userId } = row;
  if (outcome.kind === 'issued') return { rowId, userId, status: 'issued', pass: outcome.pass };
  return { rowId, userId, status: outcome.kind, error: outcome.error };
}

/** The user's in-flight issue: a panel that clicks Issue meanwhile is refused (issue-tap.ts), never sends its own. */
function track(services: BackgroundServices, userId: string): Planned['settle'] {
  let settle: Planned['settle'] = { resolve: () => {}, reject: () => {} };
  const done = new Promise<IssuedTap>((resolve, reject) => {
    settle = { resolve, reject };
  });
  services.guard.track(userId, done, 'bulk').catch(() => undefined);
  return settle;
}

/**
 * Issues up to BULK_CHUNK passes for users bulkCheck resolved: each rowId at most once, options checked against the
 * policy per row, the POSTs in one $batch (issue-rows.ts: throttling, lost answers). Every row gets a result, and every
 * row that reached Graph (or was refused on its way there) one history entry, never with the pass.
 */
export async function bulkIssue(
  req: { rows: BulkIssueRow[] },
  services: BackgroundServices,
): Promise<{ results: BulkIssueResult[] }> {
  const { guard } = services;
  const policy = (await services.policyStore.getValue())?.policy ?? null;
  const tenant = historyTenant(await signedInTenant(services).catch(() => null));
  const results = new Map<string, BulkIssueResult>();
  const planned: Planned[] = [];
  const record = (row: BulkIssueRow, resolved: ResolvedUser, result: HistoryResult) =>
    recordQuietly(services, {
      action: resolved.passId ? 'replace' : 'issue',
      user: historyUser(resolved),
      tenant,
      options: row.options,
      result,
      source: 'bulk',
    });
  const fail = (row: BulkIssueRow, error: ErrorInfo) =>
    results.set(row.rowId, { rowId: row.rowId, userId: row.userId, status: 'failed', error });

  for (const row of req.rows) {
    // The rule of every issue: the target was resolved through Graph (bulkCheck) in this session.
    const resolved = await guard.resolved(row.userId);
    if (!resolved) {
      fail(row, { kind: 'invalidInput', message: BULK_SENTENCES.notResolved });
      continue;
    }
    // Refused before the rowId is spent: nothing was sent, so the same row may come again.
    let refusal: ErrorInfo | null = null;
    try {
      validateIssueOptions(row.options, policy, services.now());
      if (!services.isOnline()) refusal = { kind: 'offline', message: BULK_SENTENCES.offline };
    } catch (e) {
      refusal = toErrorInfo(e);
    }
    if (refusal) {
      fail(row, refusal);
      record(row, resolved, { status: 'failed', kind: refusal.kind, message: refusal.message });
      continue;
    }
    if (guard.issuing(row.userId)) {
      fail(row, { kind: 'invalidInput', message: BULK_SENTENCES.inFlight });
      continue;
    }
    const settle = track(services, row.userId); // at once after issuing(): nothing else can start for this user
    if (!(await guard.consumeAttempt(row.rowId))) {
      fail(row, { kind: 'invalidInput', message: BULK_SENTENCES.alreadyHandled });
      settle.reject(new AppError({ kind: 'invalidInput', message: BULK_SENTENCES.alreadyHandled }));
      continue;
    }
    planned.push({ row, resolved, settle });
  }

  try {
    if (planned.length > 0) await issuePlanned(planned, services, results, record);
  } finally {
    // Whatever happened, no user stays "being issued" (a settled promise ignores a second settle).
    for (const { settle } of planned)
      settle.reject(new AppError({ kind: 'unknown', message: i18n.t('background.bulk.stopped') }));
    for (const row of req.rows) services.panelLoads.invalidate(row.userId);
  }
  const count = (status: BulkIssueResult['status']) => [...results.values()].filter((r) => r.status === status).length;
  services.log(
    `bulkIssue: ${req.rows.length} rows: ${count('issued')} issued, ${count('failed')} failed, ${count('unknown')} unknown`,
  );
  return { results: req.rows.map((row) => results.get(row.rowId) as BulkIssueResult) };
}

async function issuePlanned(
  planned: Planned[],
  services: BackgroundServices,
  results: Map<string, BulkIssueResult>,
  record: (row: BulkIssueRow, resolved: ResolvedUser, result: HistoryResult) => void,
): Promise<void> {
  const rows: PlannedRow[] = planned.map(({ row, resolved }) => ({
    key: row.rowId,
    userId: resolved.id,
    options: row.options,
    previousPassId: resolved.passId,
  }));
  const outcomes = await issueRows(rows, {
    client: services.graph,
    inFlight: services.bulk.inFlight,
    wait: services.wait,
    now: services.now,
    log: services.log,
  });
  let policyWasWrong = false;
  for (const { row, resolved, settle } of planned) {
    const outcome: RowOutcome = outcomes.get(row.rowId) ?? {
      kind: 'unknown',
      error: { kind: 'unknown', message: i18n.t('background.bulk.answerLost') },
    };
    results.set(row.rowId, resultOf(row, outcome));
    record(row, resolved, historyResult(outcome));
    if (outcome.kind === 'issued') {
      await services.guard.recordResolved(resolved.id, outcome.pass.id);
      // Graph made it but says the policy doesn't let the user sign in: the policy read for the check was wrong.
      if (outcome.pass.methodUsabilityReason === 'DisabledByPolicy') policyWasWrong = true;
      settle.resolve(outcome.pass);
      continue;
    }
    if (outcome.kind === 'unknown' && outcome.created) await services.guard.recordResolved(resolved.id, outcome.created.id);
    if (outcome.kind === 'failed' && (outcome.error.kind === 'policyBlocked' || outcome.error.kind === 'lifetimeOutOfRange'))
      policyWasWrong = true;
    settle.reject(new AppError(outcome.error));
  }
  if (policyWasWrong) {
    await services.policyStore.setValue(null);
    services.bulk.shared.clear();
  }
}
