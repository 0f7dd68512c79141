import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';

import type { HistoryEntry } from '@/utils/history/types';
import { sendRequest } from '@/utils/send-request';
import { formatAgo } from '@/utils/ui/format';

/** "Issued for Adele Vance, 5 min ago, Done": one whole line per action and result (nine keys, checked by tsc). */
const recentLine = ({ action, user, result }: HistoryEntry, ago: string): string =>
  i18n.t(`history.recent.${action}.${result.status}` as const, { user: user.displayName, ago });

const newestThree = () => sendRequest('getHistory', { limit: 3 }).then((reply) => reply.entries);

/** The popup's last few entries, one line each, and the way to all of them; nothing until there is one. */
export function RecentHistory({ load = newestThree }: { load?: () => Promise<HistoryEntry[]> }) {
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  useEffect(() => {
    // Asked after the popup's first paint: the policy, what the popup is opened for, goes first.
    let cancelled = false;
    const frame = requestAnimationFrame(() =>
      setTimeout(() => {
        if (!cancelled) load().then(setEntries, () => undefined);
      }, 0),
    );
    return () => {
      cancelled = true;
      cancelAnimationFrame(frame);
    };
  }, [load]);
  if (!entries.length) return null;
  const now = Date.now();
  return (
    <div class="recent">
      <h2 class="section-title">{i18n.t('history.recent.heading')}</h2>
      <ul>
        {entries.map((entry) => (
          <li key={entry.id}>{recentLine(entry, formatAgo(now - Date.parse(entry.when)))}</li>
        ))}
      </ul>
      {/* A link, not openOptionsPage: only a URL can take the #history fragment. */}
      <a href="/options.html#history" target="_blank" rel="noopener">
        {i18n.t('history.recent.showAll')}
      </a>
    </div>
  );
}
