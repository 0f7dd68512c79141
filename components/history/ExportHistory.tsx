import { i18n } from '#i18n';
import { formatNumber } from '@/utils/i18n/display-locale';
import { downloadText } from '@/utils/ui/download';
import type { HistoryStore } from '@/utils/ui/history-store';

/** The file name carries the local date: several exports sort by day. */
function fileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `entra-tap-history-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`;
}

export interface ExportHistoryProps {
  store: HistoryStore;
  download?: typeof downloadText;
  now?: () => Date;
}

/** Downloads every entry the search and filter match as CSV. */
export function ExportHistory({ store, download = downloadText, now = () => new Date() }: ExportHistoryProps) {
  return (
    <button
      type="button"
      class="btn"
      onClick={() => {
        const { text, count } = store.csv();
        const name = fileName(now());
        // A byte order mark, so a spreadsheet opens the names as UTF-8.
        download(`\uFEFF${text}`, name, 'text/csv;charset=utf-8');
        store.announce(i18n.t('history.export.done', count, { count: formatNumber(count), file: name }));
      }}
    >
      {i18n.t('history.export.button')}
    </button>
  );
}
