import { displayLocale } from '../i18n/display-locale';

/**
 * Items that each stand alone ("2 hours", "one-time", "24 will be issued"), as the display locale lists them: "a, b, c"
 * in English (a unit list: no "and"), "a, b und c" in German. Pages off the first-paint path only (utils/i18n/lists.ts).
 */
export const formatList = (items: readonly string[]): string =>
  new Intl.ListFormat(displayLocale(), { type: 'unit', style: 'short' }).format(items);
