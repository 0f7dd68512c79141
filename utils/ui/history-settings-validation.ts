import { HISTORY_DAYS_BOUNDS, HISTORY_ENTRIES_BOUNDS } from '../history/types';

const wholeWithin = (text: string, { min, max }: { min: number; max: number }): boolean => {
  const value = Number(text);
  return text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max;
};

/** The sentence under "Keep entries for (days)", or null when it is valid. */
export function retentionDaysProblem(text: string): string | null {
  const { min, max } = HISTORY_DAYS_BOUNDS;
  return wholeWithin(text, HISTORY_DAYS_BOUNDS) ? null : `Enter a whole number of days from ${min} to ${max.toLocaleString()}.`;
}

/** The sentence under "Keep at most (entries)", or null when it is valid. */
export function maxEntriesProblem(text: string): string | null {
  const { min, max } = HISTORY_ENTRIES_BOUNDS;
  return wholeWithin(text, HISTORY_ENTRIES_BOUNDS)
    ? null
    : `Enter a whole number of entries from ${min} to ${max.toLocaleString()}.`;
}
