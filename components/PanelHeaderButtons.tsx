import { useContext } from 'preact/hooks';
import { GateContext } from './GatedButton';

export interface PanelHeaderButtonsProps {
  context: 'portal' | 'window';
  onCollapse?: () => void;
  onClose: () => void;
}

/** How to bring a hidden portal panel back: said to whoever is about to hide it. */
export const BRING_BACK_HINT = 'The Entra TAP tab at the top right of the page, or Alt+Shift+P, brings it back.';

/**
 * Collapse (portal: the small tab, for every user) and close (portal: this user only; a window: the window). They act
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
          aria-label="Collapse panel"
          aria-describedby="bring-back-hint"
          title="Collapse to a tab (for every user)"
          onClick={guarded(onCollapse)}
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
        onClick={guarded(onClose)}
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
