import type { HistoryEntry, HistorySource } from '../history/types';
import { formatDuration } from './format';
import { formatDateTime } from './format-pass';

export { RESULT_WORDS } from '../history/words';

export const SOURCE_WORDS: Record<HistorySource, string> = { panel: 'Panel', window: 'Window', bulk: 'Bulk' };

/** What an issue asked for: "2 hours, one-time, starts 3 Jun 2027, 09:00"; the policy's defaults when it asked nothing. */
export function detailsWords(entry: HistoryEntry): string {
  if (entry.action === 'revoke') return '';
  const { lifetimeInMinutes, isUsableOnce, startDateTime } = entry.options ?? {};
  const parts = [
    lifetimeInMinutes === undefined ? '' : formatDuration(lifetimeInMinutes),
    isUsableOnce === undefined ? '' : isUsableOnce ? 'one-time' : 'reusable',
    startDateTime ? `starts ${formatDateTime(startDateTime)}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'Policy defaults';
}

/** "1 entry", "1,000 entries". */
export const entriesWords = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'entry' : 'entries'}`;

/** "12 of 340 entries" while a search or filter narrows the list, else "340 entries". */
export function countWords(matching: number, total: number, narrowed: boolean): string {
  return narrowed ? `${matching.toLocaleString()} of ${entriesWords(total)}` : entriesWords(total);
}
