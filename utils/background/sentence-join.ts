import { i18n } from '#i18n';

/** Two whole sentences one after the other, as the catalogue's language joins them. */
export const twoSentences = (first: string, second: string): string => i18n.t('background.join.sentences', { first, second });

/** A whole sentence followed by the error code that goes with it. */
export const withErrorCode = (sentence: string, code: string): string => i18n.t('background.join.withCode', { sentence, code });
