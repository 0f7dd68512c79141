/**
 * Reading a pass aloud, as over the phone: the NATO/ICAO spelling alphabet for letters ("capital" for upper case),
 * digits as words, symbols by name. Passes mix all three (graph-docs sample "+drkzqAD"), and 0/O or l/1/I heard
 * wrong cost a call back.
 */
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
const DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const SYMBOLS: Record<string, string> = {
  '!': 'exclamation mark',
  '"': 'double quote',
  '#': 'hash',
  $: 'dollar',
  '%': 'percent',
  '&': 'ampersand',
  "'": 'apostrophe',
  '(': 'open parenthesis',
  ')': 'close parenthesis',
  '*': 'asterisk',
  '+': 'plus',
  ',': 'comma',
  '-': 'hyphen',
  '.': 'full stop',
  '/': 'slash',
  ':': 'colon',
  ';': 'semicolon',
  '<': 'less than',
  '=': 'equals',
  '>': 'greater than',
  '?': 'question mark',
  '@': 'at sign',
  '[': 'open bracket',
  '\\': 'backslash',
  ']': 'close bracket',
  '^': 'caret',
  _: 'underscore',
  '`': 'backtick',
  '{': 'open brace',
  '|': 'vertical bar',
  '}': 'close brace',
  '~': 'tilde',
};

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
  if (kind === 'digit') return DIGITS[Number(char)] as string;
  if (kind === 'upper') return `capital ${NATO[char.toLowerCase()]}`;
  if (kind === 'lower') return (NATO[char] as string).toLowerCase();
  return SYMBOLS[char] ?? `symbol ${char}`;
}

/** "Mike – seven – percent – capital Alfa …" */
export function spellOut(value: string): string {
  return [...value].map(spellChar).join(' – ');
}
