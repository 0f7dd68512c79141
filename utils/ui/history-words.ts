import { i18n } from '#i18n';
import type { HistoryEntry, HistorySource } from '../history/types';
import { formatNumber } from '../i18n/display-locale';
import { formatDuration } from './format';
import { formatDateTime } from './format-pass';
import { formatList } from './locale-format';

export { RESULT_WORDS } from '../history/words';

export const SOURCE_WORDS: Record<HistorySource, string> = {
  panel: i18n.t('history.source.panel'),
  window: i18n.t('history.source.window'),
  bulk: i18n.t('history.source.bulk'),
};

/** What an issue asked for: "2 hours, one-time, starts 3 Jun 2027, 09:00"; the policy's defaults when it asked nothing. */
export function detailsWords(entry: HistoryEntry): string {
  if (entry.action === 'revoke') return '';
  const { lifetimeInMinutes, isUsableOnce, startDateTime } = entry.options ?? {};
  const parts = [
    lifetimeInMinutes === undefined ? '' : formatDuration(lifetimeInMinutes),
    isUsableOnce === undefined ? '' : i18n.t(isUsableOnce ? 'history.details.once' : 'history.details.reusable'),
    startDateTime ? i18n.t('history.details.starts', { date: formatDateTime(startDateTime) }) : '',
  ].filter(Boolean);
  return parts.length ? formatList(parts) : i18n.t('history.details.defaults');
}

/** "1 entry", "1,000 entries". */
export const entriesWords = (n: number) => i18n.t('history.entries', n, { count: formatNumber(n) });

/** "12 of 340 entries" while a search or filter narrows the list, else "340 entries". */
export function countWords(matching: number, total: number, narrowed: boolean): string {
  return narrowed
    ? i18n.t('history.countOf', total, { matching: formatNumber(matching), count: formatNumber(total) })
    : entriesWords(total);
}
