/**
 * Reading a pass aloud, as over the phone: the NATO/ICAO spelling alphabet for letters ("capital" for upper case),
 * digits as words, symbols by name. Passes mix all three (graph-docs sample "+drkzqAD"), and 0/O or l/1/I heard
 * wrong cost a call back. The spelling alphabet's code words are the same in every language (ICAO); the rest is the
 * reader's language (pass.spell.*).
 */
import { i18n } from '#i18n';

const NATO: Record<string, string> = {
  a: 'Alfa',
  b: 'Bravo',
  c: 'Charlie',
  d: 'Delta',
  e: 'Echo',
  f: 'Foxtrot',
  g: 'Golf',
  h: 'Hotel',
  i: 'India',
  j: 'Juliett',
  k: 'Kilo',
  l: 'Lima',
  m: 'Mike',
  n: 'November',
  o: 'Oscar',
  p: 'Papa',
  q: 'Quebec',
  r: 'Romeo',
  s: 'Sierra',
  t: 'Tango',
  u: 'Uniform',
  v: 'Victor',
  w: 'Whiskey',
  x: 'X-ray',
  y: 'Yankee',
  z: 'Zulu',
};
type SymbolName = keyof typeof SYMBOL_NAMES;

/** Each symbol's catalogue key (pass.spell.symbols.*): its name in the reader's language. */
const SYMBOL_NAMES = {
  exclamationMark: '!',
  doubleQuote: '"',
  hash: '#',
  dollar: '$',
  percent: '%',
  ampersand: '&',
  apostrophe: "'",
  openParenthesis: '(',
  closeParenthesis: ')',
  asterisk: '*',
  plus: '+',
  comma: ',',
  hyphen: '-',
  fullStop: '.',
  slash: '/',
  colon: ':',
  semicolon: ';',
  lessThan: '<',
  equals: '=',
  greaterThan: '>',
  questionMark: '?',
  atSign: '@',
  openBracket: '[',
  backslash: '\\',
  closeBracket: ']',
  caret: '^',
  underscore: '_',
  backtick: '`',
  openBrace: '{',
  verticalBar: '|',
  closeBrace: '}',
  tilde: '~',
} as const;

const SYMBOLS = new Map<string, SymbolName>(Object.entries(SYMBOL_NAMES).map(([name, char]) => [char, name as SymbolName]));

type Digit = 'd0' | 'd1' | 'd2' | 'd3' | 'd4' | 'd5' | 'd6' | 'd7' | 'd8' | 'd9';

export type CharClass = 'upper' | 'lower' | 'digit' | 'symbol';

export function charClass(char: string): CharClass {
  if (/[0-9]/.test(char)) return 'digit';
  if (/[A-Z]/.test(char)) return 'upper';
  if (/[a-z]/.test(char)) return 'lower';
  return 'symbol';
}

/** One spoken word (or words) for one character. */
export function spellChar(char: string): string {
  const kind = charClass(char);
  if (kind === 'digit') return i18n.t(`pass.spell.digits.d${char}` as `pass.spell.digits.${Digit}`);
  if (kind === 'upper') return i18n.t('pass.spell.capital', { letter: NATO[char.toLowerCase()] as string });
  if (kind === 'lower') return (NATO[char] as string).toLowerCase();
  const name = SYMBOLS.get(char);
  return name ? i18n.t(`pass.spell.symbols.${name}`) : i18n.t('pass.spell.symbol', { char });
}

/** "Mike – seven – percent – capital Alfa …" */
export function spellOut(value: string): string {
  return [...value].map(spellChar).join(' – ');
}
