/**
 * A list line's optional columns, checked for shape only: the background checks them against the tenant's policy.
 * Each returns the value, undefined for an empty cell, or the sentence saying what is wrong.
 */

import { i18n } from '#i18n';

/** Graph's own bounds for a pass's lifetime (10 minutes to 30 days); the policy's are usually narrower. */
export const LIFETIME_MIN = 10;
export const LIFETIME_MAX = 43_200;

export type CellCheck<T> = { ok: true; value: T | undefined } | { ok: false; why: string };

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** An ISO 8601 date and time; without a zone it is the admin's local time, as the panel's date field is. */
export function checkStart(cell: string): CellCheck<string> {
  const text = cell.trim();
  if (text === '') return { ok: true, value: undefined };
  const bad = {
    ok: false as const,
    why: i18n.t('bulk.cell.badStart', { text }),
  };
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return bad;
  const [, y = '', mo = '', d = '', h = '', mi = '', s = '00', zone = ''] = match;
  const [year, month, day] = [Number(y), Number(mo), Number(d)];
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59)
    return bad;
  // Date only promises to parse ISO's T form with a colon in the offset; a space and +0200 are ISO too.
  const offset = zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2').toUpperCase();
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${offset}`);
  return Number.isNaN(date.getTime()) ? bad : { ok: true, value: date.toISOString() };
}

/** Whole minutes within Graph's bounds. */
export function checkLifetime(cell: string): CellCheck<number> {
  const text = cell.trim();
  if (text === '') return { ok: true, value: undefined };
  const minutes = /^\d{1,6}$/.test(text) ? Number(text) : Number.NaN;
  if (Number.isInteger(minutes) && minutes >= LIFETIME_MIN && minutes <= LIFETIME_MAX) return { ok: true, value: minutes };
  return {
    ok: false,
    why: i18n.t('bulk.cell.badLifetime', { text, min: LIFETIME_MIN, max: LIFETIME_MAX }),
  };
}

const YES = new Set(['true', 'yes']);
const NO = new Set(['false', 'no']);

export function checkOneTime(cell: string): CellCheck<boolean> {
  const text = cell.trim();
  if (text === '') return { ok: true, value: undefined };
  const word = text.toLowerCase();
  if (YES.has(word)) return { ok: true, value: true };
  if (NO.has(word)) return { ok: true, value: false };
  return { ok: false, why: i18n.t('bulk.cell.badOneTime', { text }) };
}
