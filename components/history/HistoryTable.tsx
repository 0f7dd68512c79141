import type { Ref } from 'preact';
import type { HistoryEntry } from '@/utils/history/types';
import { ACTION_WORDS } from '@/utils/history/words';
import { formatDateTime } from '@/utils/ui/format-pass';
import { detailsWords, RESULT_WORDS, SOURCE_WORDS } from '@/utils/ui/history-words';

const COLUMNS = ['When', 'User', 'What', 'Details', 'Result', 'From', 'Tenant'] as const;

function HistoryRow({ entry }: { entry: HistoryEntry }) {
  const { user, result } = entry;
  return (
    <tr data-testid="history-row">
      <th scope="row" data-label="When" tabIndex={-1}>
        <time dateTime={entry.when}>{formatDateTime(entry.when)}</time>
      </th>
      <td data-label="User">
        <span class="history-user">{user.displayName}</span>
        {user.userPrincipalName && <span class="history-upn">{user.userPrincipalName}</span>}
      </td>
      <td data-label="What">{ACTION_WORDS[entry.action]}</td>
      <td data-label="Details">{detailsWords(entry) || null}</td>
      <td data-label="Result">
        <span class={`history-result history-${result.status}`}>{RESULT_WORDS[result.status]}</span>
        {result.status !== 'done' && <span class="history-sentence">{result.message}</span>}
      </td>
      <td data-label="From">{SOURCE_WORDS[entry.source]}</td>
      <td data-label="Tenant">{entry.tenant?.name || null}</td>
    </tr>
  );
}

/** The entries, newest first, one row each. */
export function HistoryTable({ entries, tableRef }: { entries: readonly HistoryEntry[]; tableRef?: Ref<HTMLTableElement> }) {
  return (
    <table class="history-table" ref={tableRef} aria-labelledby="history" aria-describedby="history-count">
      <thead>
        <tr>
          {COLUMNS.map((column) => (
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
