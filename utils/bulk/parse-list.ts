/**
 * A pasted or chosen list of users: one user principal name or object id per line, or CSV with a header naming the user
 * column and, optionally, start, lifetime and one-time. Every reference goes through the context menu's validator
 * (utils/upn.ts); a line that fails, or names a user an earlier line named, is listed with its number and never sent.
 */
import { i18n } from '#i18n';
import { formatNumber } from '../i18n/display-locale';
import type { IssueOptions } from '../messages';
import { parsePrincipal } from '../upn';
import { BOM, type CsvRecord, readCsv } from './csv';
import { checkLifetime, checkOneTime, checkStart } from './list-options';

/** Enough for a cohort (a forum asks for 122); past it, a second list. */
export const MAX_LIST_USERS = 1000;

export interface ListRow {
  line: number;
  /** The validated reference (an object id in lower case, a UPN as written). */
  ref: string;
  options: IssueOptions;
}

export interface ListProblem {
  line: number;
  /** The line as written, shortened for display. */
  text: string;
  kind: 'invalid' | 'duplicate' | 'tooMany';
  why: string;
}

export interface ParsedList {
  rows: ListRow[];
  problems: ListProblem[];
  /** The list can't be read at all (a quote never closed, a header without a user column): the sentence. */
  error: string | null;
  /** Header columns the page doesn't use (displayName in an export), named so a misspelt option isn't silently lost. */
  ignoredColumns: string[];
}

type Column = 'user' | 'id' | 'start' | 'lifetime' | 'oneTime';

/** Header names, compared without case, spaces, hyphens or underscores. */
const COLUMNS: Record<string, Column> = {
  user: 'user',
  upn: 'user',
  userprincipalname: 'user',
  id: 'id',
  objectid: 'id',
  userid: 'id',
  start: 'start',
  startdatetime: 'start',
  lifetime: 'lifetime',
  lifetimeinminutes: 'lifetime',
  lifetimeminutes: 'lifetime',
  onetime: 'oneTime',
  isusableonce: 'oneTime',
  usableonce: 'oneTime',
};

const columnOf = (name: string): Column | undefined =>
  COLUMNS[
    name
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, '')
  ];

const shorten = (text: string) => (text.length > 120 ? `${text.slice(0, 119)}…` : text);

function referenceProblem(cell: string): string {
  return cell.trim() === '' ? i18n.t('bulk.parse.noUser') : i18n.t('bulk.parse.notPrincipal', { text: shorten(cell.trim()) });
}

/** What the list asked for one line, or the sentences saying what is wrong with it. */
function lineOptions(cells: { start?: string; lifetime?: string; oneTime?: string }): IssueOptions | string {
  const start = checkStart(cells.start ?? '');
  const lifetime = checkLifetime(cells.lifetime ?? '');
  const oneTime = checkOneTime(cells.oneTime ?? '');
  const wrong = [start, lifetime, oneTime].flatMap((check) => (check.ok ? [] : [check.why]));
  if (wrong.length > 0) return wrong.join(' ');
  const options: IssueOptions = {};
  if (start.ok && start.value !== undefined) options.startDateTime = start.value;
  if (lifetime.ok && lifetime.value !== undefined) options.lifetimeInMinutes = lifetime.value;
  if (oneTime.ok && oneTime.value !== undefined) options.isUsableOnce = oneTime.value;
  return options;
}

interface Candidate {
  line: number;
  raw: string;
  reference: string;
  options: IssueOptions | string;
}

/** Validation, duplicates and the size limit, in list order: the first line naming a user wins. */
function collect(candidates: Candidate[], ignoredColumns: string[]): ParsedList {
  const rows: ListRow[] = [];
  const problems: ListProblem[] = [];
  const firstLine = new Map<string, number>();
  for (const { line, raw, reference, options } of candidates) {
    const text = shorten(raw);
    const principal = parsePrincipal(reference);
    const wrong = [principal ? null : referenceProblem(reference), typeof options === 'string' ? options : null].filter(Boolean);
    if (!principal || typeof options === 'string') {
      problems.push({ line, text, kind: 'invalid', why: wrong.join(' ') });
      continue;
    }
    // Entra compares user principal names without case; object ids are lower case already.
    const key = principal.value.toLowerCase();
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      problems.push({ line, text, kind: 'duplicate', why: i18n.t('bulk.parse.duplicate', { line: earlier }) });
      continue;
    }
    if (rows.length >= MAX_LIST_USERS) {
      problems.push({
        line,
        text,
        kind: 'tooMany',
        why: i18n.t('bulk.parse.tooMany', { max: formatNumber(MAX_LIST_USERS) }),
      });
      continue;
    }
    firstLine.set(key, line);
    rows.push({ line, ref: principal.value, options });
  }
  return { rows, problems, error: null, ignoredColumns };
}

const blank = (record: CsvRecord) => record.cells.every((cell) => cell.trim() === '');

function fromCsv(records: CsvRecord[], header: CsvRecord): ParsedList {
  const at: Partial<Record<Column, number>> = {};
  const ignored: string[] = [];
  header.cells.forEach((name, index) => {
    const column = columnOf(name);
    if (column && at[column] === undefined) at[column] = index;
    else if (name.trim()) ignored.push(name.trim());
  });
  // A UPN reads better in the problems list; the object id is the fallback for a row without one.
  const userAt = [at.user, at.id].filter((index) => index !== undefined);
  if (userAt.length === 0) {
    return {
      rows: [],
      problems: [],
      error: i18n.t('bulk.parse.noUserColumn', { line: header.line }),
      ignoredColumns: ignored,
    };
  }
  const cellAt = (record: CsvRecord, index: number | undefined) => (index === undefined ? '' : (record.cells[index] ?? ''));
  const candidates: Candidate[] = [];
  for (const record of records) {
    if (record === header || record.line < header.line || blank(record)) continue;
    const extra = record.cells.slice(header.cells.length).some((cell) => cell.trim() !== '');
    const reference = userAt.map((index) => cellAt(record, index)).find((cell) => cell.trim() !== '') ?? '';
    const options = extra
      ? i18n.t('bulk.parse.fieldCount', { fields: record.cells.length, header: header.cells.length })
      : lineOptions({
          start: cellAt(record, at.start),
          lifetime: cellAt(record, at.lifetime),
          oneTime: cellAt(record, at.oneTime),
        });
    candidates.push({ line: record.line, raw: record.raw, reference, options });
  }
  return collect(candidates, ignored);
}

/** One reference per line: the line as a whole, so a comma in it makes it invalid rather than a second user. */
function fromLines(text: string): ParsedList {
  const candidates: Candidate[] = text
    .split(/\r\n|\r|\n/)
    .map((raw, index) => ({ line: index + 1, raw, reference: raw, options: {} }))
    .filter((candidate) => candidate.raw.trim() !== '');
  return collect(candidates, []);
}

export function parseList(input: string): ParsedList {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const firstLine = text.split(/\r\n|\r|\n/).find((line) => line.trim() !== '') ?? '';
  // Spreadsheets in locales with a decimal comma export with semicolons.
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  // Only a first line naming a known column makes the text CSV: a stray quote in a plain list stays that line's problem.
  const first = readCsv(firstLine, delimiter);
  if (!first.ok || !first.records[0]?.cells.some((cell) => columnOf(cell) !== undefined)) return fromLines(text);
  const read = readCsv(text, delimiter);
  if (!read.ok) return { rows: [], problems: [], error: read.why, ignoredColumns: [] };
  const header = read.records.find((record) => !blank(record));
  return header ? fromCsv(read.records, header) : fromLines(text);
}
