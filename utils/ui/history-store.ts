import { batch, computed, signal } from '@preact/signals';
import { i18n } from '#i18n';
import { historyCsv } from '../history/csv';
import { queryHistory } from '../history/query';
import type { HistoryEntry, HistorySettings } from '../history/types';
import { formatNumber } from '../i18n/display-locale';
import { errorInfoOf } from '../send-request';
import { countWords } from './history-words';
import type { Send } from './panel-store';

/** Rows rendered at a time: 10 000 entries stay searchable without 10 000 rows in the page. */
export const HISTORY_PAGE = 100;
/** How long typing must pause before the count is said: once per search, not once per keystroke. */
export const COUNT_ANNOUNCE_MS = 800;

export interface HistoryUserChoice {
  id: string;
  label: string;
}

const sentenceOf = (error: unknown): string => errorInfoOf(error).message;

/** The options page's history: what the background keeps, the search and user filter over it, and its one live region. */
export function createHistoryStore(send: Send, { pageSize = HISTORY_PAGE, announceAfterMs = COUNT_ANNOUNCE_MS } = {}) {
  const entries = signal<HistoryEntry[]>([]);
  const settings = signal<HistorySettings | null>(null);
  const phase = signal<'loading' | 'ready' | 'failed'>('loading');
  const loadError = signal<string | null>(null);
  const actionError = signal<string | null>(null);
  const text = signal('');
  const userId = signal('');
  const limit = signal(pageSize);
  const announcement = signal('');

  const narrowed = computed(() => text.value.trim() !== '' || userId.value !== '');
  const matching = computed(() =>
    narrowed.value ? queryHistory(entries.value, { text: text.value, userId: userId.value || undefined }) : entries.value,
  );
  const shown = computed(() => matching.value.slice(0, limit.value));
  const users = computed<HistoryUserChoice[]>(() => {
    const byId = new Map<string, HistoryUserChoice>();
    for (const { user } of entries.value) {
      if (!byId.has(user.id)) {
        byId.set(user.id, {
          id: user.id,
          label: user.userPrincipalName
            ? i18n.t('history.filters.userOption', { name: user.displayName, upn: user.userPrincipalName })
            : user.displayName,
        });
      }
    }
    return [...byId.values()].sort((a, b) => a.label.localeCompare(b.label));
  });
  const count = computed(() => countWords(matching.value.length, entries.value.length, narrowed.value));

  let countTimer: ReturnType<typeof setTimeout> | undefined;
  let repeatTimer: ReturnType<typeof setTimeout> | undefined;
  // Only the newest load's answer is shown: a slow one from before a clear must not bring the entries back.
  let loads = 0;

  /** Says something once in the section's polite live region. */
  function announce(sentence: string): void {
    clearTimeout(countTimer);
    clearTimeout(repeatTimer);
    if (sentence && announcement.value === sentence) {
      // The same words again change nothing in a live region: empty it first, so the repeat is heard.
      announcement.value = '';
      repeatTimer = setTimeout(() => (announcement.value = sentence), 60);
    } else announcement.value = sentence;
  }

  function narrow(change: () => void): void {
    batch(() => {
      change();
      limit.value = pageSize;
    });
    clearTimeout(countTimer);
    countTimer = setTimeout(() => announce(count.value), announceAfterMs);
  }

  async function load(): Promise<void> {
    const seq = ++loads;
    try {
      const reply = await send('getHistory', {});
      if (seq !== loads) return;
      batch(() => {
        entries.value = reply.entries;
        settings.value = reply.settings;
        phase.value = 'ready';
        loadError.value = null;
        if (userId.value && !reply.entries.some((entry) => entry.user.id === userId.value)) userId.value = '';
      });
    } catch (error) {
      if (seq !== loads) return;
      // A reload that fails keeps the list already shown.
      if (phase.value !== 'ready') {
        batch(() => {
          loadError.value = sentenceOf(error);
          phase.value = 'failed';
        });
      }
    }
  }

  /** Empties the history; how many entries went. `quiet` when the caller says it in its own words. */
  async function clear({ quiet = false } = {}): Promise<number | null> {
    actionError.value = null;
    try {
      const { cleared } = await send('clearHistory', {});
      loads++;
      batch(() => {
        entries.value = [];
        text.value = '';
        userId.value = '';
        limit.value = pageSize;
      });
      if (!quiet) announce(i18n.t('history.clear.cleared', cleared, { count: formatNumber(cleared) }));
      return cleared;
    } catch (error) {
      actionError.value = sentenceOf(error);
      return null;
    }
  }

  /** The next page of rows; the index of the first new one (where the keyboard goes). */
  function showMore(): number {
    const first = limit.value;
    limit.value = first + pageSize;
    return first;
  }

  /** Every entry the search and filter match (not only the rows on screen), as CSV, and how many. */
  function csv(): { text: string; count: number } {
    return { text: historyCsv(matching.value), count: matching.value.length };
  }

  return {
    entries,
    settings,
    phase,
    loadError,
    actionError,
    text,
    userId,
    announcement,
    narrowed,
    matching,
    shown,
    users,
    count,
    load,
    clear,
    showMore,
    csv,
    announce,
    search: (value: string) => narrow(() => (text.value = value)),
    filterUser: (id: string) => narrow(() => (userId.value = id)),
  };
}

export type HistoryStore = ReturnType<typeof createHistoryStore>;
