import { useEffect, useState } from 'preact/hooks';

export const NOT_ARMED_SENTENCE =
  'This panel acts only while it is fully visible and in its place. Something on the page covers, fades, filters or moves it.';

/** A click from a pointer that only just arrived, or a key right after focus came in (utils/ui/activation-guard.ts). */
export const TOO_SOON_SENTENCE = 'Not done: the panel had only just got the pointer or keyboard. Press again.';

/** Said at once where the browser can't prove the panel is seen (utils/ui/visibility-gate.ts, canProveVisibility). */
export const WINDOW_ONLY_SENTENCE =
  'This browser can’t tell whether the page covers this panel, so passes are issued and revoked in a window.';

/** After this long unarmed, the panel says why its buttons do nothing and offers a window of its own. */
const NOTICE_AFTER_MS = 1_200;

export interface GateNoticeProps {
  armed: boolean;
  /** The panel never arms here: say so from the start, as a note rather than news. */
  windowOnly?: boolean;
  onOpenWindow: () => void;
}

/**
 * A portal panel that can't arm (a high-contrast filter on the page, an overlay, a page zoomed or moved) explains it and
 * offers the same user in a window, where nothing on the page can cover it.
 */
export function GateNotice({ armed, windowOnly = false, onOpenWindow }: GateNoticeProps) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (armed) {
      setShown(false);
      return;
    }
    const id = setTimeout(() => setShown(true), NOTICE_AFTER_MS);
    return () => clearTimeout(id);
  }, [armed]);
  if (windowOnly) {
    return (
      <div class="notice" role="note" id="window-only">
        <p class="notice-text">{WINDOW_ONLY_SENTENCE}</p>
      </div>
    );
  }
  if (!shown) return null;
  return (
    <div class="notice notice-warn" role="status" data-testid="gate-notice">
      <p class="notice-text">{NOT_ARMED_SENTENCE} Issue, Replace, Revoke and Copy wait until it is.</p>
      <div class="notice-actions">
        <button type="button" class="btn" onClick={onOpenWindow}>
          Open in a window
        </button>
      </div>
    </div>
  );
}
