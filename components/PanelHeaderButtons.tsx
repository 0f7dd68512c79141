export interface PanelHeaderButtonsProps {
  context: 'portal' | 'window';
  onCollapse?: () => void;
  onClose: () => void;
}

/** How to bring a hidden portal panel back: said to whoever is about to hide it. */
export const BRING_BACK_HINT = 'The Entra TAP tab at the top right of the page, or Alt+Shift+P, brings it back.';

/** Collapse (portal: the small tab, for every user) and close (portal: this user only; a window: the window). */
export function PanelHeaderButtons({ context, onCollapse, onClose }: PanelHeaderButtonsProps) {
  return (
    <div class="panel-header-buttons">
      {context === 'portal' && onCollapse && (
        <button
          type="button"
          class="icon-button"
          aria-label="Collapse panel"
          aria-describedby="bring-back-hint"
          title="Collapse to a tab (for every user)"
          onClick={onCollapse}
        >
          –
        </button>
      )}
      <button
        type="button"
        class="icon-button"
        aria-label="Close panel"
        aria-describedby={context === 'portal' ? 'bring-back-hint' : undefined}
        title={context === 'portal' ? 'Hide for this user' : 'Close'}
        onClick={onClose}
      >
        ×
      </button>
      {context === 'portal' && (
        <span id="bring-back-hint" class="visually-hidden">
          {BRING_BACK_HINT}
        </span>
      )}
    </div>
  );
}
