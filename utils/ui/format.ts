/** Plain-words formatting for durations, ranges and ages (a pass's dates and countdown: format-pass.ts). */
import { i18n } from '#i18n';

export const MINUTES_PER_HOUR = 60;
export const MINUTES_PER_DAY = 1440;

type Unit = 'minute' | 'hour' | 'day';

/*
 * Plural messages, not Intl's unit words: the popup and the panel show a duration at first paint, and a renderer's
 * first Intl formatter costs it 25-40 ms of ICU start-up (measured in Chromium: 26-38 ms, then ~5 ms per new kind).
 */
const DURATION = { minute: 'graph.duration.minutes', hour: 'graph.duration.hours', day: 'graph.duration.days' } as const;
const SPAN = { minute: 'pass.time.spanMinutes', hour: 'pass.time.spanHours', day: 'pass.time.spanDays' } as const;

/** "1 hour", "8 hours", "2 days". */
function plural(n: number, unit: Unit): string {
  return i18n.t(DURATION[unit], n);
}

/** "1–8 hours": one unit word for both ends, as the language writes a range. */
function pluralRange(min: number, max: number, unit: Unit): string {
  return i18n.t(SPAN[unit], { min, max });
}

/** 60 → "1 hour", 480 → "8 hours", 90 → "1 hour 30 minutes", 2880 → "2 days". */
export function formatDuration(minutes: number): string {
  if (minutes >= MINUTES_PER_DAY && minutes % MINUTES_PER_DAY === 0) return plural(minutes / MINUTES_PER_DAY, 'day');
  if (minutes < MINUTES_PER_HOUR) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / MINUTES_PER_HOUR);
  const rest = minutes % MINUTES_PER_HOUR;
  return rest === 0
    ? plural(hours, 'hour')
    : i18n.t('pass.time.hoursMinutes', { hours: plural(hours, 'hour'), minutes: plural(rest, 'minute') });
}

/** (60, 480) → "1–8 hours"; (10, 480) → "10 minutes–8 hours". */
export function formatSpan(min: number, max: number): string {
  if (min === max) return formatDuration(min);
  if (min % MINUTES_PER_DAY === 0 && max % MINUTES_PER_DAY === 0 && min > 0) {
    return pluralRange(min / MINUTES_PER_DAY, max / MINUTES_PER_DAY, 'day');
  }
  if (min % MINUTES_PER_HOUR === 0 && max % MINUTES_PER_HOUR === 0 && min > 0) {
    return pluralRange(min / MINUTES_PER_HOUR, max / MINUTES_PER_HOUR, 'hour');
  }
  if (max < MINUTES_PER_HOUR) return pluralRange(min, max, 'minute');
  return i18n.t('pass.time.range', { from: formatDuration(min), to: formatDuration(max) });
}

/** (60, 480) → "allowed 1–8 hours". */
export function formatRange(min: number, max: number): string {
  return min === max
    ? i18n.t('pass.time.allowedOnly', { duration: formatDuration(min) })
    : i18n.t('pass.time.allowed', { span: formatSpan(min, max) });
}

/** How long ago, briefly: "just now", "5 min ago", "3 h ago", "2 d ago". */
export function formatAgo(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return i18n.t('pass.time.justNow');
  if (minutes < MINUTES_PER_HOUR) return i18n.t('pass.time.minutesAgo', { minutes });
  if (minutes < MINUTES_PER_DAY) return i18n.t('pass.time.hoursAgo', { hours: Math.floor(minutes / MINUTES_PER_HOUR) });
  return i18n.t('pass.time.daysAgo', { days: Math.floor(minutes / MINUTES_PER_DAY) });
}

/** Age of a cached copy: "Updated just now", "Updated 5 min ago". */
export function formatAge(fetchedAt: number, now: number): string {
  return i18n.t('pass.time.updated', { ago: formatAgo(now - fetchedAt) });
}
