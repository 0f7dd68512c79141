import { useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import { formatNumber } from '@/utils/i18n/display-locale';
import type { HistoryStore } from '@/utils/ui/history-store';
import { ClearHistory } from './ClearHistory';
import { ExportHistory } from './ExportHistory';
import { HistoryFilters } from './HistoryFilters';
import { HistoryTable } from './HistoryTable';

export interface HistoryListProps {
  store: HistoryStore;
  /** Where the keyboard goes once the list is gone (cleared): the section's heading. */
  focusAfterClear: () => void;
}

function EmptyHistory({ store }: { store: HistoryStore }) {
  const off = store.settings.value?.enabled === false;
  return (
    <p class="muted" data-testid="history-empty">
      {off ? i18n.t('history.list.emptyOff') : i18n.t('history.list.emptyOn')}
    </p>
  );
}

/** The entries with their search, filter, export and clear; a page of rows at a time. */
export function HistoryList({ store, focusAfterClear }: HistoryListProps) {
  const table = useRef<HTMLTableElement>(null);
  const phase = store.phase.value;
  if (phase === 'loading') return <p class="muted">{i18n.t('history.list.loading')}</p>;
  if (phase === 'failed') {
    return (
      <div class="notice notice-error">
        <p class="notice-text">{store.loadError.value}</p>
        <div class="notice-actions">
          <button type="button" class="btn" onClick={() => void store.load()}>
            {i18n.t('history.list.tryAgain')}
          </button>
        </div>
      </div>
    );
  }
  const total = store.entries.value.length;
  const shown = store.shown.value;
  const matching = store.matching.value.length;

  const showMore = () => {
    const first = store.showMore();
    // The keyboard goes to the first new row, so reading goes on where it stopped.
    requestAnimationFrame(() => table.current?.querySelectorAll<HTMLElement>('tbody th')[first]?.focus());
  };

  return (
    <>
      {store.actionError.value && (
        <p class="notice notice-error" role="alert">
          {store.actionError.value}
        </p>
      )}
      {total === 0 ? (
        <EmptyHistory store={store} />
      ) : (
        <>
          <HistoryFilters store={store} />
          <div class="actions">
            <ExportHistory store={store} />
            <ClearHistory
              total={total}
              onClear={async () => {
                const cleared = (await store.clear()) !== null;
                if (cleared) requestAnimationFrame(focusAfterClear);
                return cleared;
              }}
            />
          </div>
          {shown.length > 0 ? (
            <HistoryTable entries={shown} tableRef={table} />
          ) : (
            <p class="muted" data-testid="history-no-match">
              {i18n.t('history.list.noMatch')}
            </p>
          )}
          {matching > shown.length && (
            <div class="actions history-more">
              <button type="button" class="btn" onClick={showMore}>
                {i18n.t('history.list.showMore')}
              </button>
              <span class="hint">
                {i18n.t('history.list.showing', { shown: formatNumber(shown.length), matching: formatNumber(matching) })}
              </span>
            </div>
          )}
        </>
      )}
    </>
  );
}
