import { useEffect, useState } from 'preact/hooks';
import type { HistoryEntry } from '@/utils/history/types';
import { ACTION_WORDS, RESULT_WORDS } from '@/utils/history/words';
import { sendRequest } from '@/utils/send-request';
import { formatAgo } from '@/utils/ui/format';

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
      <h2 class="section-title">Recent history</h2>
      <ul>
        {entries.map((entry) => (
          <li key={entry.id}>
            {ACTION_WORDS[entry.action]} for {entry.user.displayName}, {formatAgo(now - Date.parse(entry.when))},{' '}
            {RESULT_WORDS[entry.result.status]}
          </li>
        ))}
      </ul>
      {/* A link, not openOptionsPage: only a URL can take the #history fragment. */}
      <a href="/options.html#history" target="_blank" rel="noopener">
        Show all history
      </a>
    </div>
  );
}
