/** The bulk page's sentences: verdicts, counts, the confirmation and the progress lines. */
import { i18n } from '#i18n';
import type { IssueOptions } from '../messages';
import { formatDuration } from '../ui/format';
import { formatDateTime } from '../ui/format-pass';
import { formatList } from '../ui/locale-format';
import type { BulkRow, CheckCounts, IssueCounts, RowVerdict, SendCounts } from './bulk-rows';
import { verdictOf } from './bulk-rows';

export const VERDICT_LABEL: Record<RowVerdict, string> = {
  issue: i18n.t('bulk.verdict.issue'),
  replace: i18n.t('bulk.verdict.replace'),
  skip: i18n.t('bulk.verdict.skip'),
  unchecked: i18n.t('bulk.verdict.unchecked'),
};

/** What the table's last column says for a row. */
export function rowSentence(row: BulkRow): string {
  if (row.sameUserAs !== undefined) return i18n.t('bulk.row.sameUser', { line: row.sameUserAs });
  if (!row.check) return i18n.t('bulk.row.notReached');
  if (row.check.sentence) return row.check.sentence;
  return verdictOf(row) === 'replace' ? i18n.t('bulk.row.replaces') : '';
}

/** What a line asked for: "2 hours, one-time, from 3 Jun 2030, 09:00", or the policy's defaults. */
export function optionsSentence(options: IssueOptions): string {
  const parts: string[] = [];
  if (options.lifetimeInMinutes !== undefined) parts.push(formatDuration(options.lifetimeInMinutes));
  if (options.isUsableOnce !== undefined)
    parts.push(i18n.t(options.isUsableOnce ? 'bulk.options.once' : 'bulk.options.reusable'));
  if (options.startDateTime !== undefined)
    parts.push(i18n.t('bulk.options.from', { date: formatDateTime(options.startDateTime) }));
  return parts.length === 0 ? i18n.t('bulk.options.defaults') : formatList(parts);
}

/**
 * "24 will be issued, 2 replaced, 4 skipped" (and those the check didn't reach, and the lines not used: their list
 * comes before the table, so the summary and the announcement point back to it).
 */
export function checkSummary(counts: CheckCounts, unused = 0): string {
  const parts = [
    i18n.t('bulk.summary.issue', counts.issue),
    i18n.t('bulk.summary.replace', counts.replace),
    i18n.t('bulk.summary.skip', counts.skip),
  ];
  if (counts.unchecked > 0) parts.push(i18n.t('bulk.summary.unchecked', counts.unchecked));
  if (unused > 0) parts.push(i18n.t('bulk.summary.unused', unused));
  return formatList(parts);
}

export const checkProgress = (done: number, total: number) => i18n.t('bulk.progress.checked', { done, total });

export const issueProgress = ({ issued, failed, remaining }: IssueCounts) =>
  i18n.t('bulk.progress.issued', { issued, failed, remaining });

/** The one confirmation for the whole set: how many, where, and what replacing does. */
export function confirmSentence(counts: SendCounts, tenant: string, skipped: number): string {
  const sentences = [i18n.t('bulk.confirm.question', counts.total, { count: counts.total, tenant })];
  if (counts.replace > 0) sentences.push(i18n.t('bulk.confirm.replace', counts.replace));
  if (counts.again > 0) sentences.push(i18n.t('bulk.confirm.again', counts.again));
  if (skipped > 0) sentences.push(i18n.t('bulk.confirm.skipped', skipped));
  return sentences.join(' ');
}

export const confirmLabel = (counts: SendCounts) => i18n.t('bulk.confirm.button', counts.total);

/**
 * Said once when a run ends. `headingSaysIssued`: the keyboard lands on the results' heading ("60 passes issued"),
 * so the count of passes is left out rather than heard twice.
 */
export function issueEnded(
  counts: IssueCounts,
  notSent: number,
  stopped: 'done' | 'cancelled' | 'failed',
  headingSaysIssued = false,
): string {
  const parts = headingSaysIssued ? [] : [i18n.t('bulk.ended.issued', counts.issued)];
  if (counts.failed > 0) parts.push(i18n.t('bulk.ended.notIssued', counts.failed));
  if (notSent > 0) parts.push(i18n.t('bulk.ended.notSent', notSent));
  const outcome = formatList(parts);
  if (stopped === 'cancelled') return i18n.t('bulk.ended.cancelled', { outcome });
  return stopped === 'failed' ? i18n.t('bulk.ended.failed', { outcome }) : i18n.t('bulk.ended.done', { outcome });
}

/**
 * What Cancel can still do in this run: the groups are sent several at once, so the users already sent (all of them,
 * in a run of up to ISSUE_IN_FLIGHT groups) finish whatever Cancel does. Null when Cancel can stop someone.
 */
export function cancelUnavailable(total: number, sent: number): string | null {
  if (sent < total) return null;
  return i18n.t('bulk.cancel.unavailable', total);
}

export function cancelHint(total: number, sent: number): string {
  const unavailable = cancelUnavailable(total, sent);
  if (unavailable) return unavailable;
  const left = total - sent;
  return sent === 0 ? i18n.t('bulk.cancel.stops', left) : i18n.t('bulk.cancel.stopsSome', left, { left, sent });
}

/** After a Cancel that came when every user was already sent. */
export function cancelTooLate(total: number, counts: IssueCounts, headingSaysIssued: boolean): string {
  if (counts.failed === 0) return i18n.t('bulk.cancel.tooLate', total);
  return `${i18n.t('bulk.cancel.tooLateSent', total)} ${issueEnded(counts, 0, 'done', headingSaysIssued)}`;
}
