/** How long the object URL outlives the click: Firefox reads it after the click returns, so it can't go at once. */
export const REVOKE_AFTER_MS = 10_000;

/** Saves text as a file through the browser's download (no permission needed), then frees its object URL. */
export function downloadText(text: string, filename: string, type: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
