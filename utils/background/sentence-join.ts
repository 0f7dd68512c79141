import { i18n } from '#i18n';

/** Two whole sentences one after the other, as the catalogue's language joins them. */
export const twoSentences = (first: string, second: string): string => i18n.t('background.join.sentences', { first, second });

/** A whole sentence followed by the error code that goes with it. */
export const withErrorCode = (sentence: string, code: string): string => i18n.t('background.join.withCode', { sentence, code });

/** "A", "A and B", "A, B and C", in the catalogue's words. */
export function listOf(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  const last = names.at(-1) ?? '';
  if (names.length === 2) return i18n.t('background.join.listPair', { first: names[0] ?? '', last });
  return i18n.t('background.join.listMore', {
    items: names.slice(0, -1).join(i18n.t('background.join.listSeparator')),
    last,
  });
}
