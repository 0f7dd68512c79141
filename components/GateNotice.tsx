import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';

export const NOT_ARMED_SENTENCE = i18n.t('panel.gate.notArmed');

/** A click from a pointer that only just arrived, or a key right after focus came in (utils/ui/activation-guard.ts). */
export const TOO_SOON_SENTENCE = i18n.t('panel.gate.tooSoon');

/** Said at once where the browser can't prove the panel is seen (utils/ui/visibility-gate.ts, canProveVisibility). */
export const WINDOW_ONLY_SENTENCE = i18n.t('panel.gate.windowOnly');

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
      <p class="notice-text">{i18n.t('panel.gate.notArmedNotice')}</p>
      <div class="notice-actions">
        <button type="button" class="btn" onClick={onOpenWindow}>
          {i18n.t('panel.gate.openWindow')}
        </button>
      </div>
    </div>
  );
}
