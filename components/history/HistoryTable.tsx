import type { Ref } from 'preact';
import { i18n } from '#i18n';

import type { HistoryEntry } from '@/utils/history/types';
import { ACTION_WORDS } from '@/utils/history/words';
import { formatDateTime } from '@/utils/ui/format-pass';
import { detailsWords, RESULT_WORDS, SOURCE_WORDS } from '@/utils/ui/history-words';

/** The column names; each cell repeats its column's name (data-label) for the narrow layout, which shows it. */
const COLUMNS = {
  when: i18n.t('history.table.when'),
  user: i18n.t('history.table.user'),
  what: i18n.t('history.table.what'),
  details: i18n.t('history.table.details'),
  result: i18n.t('history.table.result'),
  from: i18n.t('history.table.from'),
  tenant: i18n.t('history.table.tenant'),
};

function HistoryRow({ entry }: { entry: HistoryEntry }) {
  const { user, result } = entry;
  return (
    <tr data-testid="history-row">
      <th scope="row" data-label={COLUMNS.when} tabIndex={-1}>
        <time dateTime={entry.when}>{formatDateTime(entry.when)}</time>
      </th>
      <td data-label={COLUMNS.user}>
        <span class="history-user">{user.displayName}</span>
        {user.userPrincipalName && <span class="history-upn">{user.userPrincipalName}</span>}
      </td>
      <td data-label={COLUMNS.what}>{ACTION_WORDS[entry.action]}</td>
      <td data-label={COLUMNS.details}>{detailsWords(entry) || null}</td>
      <td data-label={COLUMNS.result}>
        <span class={`history-result history-${result.status}`}>{RESULT_WORDS[result.status]}</span>
        {result.status !== 'done' && <span class="history-sentence">{result.message}</span>}
      </td>
      <td data-label={COLUMNS.from}>{SOURCE_WORDS[entry.source]}</td>
      <td data-label={COLUMNS.tenant}>{entry.tenant?.name || null}</td>
    </tr>
  );
}

/** The entries, newest first, one row each. */
export function HistoryTable({ entries, tableRef }: { entries: readonly HistoryEntry[]; tableRef?: Ref<HTMLTableElement> }) {
  return (
    <table class="history-table" ref={tableRef} aria-labelledby="history" aria-describedby="history-count">
      <thead>
        <tr>
          {Object.values(COLUMNS).map((column) => (
            <th scope="col" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <HistoryRow key={entry.id} entry={entry} />
        ))}
      </tbody>
    </table>
  );
}
