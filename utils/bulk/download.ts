/** The file name carries a date only: it shows up in the browser's downloads list. */
export function resultsFileName(now: Date = new Date()): string {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return `temporary-access-passes-${day}.csv`;
}

/**
 * Saves text the admin asked for as a file, through a Blob and an object URL revoked right after the click: the passes
 * never sit at a URL longer than the download takes to start.
 */
export function downloadText(fileName: string, text: string, doc: Document = document): void {
  // The byte-order mark makes spreadsheets read the file as UTF-8 (names with accents).
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Firefox may read the URL a moment after click(); Chromium already has it. Either way, revoked within a task.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
