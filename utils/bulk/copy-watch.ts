import { i18n } from '#i18n';
import { sha256Hex } from '../clipboard-ops';
import type { RequestMap } from '../messages';

type Send = <T extends 'clearClipboard'>(type: T, req: RequestMap[T]['req']) => Promise<RequestMap[T]['res']>;

/**
 * The bulk page's copied passes leave the clipboard as a panel's do: the background clears it after the admin's (or the
 * organisation's) delay, and at once when the page closes, each time only if the clipboard still holds that pass. Only
 * its SHA-256 digest is sent, never the pass.
 */
export function createCopyWatch(send: Send) {
  let last: Promise<string> | null = null;
  return {
    /** After a copy: the sentence to say after "Copied …" (when it will be cleared), or '' when clearing is off or unavailable. */
    async copied(text: string): Promise<string> {
      const digest = sha256Hex(text);
      last = digest;
      const watch = await send('clearClipboard', { digest: await digest, when: 'later' }).catch(() => null);
      return watch?.scheduled ? i18n.t('bulk.store.clipboardCleared', watch.afterSeconds) : '';
    },
    /** The page is closing: clear the last copied pass now, if the clipboard still holds it. */
    forget(): void {
      const digest = last;
      last = null;
      if (digest) void digest.then((value) => send('clearClipboard', { digest: value, when: 'now' })).catch(() => undefined);
    },
  };
}

export type CopyWatch = ReturnType<typeof createCopyWatch>;
