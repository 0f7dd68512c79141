import { i18n } from '#i18n';
import { HISTORY_DAYS_BOUNDS, HISTORY_ENTRIES_BOUNDS } from '../history/types';
import { formatNumber } from '../i18n/display-locale';

const wholeWithin = (text: string, { min, max }: { min: number; max: number }): boolean => {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max;
};

/** The sentence under "Keep entries for (days)", or null when it is valid. */
export function retentionDaysProblem(text: string): string | null {
  const { min, max } = HISTORY_DAYS_BOUNDS;
  return wholeWithin(text, HISTORY_DAYS_BOUNDS)
    ? null
    : i18n.t('history.retention.daysProblem', { min: formatNumber(min), max: formatNumber(max) });
}

/** The sentence under "Keep at most (entries)", or null when it is valid. */
export function maxEntriesProblem(text: string): string | null {
  const { min, max } = HISTORY_ENTRIES_BOUNDS;
  return wholeWithin(text, HISTORY_ENTRIES_BOUNDS)
    ? null
    : i18n.t('history.retention.maxProblem', { min: formatNumber(min), max: formatNumber(max) });
}
