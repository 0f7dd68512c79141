/** The bulk page's sentences: verdicts, counts, the confirmation and the progress lines. */
import type { IssueOptions } from '../messages';
import { formatDuration } from '../ui/format';
import { formatDateTime } from '../ui/format-pass';
import type { BulkRow, CheckCounts, IssueCounts, RowVerdict, SendCounts } from './bulk-rows';
import { verdictOf } from './bulk-rows';

export const VERDICT_LABEL: Record<RowVerdict, string> = {
  issue: 'Will issue',
  replace: 'Will replace the current pass',
  skip: 'Skipped',
  unchecked: 'Not checked',
};

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the table's last column says for a row. */
export function rowSentence(row: BulkRow): string {
  if (row.sameUserAs !== undefined) return `The same user as line ${row.sameUserAs}: one pass per user.`;
  if (!row.check) return 'The check stopped before this user; check the list again.';
  if (row.check.sentence) return row.check.sentence;
  return verdictOf(row) === 'replace' ? 'The user’s current pass is deleted and stops working.' : '';
}

/** What a line asked for: "2 hours, one-time, from 3 Jun 2030, 09:00", or the policy's defaults. */
export function optionsSentence(options: IssueOptions): string {
  const parts: string[] = [];
  if (options.lifetimeInMinutes !== undefined) parts.push(formatDuration(options.lifetimeInMinutes));
  if (options.isUsableOnce !== undefined) parts.push(options.isUsableOnce ? 'one-time' : 'more than once');
  if (options.startDateTime !== undefined) parts.push(`from ${formatDateTime(options.startDateTime)}`);
  return parts.length === 0 ? 'Policy defaults' : parts.join(', ');
}

/**
 * "24 will be issued, 2 replaced, 4 skipped" (and those the check didn't reach, and the lines not used: their list
 * comes before the table, so the summary and the announcement point back to it).
 */
export function checkSummary(counts: CheckCounts, unused = 0): string {
  const parts = [`${counts.issue} will be issued`, `${counts.replace} replaced`, `${counts.skip} skipped`];
  if (counts.unchecked > 0) parts.push(`${counts.unchecked} not checked`);
  if (unused > 0) parts.push(`${count(unused, 'line', 'lines')} not used (listed above)`);
  return parts.join(', ');
}

export const checkProgress = (done: number, total: number) => `Checked ${done} of ${total}`;

export const issueProgress = ({ issued, failed, remaining }: IssueCounts) =>
  `Issued ${issued}, failed ${failed}, remaining ${remaining}`;

/** The one confirmation for the whole set: how many, where, and what replacing does. */
export function confirmSentence(counts: SendCounts, tenant: string, skipped: number): string {
  const parts = [`Issue ${count(counts.total, 'Temporary Access Pass', 'Temporary Access Passes')} in ${tenant}?`];
  if (counts.replace > 0) {
    parts.push(
      `${count(counts.replace, 'user has a pass', 'users have a pass')} now: replacing deletes it, and it stops working at once.`,
    );
  }
  if (counts.again > 0) {
    parts.push(`For ${count(counts.again, 'user', 'users')} a pass may have been created already: the new one replaces it.`);
  }
  if (skipped > 0) parts.push(`The ${count(skipped, 'skipped user gets', 'skipped users get')} nothing.`);
  return parts.join(' ');
}

export const confirmLabel = (counts: SendCounts) => `Issue ${count(counts.total, 'pass', 'passes')}`;

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
  const parts = headingSaysIssued ? [] : [`${count(counts.issued, 'pass', 'passes')} issued`];
  if (counts.failed > 0) parts.push(`${counts.failed} not issued`);
  if (notSent > 0) parts.push(`${notSent} not sent`);
  const lead = stopped === 'cancelled' ? 'Stopped: ' : stopped === 'failed' ? 'Stopped by an error: ' : '';
  return `${lead}${parts.join(', ')}.`;
}

/**
 * What Cancel can still do in this run: the groups are sent several at once, so the users already sent (all of them,
 * in a run of up to ISSUE_IN_FLIGHT groups) finish whatever Cancel does. Null when Cancel can stop someone.
 */
export function cancelUnavailable(total: number, sent: number): string | null {
  if (sent < total) return null;
  return total === 1
    ? 'The 1 user is already being issued; Cancel can’t stop it.'
    : `All ${total} are already being issued; Cancel can’t stop them.`;
}

export function cancelHint(total: number, sent: number): string {
  const unavailable = cancelUnavailable(total, sent);
  if (unavailable) return unavailable;
  const stops = `Cancel stops the ${count(total - sent, 'user', 'users')} not yet sent`;
  return sent === 0 ? `${stops}.` : `${stops}; the ${sent} already sent finish and are shown.`;
}

/** After a Cancel that came when every user was already sent. */
export function cancelTooLate(total: number, counts: IssueCounts, headingSaysIssued: boolean): string {
  if (counts.failed === 0) return `Cancel came too late: ${total === 1 ? 'the pass was' : `all ${total} passes were`} issued.`;
  return `Cancel came too late: all ${total} were sent. ${issueEnded(counts, 0, 'done', headingSaysIssued)}`;
}
