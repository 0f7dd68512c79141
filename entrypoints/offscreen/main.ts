/**
 * Chromium's offscreen document (reason CLIPBOARD): the only extension context that can read and clear the clipboard
 * while the admin is elsewhere, and that outlives an idle service worker's timers. It receives digests, never passes.
 */
import { browser } from 'wxt/browser';
import { createClipboardWatcher, isClipboardWatch } from '@/utils/clipboard-ops';

// Kept open once made: a document closing itself could drop a watch sent as it closes.
const watch = createClipboardWatcher(document);

browser.runtime.onMessage.addListener((message, sender) => {
  // Only the background: no tab means no page or frame sent it.
  if (sender.id !== browser.runtime.id || sender.tab || !isClipboardWatch(message)) return undefined;
  watch(message);
  return Promise.resolve({ watching: true });
});
