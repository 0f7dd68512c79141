import { type ClipboardWatch, createClipboardWatcher } from '../clipboard-ops';
import { createKeepAlive } from './keep-alive';

/**
 * Firefox: the background is an event page with a document that can read and clear the clipboard itself (with
 * clipboardRead and clipboardWrite), so the watch runs right here. The digest stays in this page's memory, never in
 * storage; the page is kept awake while a watch waits (keep-alive.ts says why and how) and left to idle as soon as none does.
 */
export function inPageDelivery(doc: Document, ping: () => Promise<unknown>) {
  const keepAlive = createKeepAlive(ping);
  const watch = createClipboardWatcher(doc, (pending) => keepAlive.setActive(pending > 0));
  return async (request: ClipboardWatch): Promise<void> => {
    watch(request);
  };
}
