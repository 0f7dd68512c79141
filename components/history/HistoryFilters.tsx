import type { HistoryStore } from '@/utils/ui/history-store';

/** Search and the user filter; the count they leave is shown here and said (once typing pauses) by the store. */
export function HistoryFilters({ store }: { store: HistoryStore }) {
  return (
    <search class="history-filters">
      <div class="field">
        <label for="history-search">Search</label>
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
          A name, user principal name or object ID, or words of a result.
        </span>
      </div>
      <div class="field">
        <label for="history-user">User</label>
        <select id="history-user" value={store.userId.value} onChange={(e) => store.filterUser(e.currentTarget.value)}>
          <option value="">All users</option>
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
