import { i18n } from '#i18n';

/**
 * The locale for dates, numbers and lists: the browser's own (en-GB, de-AT) when it is a variant of the catalogue's
 * language, else the catalogue's (an Italian browser reads our English with English dates, not Italian ones glued in).
 * Chromium started with --lang keeps navigator.language at the system's, so the catalogue decides.
 */
export function displayLocale(): string {
  const catalogue = i18n.t('common.languageTag');
  const browser = typeof navigator === 'undefined' ? '' : navigator.language;
  return browser && browser.split('-')[0]?.toLowerCase() === catalogue.split('-')[0]?.toLowerCase() ? browser : catalogue;
}

/** "1,000" in English, "1.000" in German: the one way every page and the background write a count. */
export const formatNumber = (n: number): string => new Intl.NumberFormat(displayLocale()).format(n);
