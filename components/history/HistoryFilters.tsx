import { i18n } from '#i18n';
import type { HistoryStore } from '@/utils/ui/history-store';

/** Search and the user filter; the count they leave is shown here and said (once typing pauses) by the store. */
export function HistoryFilters({ store }: { store: HistoryStore }) {
  return (
    <search class="history-filters">
      <div class="field">
        <label for="history-search">{i18n.t('history.filters.search')}</label>
        <input
          id="history-search"
          type="search"
          spellcheck={false}
          autocomplete="off"
          value={store.text.value}
          aria-describedby="history-search-hint"
          onInput={(e) => store.search(e.currentTarget.value)}
        />
        <span id="history-search-hint" class="hint">
          {i18n.t('history.filters.searchHint')}
        </span>
      </div>
      <div class="field">
        <label for="history-user">{i18n.t('history.filters.user')}</label>
        <select id="history-user" value={store.userId.value} onChange={(e) => store.filterUser(e.currentTarget.value)}>
          <option value="">{i18n.t('history.filters.allUsers')}</option>
          {store.users.value.map((user) => (
            <option key={user.id} value={user.id}>
              {user.label}
            </option>
          ))}
        </select>
      </div>
      <p id="history-count" class="history-count" data-testid="history-count">
        {store.count.value}
      </p>
    </search>
  );
}
