import { i18n } from '#i18n';
import type { IssuedTap } from '../graph/types';
import { csvCell } from '../history/csv';
import { passEnd } from '../ui/format-pass';

/** A pass the bulk page issued, with whom it is for: what the results table, the sheets and the file show. */
export interface IssuedRow {
  line: number;
  user: { id: string; displayName: string; userPrincipalName: string };
  pass: IssuedTap;
}

/** The column names the admin reads in a spreadsheet: in the admin's language. */
const HEADER = [
  i18n.t('bulk.resultsCsv.line'),
  i18n.t('bulk.resultsCsv.displayName'),
  i18n.t('bulk.resultsCsv.userPrincipalName'),
  i18n.t('bulk.resultsCsv.userId'),
  i18n.t('bulk.resultsCsv.pass'),
  i18n.t('bulk.resultsCsv.validFrom'),
  i18n.t('bulk.resultsCsv.validUntil'),
  i18n.t('bulk.resultsCsv.oneTime'),
];

/**
 * The pass, exactly. The formula guard (an apostrophe before = + - @) would change a working credential, and a pass can
 * start with any of them (Graph's own sample is "+drkzqAD"); it comes from Graph's generator, not from anything a list,
 * a user or a portal page can choose, so there is nothing to inject. Always quoted, so a reader never trims or splits
 * it; the sentence beside Download says to open the file as text.
 */
export function passCell(pass: string): string {
  return `"${pass.replaceAll('"', '""')}"`;
}

function cells({ line, user, pass }: IssuedRow): string[] {
  return [
    csvCell(String(line)),
    // Names are whatever the directory holds: a display name starting with = is guarded like the history's cells.
    csvCell(user.displayName),
    csvCell(user.userPrincipalName),
    csvCell(user.id),
    passCell(pass.temporaryAccessPass),
    csvCell(new Date(pass.startDateTime).toISOString()),
    csvCell(new Date(passEnd(pass.startDateTime, pass.lifetimeInMinutes)).toISOString()),
    csvCell(i18n.t(pass.isUsableOnce ? 'bulk.resultsCsv.answerYes' : 'bulk.resultsCsv.answerNo')),
  ];
}

/** The issued passes as CSV (RFC 4180, CRLF line ends), in the order given. */
export function resultsCsv(rows: readonly IssuedRow[]): string {
  return `${[HEADER.map(csvCell), ...rows.map(cells)].map((line) => line.join(',')).join('\r\n')}\r\n`;
}
