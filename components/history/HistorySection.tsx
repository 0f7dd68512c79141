import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import type { HistoryStore } from '@/utils/ui/history-store';
import { HistoryList } from './HistoryList';

export interface HistorySectionProps {
  store: HistoryStore;
  /** The on/off switch and the retention form (they save where the options page saves). */
  settings?: ComponentChildren;
}

/** The options page's History: its settings, the entries, and the one live region that says what happened there. */
export function HistorySection({ store, settings }: HistorySectionProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  return (
    <section class="settings history" aria-labelledby="history">
      {/* The fragment's target (#history, the popup's link): focusable, so the browser puts the keyboard here itself. */}
      <h2 id="history" tabIndex={-1} ref={heading}>
        {i18n.t('history.heading')}
      </h2>
      <p class="hint">{i18n.t('history.intro')}</p>
      {settings}
      <HistoryList store={store} focusAfterClear={() => heading.current?.focus()} />
      <p class="visually-hidden" role="status" data-testid="history-status">
        {store.announcement.value}
      </p>
    </section>
  );
}
