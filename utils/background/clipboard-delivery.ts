import type { ClipboardWatch } from '../clipboard-ops';
import { type OffscreenApi, offscreenDelivery } from './clipboard-guard';
import { inPageDelivery } from './in-page-delivery';

export interface ClipboardEnvironment {
  /** chrome.offscreen, where the browser has it (Chromium, with the offscreen permission). */
  offscreen?: OffscreenApi;
  /** The background's own document, where it has one (Firefox's event page; a service worker has none). */
  document?: Document;
  /** To the offscreen document. */
  send(message: ClipboardWatch): Promise<unknown>;
  /** A cheap extension API call that keeps an event page awake. */
  ping(): Promise<unknown>;
}

/**
 * Where a watch goes, chosen by what this background can do rather than by which browser it is: an offscreen
 * document when there is the API for one, else the background's own document.
 */
export function clipboardDelivery(env: ClipboardEnvironment): (watch: ClipboardWatch) => Promise<void> {
  if (env.offscreen) return offscreenDelivery(env.offscreen, env.send);
  if (env.document) return inPageDelivery(env.document, env.ping);
  return async () => {
    throw new Error('No document can clear the clipboard in this browser.');
  };
}
