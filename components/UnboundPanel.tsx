import { UNBOUND_MESSAGE } from '@/utils/background/panel-binding';

/** A panel.html that Entra TAP didn't open for this page: one sentence, nothing to click. */
export function UnboundPanel() {
  return (
    <main class="panel">
      <p class="notice notice-warn" data-testid="unbound">
        {UNBOUND_MESSAGE}
      </p>
    </main>
  );
}
