/**
 * Reading and clearing the clipboard from a document that has no focus and no user gesture: the offscreen document
 * (Chromium) or the background page (Firefox). execCommand is the only way there; it needs the clipboardRead and
 * clipboardWrite permissions (wxt.config.ts says why).
 */

/** SHA-256 of a text, in hex: what the panel sends instead of the pass, and what the clipboard is compared with. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function readClipboardText(doc: Document): string {
  const area = doc.createElement('textarea');
  doc.body.append(area);
  area.focus();
  doc.execCommand('paste');
  const text = area.value;
  area.remove();
  return text;
}

/** Replaces whatever the clipboard holds with an empty text. */
export function emptyClipboard(doc: Document): boolean {
  const onCopy = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', '');
    event.preventDefault();
  };
  doc.addEventListener('copy', onCopy);
  try {
    return doc.execCommand('copy');
  } finally {
    doc.removeEventListener('copy', onCopy);
  }
}

/** Empties the clipboard if (and only if) it still holds the text whose digest is given; true when it did. */
export async function clearIfHolds(doc: Document, digest: string): Promise<boolean> {
  const current = readClipboardText(doc);
  if (!current || (await sha256Hex(current)) !== digest) return false;
  return emptyClipboard(doc);
}

/** Messages from the background to the document that does the clearing. */
export interface ClipboardWatch {
  target: 'entra-tap-clipboard';
  digest: string;
  /** 0: now. */
  delayMs: number;
}

export function isClipboardWatch(message: unknown): message is ClipboardWatch {
  const m = message as Partial<ClipboardWatch> | null;
  return (
    !!m &&
    m.target === 'entra-tap-clipboard' &&
    typeof m.digest === 'string' &&
    /^[0-9a-f]{64}$/.test(m.digest) &&
    typeof m.delayMs === 'number' &&
    m.delayMs >= 0
  );
}

/**
 * One watch at a time per digest: a later copy of the same pass restarts its timer, "now" clears at once.
 * onPending hears how many watches are waiting each time that changes (the Firefox event page stays awake for them).
 */
export function createClipboardWatcher(doc: Document, onPending?: (count: number) => void) {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const report = () => onPending?.(timers.size);
  const finish = async (digest: string) => {
    timers.delete(digest);
    report();
    await clearIfHolds(doc, digest).catch(() => false);
  };
  return (watch: ClipboardWatch): void => {
    clearTimeout(timers.get(watch.digest));
    // A "now" for one pass clears that pass only; watches of others keep their timers.
    if (watch.delayMs === 0) void finish(watch.digest);
    else {
      timers.set(
        watch.digest,
        setTimeout(() => void finish(watch.digest), watch.delayMs),
      );
      report();
    }
  };
}
