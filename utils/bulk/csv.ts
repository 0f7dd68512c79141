/**
 * A small RFC 4180 reader: quoted fields (with "" for a quote, and line breaks inside), CRLF, LF or CR line ends, a
 * leading byte-order mark. Lenient where a spreadsheet's export is: a quote inside an unquoted field is kept as text.
 */
import { i18n } from '#i18n';

export interface CsvRecord {
  /** The line the record starts on, counting from 1 (a quoted line break makes a record span lines). */
  line: number;
  cells: string[];
  /** The record's own text, without its line end: what a list of problems shows. */
  raw: string;
}

export type CsvRead = { ok: true; records: CsvRecord[] } | { ok: false; line: number; why: string };

export const BOM = '\uFEFF';

export function readCsv(input: string, delimiter = ','): CsvRead {
  const text = input.startsWith(BOM) ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let recordStart = 0;
  let at = 0;
  const endRecord = (end: number) => {
    cells.push(cell);
    records.push({ line: recordLine, cells, raw: text.slice(recordStart, end) });
    cells = [];
    cell = '';
  };
  while (at < text.length) {
    const char = text[at];
    if (char === '"' && cell === '') {
      const opened = line;
      at++;
      for (;;) {
        if (at >= text.length) return { ok: false, line: opened, why: i18n.t('bulk.parse.unclosedQuote', { line: opened }) };
        const inner = text[at];
        if (inner === '"') {
          if (text[at + 1] === '"') {
            cell += '"';
            at += 2;
            continue;
          }
          at++;
          break;
        }
        if (inner === '\n' || (inner === '\r' && text[at + 1] !== '\n')) line++;
        cell += inner;
        at++;
      }
      continue;
    }
    if (char === delimiter) {
      cells.push(cell);
      cell = '';
      at++;
    } else if (char === '\r' || char === '\n') {
      endRecord(at);
      at += char === '\r' && text[at + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      recordStart = at;
    } else {
      cell += char;
      at++;
    }
  }
  // A last record without a line end; a text ending in a line break has no empty record after it.
  if (recordStart < text.length || cells.length > 0) endRecord(text.length);
  return { ok: true, records };
}
