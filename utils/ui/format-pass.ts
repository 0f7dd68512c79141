/**
 * A pass's validity and value in words: local date/time, countdowns, reading groups. Apart from format.ts so the popup,
 * which shows no pass, doesn't load them.
 */
import { MINUTES_PER_DAY, MINUTES_PER_HOUR } from './format';

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An ISO instant in the reader's local time, e.g. "3 Jun 2025, 14:05". */
export function formatDateTime(value: string | number | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? '' : dateTimeFormat.format(date);
}

/** The reader's time zone name, for messages read elsewhere ("Europe/Berlin"). */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
}

/** Remaining milliseconds in words: "59 min", "7 h 5 min", "2 d 3 h", "less than a minute". */
export function formatRemaining(ms: number): string {
  const totalMinutes = Math.floor(ms / 60_000);
  if (totalMinutes < 1) return 'less than a minute';
  if (totalMinutes < MINUTES_PER_HOUR) return `${totalMinutes} min`;
  if (totalMinutes < MINUTES_PER_DAY) {
    const hours = Math.floor(totalMinutes / MINUTES_PER_HOUR);
    const minutes = totalMinutes % MINUTES_PER_HOUR;
    return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
  }
  const days = Math.floor(totalMinutes / MINUTES_PER_DAY);
  const hours = Math.floor((totalMinutes % MINUTES_PER_DAY) / MINUTES_PER_HOUR);
  return hours === 0 ? `${days} d` : `${days} d ${hours} h`;
}

/** Where a validity window stands at `now`: "starts in 10 min", "expires in 59 min" or "expired". */
export function formatCountdown(startMs: number, endMs: number, now: number): string {
  if (now < startMs) return `starts in ${formatRemaining(startMs - now)}`;
  if (now < endMs) return `expires in ${formatRemaining(endMs - now)}`;
  return 'expired';
}

/** Splits a pass into groups to read aloud; the value itself is never altered. */
export function groupForReading(value: string, size = 4): string[] {
  const groups: string[] = [];
  for (let i = 0; i < value.length; i += size) groups.push(value.slice(i, i + size));
  return groups;
}

/** End of a pass's validity window in epoch ms. */
export function passEnd(startDateTime: string, lifetimeInMinutes: number): number {
  return new Date(startDateTime).getTime() + lifetimeInMinutes * 60_000;
}
