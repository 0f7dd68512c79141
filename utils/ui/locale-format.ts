import { displayLocale } from '../i18n/display-locale';

/**
 * Numbers and lists in the catalogue's language (common.languageTag: the one the browser chose for our words), not the
 * browser's own locale: a sentence in English keeps English digits and separators wherever the browser runs.
 */
const locale = () => displayLocale();

/**
 * Items that each stand alone ("2 hours", "one-time", "24 will be issued"), as the language lists them: "a, b, c" in
 * English (a unit list: no "and"), "a, b und c" in German.
 */
export const formatList = (items: readonly string[]): string =>
  new Intl.ListFormat(locale(), { type: 'unit', style: 'short' }).format(items);

/**
 * A translated sentence with markup in it: its `{name}` placeholders replaced by `values` (elements, say), the text
 * around them kept as strings, so a translation may put the marked-up words anywhere. Read the message with each
 * placeholder kept as itself (`i18n.t(key, { code: '{code}' })`): values go in after the split, never read for braces.
 */
export function fillPlaceholders<T>(text: string, values: Record<string, T>): (string | T)[] {
  return text
    .split(/\{(\w+)\}/)
    .map((part, index) => (index % 2 === 0 ? part : Object.hasOwn(values, part) ? (values[part] as T) : `{${part}}`))
    .filter((part) => part !== '');
}
