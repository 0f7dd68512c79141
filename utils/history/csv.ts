import type { HistoryEntry } from './types';

const HEADER = [
  'when',
  'action',
  'user display name',
  'user principal name',
  'user id',
  'tenant',
  'tenant id',
  'lifetime minutes',
  'one-time',
  'starts',
  'result',
  'error kind',
  'message',
  'source',
];

/** A spreadsheet runs a cell that starts like a formula: an apostrophe in front keeps it text. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
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
    options?.isUsableOnce === undefined ? '' : options.isUsableOnce ? 'yes' : 'no',
    options?.startDateTime ?? '',
    result.status,
    result.status === 'failed' ? result.kind : '',
    result.status === 'done' ? '' : result.message,
    entry.source,
  ];
}

/** The entries as CSV (RFC 4180, CRLF line ends), in the order given. */
export function historyCsv(entries: readonly HistoryEntry[]): string {
  return [HEADER, ...entries.map(row)].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
