/**
 * Every shipped language has every English key with the same placeholders and the same kind (plain or plural), so no
 * admin ever sees an empty label, a raw `{user}` or the wrong count. The checks run on a planted catalogue first, so
 * they are known to fail when a translation is incomplete.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ParsedMessage, parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { LANGUAGES as SHIPPED_LANGUAGES } from '../../../utils/i18n/languages';

const LOCALES_DIR = join(import.meta.dirname, '../../../locales');

const readLocale = (code: string) =>
  parseMessagesText(readFileSync(join(LOCALES_DIR, `${code}.yml`), 'utf8'), 'YAML').filter((m) => !m.key[0]?.startsWith('@@'));

const keyOf = (message: ParsedMessage) => message.key.join('.');
const textsOf = (message: ParsedMessage): string[] =>
  message.type === 'plural' ? Object.values(message.plurals) : [message.message];
const positional = (text: string) => [...text.matchAll(/(?<!\$)\$([1-9])/g)].map((m) => m[1]).sort();
const named = (text: string) => [...new Set([...text.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1]))].sort();

/** What is wrong with `locale` against the English catalogue, one line per problem. */
function problems(english: ParsedMessage[], locale: ParsedMessage[]): string[] {
  const found: string[] = [];
  const byKey = new Map(locale.map((m) => [keyOf(m), m]));
  const englishKeys = new Set(english.map(keyOf));
  for (const reference of english) {
    const key = keyOf(reference);
    const translated = byKey.get(key);
    if (!translated) {
      found.push(`${key}: missing`);
      continue;
    }
    if ((reference.type === 'plural') !== (translated.type === 'plural')) found.push(`${key}: plural in one, not the other`);
    const texts = textsOf(translated);
    if (texts.some((text) => text.trim() === '')) found.push(`${key}: empty`);
    if (translated.type === 'plural' && (texts.length < 1 || texts.length > 3)) found.push(`${key}: 1 to 3 plural forms`);
    // Every form may drop the count (a "one pass" form), but none may name a placeholder English doesn't have.
    const referenceNamed = named(textsOf(reference).join(' '));
    const referencePositional = [...new Set(textsOf(reference).flatMap(positional))];
    if (reference.type !== 'plural') {
      if (named(texts.join(' ')).join() !== referenceNamed.join()) found.push(`${key}: placeholders differ`);
      if ([...new Set(texts.flatMap(positional))].sort().join() !== referencePositional.sort().join()) {
        found.push(`${key}: $n substitutions differ`);
      }
    } else {
      for (const text of texts) {
        if (named(text).some((name) => !referenceNamed.includes(name))) found.push(`${key}: unknown placeholder`);
        if (positional(text).some((n) => !referencePositional.includes(n))) found.push(`${key}: unknown $n substitution`);
      }
      if (named(texts.join(' ')).join() !== referenceNamed.join()) found.push(`${key}: placeholders differ`);
    }
    // Chrome reads `$word$` as a named placeholder of its own: a lone dollar must be written $$.
    if (texts.some((text) => /(?<!\$)\$(?![1-9$])/.test(text.replaceAll('$$', '')))) found.push(`${key}: unescaped $`);
    if (texts.some((text) => translated.type !== 'plural' && text.includes(' | ')))
      found.push(`${key}: " | " reads as plural forms`);
  }
  for (const key of byKey.keys()) if (!englishKeys.has(key)) found.push(`${key}: not in English`);
  return found;
}

describe('the message catalogue', () => {
  const english = readLocale('en');

  it('reports a missing key, a changed placeholder and a stray key (the check can fail)', () => {
    const planted = parseMessagesText(
      'a: Issue a pass for {user}\nb: { 1: "One pass", n: "$1 passes" }\nc: Copy\nstray: Nope\n',
      'YAML',
    );
    const reference = parseMessagesText('a: Issue for {user}\nb: { 1: One pass, n: $1 passes }\nc: Copy\nd: Done\n', 'YAML');
    const broken = parseMessagesText('a: Für {benutzer}\nb: Ein Pass\nc: Kopieren $x\nstray: Nein\n', 'YAML');
    expect(problems(reference, planted)).toEqual(['d: missing', 'stray: not in English']);
    expect(problems(reference, broken)).toEqual([
      'a: placeholders differ',
      'b: plural in one, not the other',
      'c: unescaped $',
      'd: missing',
      'stray: not in English',
    ]);
  });

  it('ships English and the five other languages, each in its own file', () => {
    const files = readdirSync(LOCALES_DIR)
      .filter((file) => file.endsWith('.yml'))
      .map((file) => file.replace(/\.yml$/, ''))
      .sort();
    expect(files).toEqual(SHIPPED_LANGUAGES.map((language) => language.code).sort());
  });

  it.each(SHIPPED_LANGUAGES.filter((language) => language.code !== 'en'))(
    '$code has every English key with the same placeholders',
    ({ code }) => {
      expect(problems(english, readLocale(code))).toEqual([]);
    },
  );

  it.each(SHIPPED_LANGUAGES)('$code names its own language and fits the stores’ limits', ({ code, tag }) => {
    const messages = new Map(readLocale(code).map((m) => [keyOf(m), textsOf(m)[0] ?? '']));
    expect(messages.get('common.languageTag')).toBe(tag);
    // Chrome Web Store and Chromium: a name of at most 75 characters, a description of at most 132.
    expect(messages.get('manifest.name')?.length).toBeLessThanOrEqual(75);
    expect(messages.get('manifest.description')?.length).toBeLessThanOrEqual(132);
  });

  it('English has no problems of its own', () => {
    expect(problems(english, english)).toEqual([]);
  });
});
