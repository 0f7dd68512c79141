/** Plain-words formatting for durations, ranges, local date/time and countdowns. */

const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 1440;

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** 60 → "1 hour", 480 → "8 hours", 90 → "1 hour 30 minutes", 2880 → "2 days". */
export function formatDuration(minutes: number): string {
  if (minutes >= MINUTES_PER_DAY && minutes % MINUTES_PER_DAY === 0) return plural(minutes / MINUTES_PER_DAY, 'day');
  if (minutes < MINUTES_PER_HOUR) return plural(minutes, 'minute');
  const hours = Math.floor(minutes / MINUTES_PER_HOUR);
  const rest = minutes % MINUTES_PER_HOUR;
  return rest === 0 ? plural(hours, 'hour') : `${plural(hours, 'hour')} ${plural(rest, 'minute')}`;
}

/** (60, 480) → "1–8 hours"; (10, 480) → "10 minutes–8 hours". */
export function formatSpan(min: number, max: number): string {
  if (min === max) return formatDuration(min);
  if (min % MINUTES_PER_DAY === 0 && max % MINUTES_PER_DAY === 0 && min > 0) {
    return `${min / MINUTES_PER_DAY}–${plural(max / MINUTES_PER_DAY, 'day')}`;
  }
  if (min % MINUTES_PER_HOUR === 0 && max % MINUTES_PER_HOUR === 0 && min > 0) {
    return `${min / MINUTES_PER_HOUR}–${plural(max / MINUTES_PER_HOUR, 'hour')}`;
  }
  if (max < MINUTES_PER_HOUR) return `${min}–${plural(max, 'minute')}`;
  return `${formatDuration(min)}–${formatDuration(max)}`;
}

/** (60, 480) → "allowed 1–8 hours". */
export function formatRange(min: number, max: number): string {
  return min === max ? `allowed ${formatDuration(min)} only` : `allowed ${formatSpan(min, max)}`;
}

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

/** How long ago, briefly: "just now", "5 min ago", "3 h ago", "2 d ago". */
export function formatAgo(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < MINUTES_PER_HOUR) return `${minutes} min ago`;
  if (minutes < MINUTES_PER_DAY) return `${Math.floor(minutes / MINUTES_PER_HOUR)} h ago`;
  return `${Math.floor(minutes / MINUTES_PER_DAY)} d ago`;
}

/** Age of a cached copy: "Updated just now", "Updated 5 min ago". */
export function formatAge(fetchedAt: number, now: number): string {
  return `Updated ${formatAgo(now - fetchedAt)}`;
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
