import { i18n } from '#i18n';
import type { HistoryEntry } from './types';

/** The column names the admin reads in a spreadsheet, in the admin's language; the cells' codes (issue, failed) stay. */
const HEADER = [
  i18n.t('history.csv.when'),
  i18n.t('history.csv.action'),
  i18n.t('history.csv.displayName'),
  i18n.t('history.csv.userPrincipalName'),
  i18n.t('history.csv.userId'),
  i18n.t('history.csv.tenant'),
  i18n.t('history.csv.tenantId'),
  i18n.t('history.csv.lifetime'),
  i18n.t('history.csv.oneTime'),
  i18n.t('history.csv.starts'),
  i18n.t('history.csv.result'),
  i18n.t('history.csv.errorKind'),
  i18n.t('history.csv.message'),
  i18n.t('history.csv.source'),
];

/** A spreadsheet runs a cell that starts like a formula: an apostrophe in front keeps it text. Full-width signs count too. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/**
 * Where the list separator is the semicolon (de-DE, fr-FR Excel), a comma-separated file is split on ; and a tab too,
 * quotes or not, so a formula can start after either inside one of our cells ("Bob;=cmd|…" from a directory's
 * display name). The apostrophe goes there as well.
 */
const FORMULA_AFTER_SEPARATOR = /([;\t])(?=[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g;

export function csvCell(value: string): string {
  const guarded = value.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  const safe = FORMULA_START.test(guarded) ? `'${guarded}` : guarded;
  return /[",;\t\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function row(entry: HistoryEntry): string[] {
  const { options, result } = entry;
  return [
    entry.when,
    entry.action,
    entry.user.displayName,
    entry.user.userPrincipalName,
    entry.user.id,
    entry.tenant?.name ?? '',
    entry.tenant?.id ?? '',
    options?.lifetimeInMinutes === undefined ? '' : String(options.lifetimeInMinutes),
    options?.isUsableOnce === undefined ? '' : i18n.t(options.isUsableOnce ? 'history.csv.answerYes' : 'history.csv.answerNo'),
    options?.startDateTime ?? '',
    result.status,
    result.status === 'failed' ? result.kind : '',
    result.status === 'done' ? '' : result.message,
    entry.source,
  ];
}

/** The entries as CSV (RFC 4180, CRLF line ends), in the order given. */
export function historyCsv(entries: readonly HistoryEntry[]): string {
  return `${[HEADER, ...entries.map(row)].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
