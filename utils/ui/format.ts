/** Plain-words formatting for durations, ranges and ages (a pass's dates and countdown: format-pass.ts). */

export const MINUTES_PER_HOUR = 60;
export const MINUTES_PER_DAY = 1440;

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
