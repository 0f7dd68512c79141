/**
 * A pass's validity and value in words: local date/time, countdowns, reading groups. Apart from format.ts so the popup,
 * which shows no pass, doesn't load them.
 */
import { i18n } from '#i18n';
import { displayLocale } from '../i18n/display-locale';
import { MINUTES_PER_DAY, MINUTES_PER_HOUR } from './format';

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * An ISO instant in the reader's local time, e.g. "3 Jun 2025, 14:05"; in `locale`'s way of writing dates when given
 * (the user's instructions in another language), else in the language the words around it are in (display-locale.ts).
 */
export function formatDateTime(value: string | number | Date, locale: string = displayLocale()): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  return dateTimeFormat(locale).format(date);
}

function dateTimeFormat(locale: string): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    dateTimeFormats.set(locale, format);
  }
  return format;
}

/**
 * Makes the date format a new pass is shown with before the pass arrives: a page's first date formatter costs 16-38 ms
 * of ICU start-up (measured in the panel), which is better spent while Graph creates the pass than after it answers.
 */
export function prepareDateTimeFormat(locale: string = displayLocale()): void {
  dateTimeFormat(locale);
}

/** The reader's time zone name, for messages read elsewhere ("Europe/Berlin"). */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone ?? '';
}

/** Remaining milliseconds in words: "59 min", "7 h 5 min", "2 d 3 h", "less than a minute". */
export function formatRemaining(ms: number): string {
  const totalMinutes = Math.floor(ms / 60_000);
  if (totalMinutes < 1) return i18n.t('pass.time.lessThanMinute');
  if (totalMinutes < MINUTES_PER_HOUR) return i18n.t('pass.time.minutes', { minutes: totalMinutes });
  if (totalMinutes < MINUTES_PER_DAY) {
    const hours = Math.floor(totalMinutes / MINUTES_PER_HOUR);
    const minutes = totalMinutes % MINUTES_PER_HOUR;
    return minutes === 0 ? i18n.t('pass.time.hours', { hours }) : i18n.t('pass.time.hoursMinutesShort', { hours, minutes });
  }
  const days = Math.floor(totalMinutes / MINUTES_PER_DAY);
  const hours = Math.floor((totalMinutes % MINUTES_PER_DAY) / MINUTES_PER_HOUR);
  return hours === 0 ? i18n.t('pass.time.days', { days }) : i18n.t('pass.time.daysHours', { days, hours });
}

/** Where a validity window stands at `now`: "starts in 10 min", "expires in 59 min" or "expired". */
export function formatCountdown(startMs: number, endMs: number, now: number): string {
  if (now < startMs) return i18n.t('pass.time.startsIn', { time: formatRemaining(startMs - now) });
  if (now < endMs) return i18n.t('pass.time.expiresIn', { time: formatRemaining(endMs - now) });
  return i18n.t('pass.time.expired');
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
