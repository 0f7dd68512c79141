import type { ClipboardWatch } from '../clipboard-ops';
import { MAX_CLIPBOARD_CLEAR_SECONDS } from '../storage';
import type { ClipboardGuard } from './services';

export interface ClipboardGuardDeps {
  /** The admin's delay; 0 turns clearing off. */
  clearAfterSeconds(): Promise<number>;
  /** Hands the watch to the document that reads and clears the clipboard (offscreen in Chromium, the event page in Firefox). */
  deliver(watch: ClipboardWatch): Promise<void>;
}

export function createClipboardGuard(deps: ClipboardGuardDeps): ClipboardGuard {
  return {
    async watch(digest, when) {
      // Bounded here too, not only by the options form: whatever storage holds, a watch ends within the hour.
      const seconds = Math.min(await deps.clearAfterSeconds(), MAX_CLIPBOARD_CLEAR_SECONDS);
      if (!(seconds > 0)) return { scheduled: false, afterSeconds: 0 };
      await deps.deliver({ target: 'entra-tap-clipboard', digest, delayMs: when === 'now' ? 0 : seconds * 1000 });
      return { scheduled: true, afterSeconds: when === 'now' ? 0 : seconds };
    },
  };
}

/** The slice of chrome.offscreen used here. */
export interface OffscreenApi {
  createDocument(parameters: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?(): Promise<boolean>;
}

/**
 * Chromium: the watch goes to an offscreen document (reason CLIPBOARD), which outlives this worker's idle timeout and
 * can read and clear the clipboard without focus. One document at a time, created on demand.
 */
export function offscreenDelivery(offscreen: OffscreenApi, send: (message: ClipboardWatch) => Promise<unknown>) {
  let creating: Promise<void> | null = null;
  const ensure = async () => {
    if (await offscreen.hasDocument?.().catch(() => false)) return;
    creating ??= offscreen
      .createDocument({
        url: 'offscreen.html',
        reasons: ['CLIPBOARD'],
        justification:
          'Clears a copied Temporary Access Pass from the clipboard after the delay the admin chose, if it is still there.',
      })
      .catch((error: unknown) => {
        if (!/single offscreen|already/i.test(String((error as Error)?.message))) throw error;
      })
      .finally(() => {
        creating = null;
      });
    await creating;
  };
  return async (watch: ClipboardWatch): Promise<void> => {
    await ensure();
    await send(watch);
  };
}
