import { downloadText as saveText } from '../ui/download';

/** The file name carries a date only: it shows up in the browser's downloads list. */
export function resultsFileName(now: Date = new Date()): string {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `temporary-access-passes-${day}.csv`;
}

/**
 * Saves the results the admin asked for as a file, through utils/ui/download.ts (a Blob whose object URL is freed
 * shortly after the click; only this extension's pages can read it meanwhile). The byte-order mark makes spreadsheets
 * read the file as UTF-8 (names with accents).
 */
export function downloadText(fileName: string, text: string, doc: Document = document): void {
  saveText(`\uFEFF${text}`, fileName, 'text/csv;charset=utf-8', doc);
}
