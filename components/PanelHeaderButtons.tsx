import { useContext } from 'preact/hooks';
import { i18n } from '#i18n';
import { PANEL_SHORTCUT } from '@/utils/shortcut';
import { GateContext } from './GatedButton';

export interface PanelHeaderButtonsProps {
  context: 'portal' | 'window';
  onCollapse?: () => void;
  onClose: () => void;
}

/** How to bring a hidden portal panel back: shown at the panel's foot, and said to whoever is about to hide it. */
export const BRING_BACK_HINT = i18n.t('panel.header.bringBack', { shortcut: PANEL_SHORTCUT });
export const BRING_BACK_HINT_ID = 'bring-back-hint';

/**
 * The bring-back sentence, visible (small, at the panel's foot) for whoever sees the – and × before using them, and the
 * description of both buttons for whoever hears them. Portal panels only: a window's × just closes the window.
 */
export function BringBackHint() {
  return (
    <p id={BRING_BACK_HINT_ID} class="hint bring-back-hint" data-testid="bring-back-hint">
      {BRING_BACK_HINT}
    </p>
  );
}

/**
 * Collapse (portal: the small tab, for every user) and close (portal: this user only; a window: the window), described
 * by the BringBackHint the portal panel shows at its foot (TapPanel renders it, so it is there in every phase). They act
 * even when the panel is covered (hiding it is how an admin gets it out of the way), but, like every action, only for a
 * pointer that rested or focus that stayed: a page walking focus in just before the admin's Enter must not close a
 * panel that shows a pass Graph shows only once, nor collapse it for every user.
 */
export function PanelHeaderButtons({ context, onCollapse, onClose }: PanelHeaderButtonsProps) {
  const { guard, refused } = useContext(GateContext);
  const guarded = (action: () => void) => (event: MouseEvent) => {
    if (guard.allows(event)) action();
    else refused?.('tooSoon');
  };
  return (
    <div class="panel-header-buttons">
      {context === 'portal' && onCollapse && (
        <button
          type="button"
          class="icon-button"
          aria-label={i18n.t('panel.header.collapse')}
          aria-describedby={BRING_BACK_HINT_ID}
          title={i18n.t('panel.header.collapseTitle')}
          onClick={guarded(onCollapse)}
        >
          –
        </button>
      )}
      <button
        type="button"
        class="icon-button"
        aria-label={i18n.t('panel.header.close')}
        aria-describedby={context === 'portal' ? BRING_BACK_HINT_ID : undefined}
        title={context === 'portal' ? i18n.t('panel.header.hideTitle') : i18n.t('panel.header.closeTitle')}
        onClick={guarded(onClose)}
      >
        ×
      </button>
    </div>
  );
}
