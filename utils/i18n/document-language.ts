import { i18n } from '#i18n';

/**
 * The page's lang is the catalogue's language the browser chose (its UI language, or English when we don't ship it), so
 * a screen reader reads the words in the right voice and the browser hyphenates them right.
 */
export function applyDocumentLanguage(root: HTMLElement = document.documentElement): void {
  root.lang = i18n.t('common.languageTag');
}
