import { i18n } from '#i18n';

/**
 * "A", "A and B", "A, B and C", in the catalogue's words. Not Intl.ListFormat: its English puts a comma before "and",
 * and a page's first Intl formatter costs its first paint ICU's start-up (utils/ui/format.ts).
 */
export function conjunctionList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  const last = names.at(-1) ?? '';
  if (names.length === 2) return i18n.t('common.list.pair', { first: names[0] ?? '', last });
  return i18n.t('common.list.more', { items: itemList(names.slice(0, -1)), last });
}

/** "A, B, C": items that each stand alone, with the catalogue's separator ("A、B" in Japanese). */
export const itemList = (names: readonly string[]): string => names.join(i18n.t('common.list.separator'));
