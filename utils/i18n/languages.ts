/**
 * The languages the extension ships (locales/<code>.yml → _locales/<code>/messages.json), each named in its own
 * language, so a reader finds theirs whatever the page's language. `tag` is the BCP 47 tag for Intl and lang attributes.
 */
export interface Language {
  /** The _locales folder name (Chrome's locale code). */
  code: LanguageCode;
  tag: string;
  /** The language's own name for itself (an endonym: the same in every catalogue). */
  name: string;
}

export type LanguageCode = 'en' | 'de' | 'es' | 'fr' | 'ja' | 'pt_BR';

export const LANGUAGES: readonly Language[] = [
  { code: 'en', tag: 'en', name: 'English' },
  { code: 'de', tag: 'de', name: 'Deutsch' },
  { code: 'es', tag: 'es', name: 'Español' },
  { code: 'fr', tag: 'fr', name: 'Français' },
  { code: 'ja', tag: 'ja', name: '日本語' },
  { code: 'pt_BR', tag: 'pt-BR', name: 'Português (Brasil)' },
];

export const DEFAULT_LANGUAGE: Language = LANGUAGES[0] as Language;

/** The shipped language a BCP 47 tag or locale code names ("pt-BR", "pt_BR", "de-AT" → de), else English. */
export function languageOf(tagOrCode: string): Language {
  const wanted = tagOrCode.replace('_', '-').toLowerCase();
  return (
    LANGUAGES.find((language) => language.tag.toLowerCase() === wanted) ??
    LANGUAGES.find((language) => language.tag.toLowerCase() === wanted.split('-')[0]) ??
    DEFAULT_LANGUAGE
  );
}
