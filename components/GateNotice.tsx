import { useEffect, useState } from 'preact/hooks';

export const NOT_ARMED_SENTENCE =
  'This panel acts only while it is fully visible and in its place. Something on the page covers, fades, filters or moves it.';

/** After this long unarmed, the panel says why its buttons do nothing and offers a window of its own. */
const NOTICE_AFTER_MS = 1_200;

export interface GateNoticeProps {
  armed: boolean;
  onOpenWindow: () => void;
}

/**
 * A portal panel that can't arm (a high-contrast filter on the page, an overlay, a page zoomed or moved) explains it and
 * offers the same user in a window, where nothing on the page can cover it.
 */
export function GateNotice({ armed, onOpenWindow }: GateNoticeProps) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (armed) {
      setShown(false);
      return;
    }
    const id = setTimeout(() => setShown(true), NOTICE_AFTER_MS);
    return () => clearTimeout(id);
  }, [armed]);
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
