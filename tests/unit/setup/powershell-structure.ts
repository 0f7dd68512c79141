/**
 * A small PowerShell reader for the generated setup script (PowerShell itself isn't on the machine). It follows
 * about_Quoting_Rules and about_Comment_Based_Help as far as the script uses them, and refuses anything beyond that:
 * - single-quoted strings: nothing expands; a quote character (' or ‘ ’ ‚ ‛) written twice is one;
 * - double-quoted strings: ` escapes, "" is one ", $name expands (a $( subexpression is refused: the generator writes none);
 * - # comments to the end of the line outside strings (block comments <# #> are refused);
 * - (), {}, [] must nest and close; @( and @{ open like ( and {.
 * It reports every variable use, every assignment and every command name, with its line.
 */

const SINGLE_QUOTES = new Set(["'", '\u2018', '\u2019', '\u201A', '\u201B']);
const DOUBLE_QUOTES = new Set(['"', '\u201C', '\u201D', '\u201E']);
const CLOSERS: Record<string, string> = { ')': '(', '}': '{', ']': '[' };

export interface PsToken {
  kind: 'string' | 'variable' | 'word' | 'punct';
  text: string;
  /** For strings: the value after unquoting. */
  value?: string;
  line: number;
}

export interface PsReading {
  tokens: PsToken[];
  problems: string[];
}

const isIdent = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);

export function readPowerShell(source: string): PsReading {
  const tokens: PsToken[] = [];
  const problems: string[] = [];
  const stack: { c: string; line: number }[] = [];
  let line = 1;
  let i = 0;
  const peek = (k = 0) => source[i + k];
  while (i < source.length) {
    const c = source[i] as string;
    if (c === '\n') {
      line++;
      i++;
      continue;
    }
    if (c === '<' && peek(1) === '#') {
      problems.push(`line ${line}: block comment`);
      i += 2;
      continue;
    }
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (SINGLE_QUOTES.has(c)) {
      const start = line;
      let value = '';
      i++;
      let closed = false;
      while (i < source.length) {
        const d = source[i] as string;
        if (SINGLE_QUOTES.has(d)) {
          if (SINGLE_QUOTES.has(source[i + 1] as string)) {
            value += source[i + 1];
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (d === '\n') line++;
        value += d;
        i++;
      }
      if (!closed) problems.push(`line ${start}: single-quoted string never closed`);
      tokens.push({ kind: 'string', text: 'single', value, line: start });
      continue;
    }
    if (DOUBLE_QUOTES.has(c)) {
      const start = line;
      let value = '';
      i++;
      let closed = false;
      while (i < source.length) {
        const d = source[i] as string;
        if (d === '`') {
          value += source[i + 1] ?? '';
          i += 2;
          continue;
        }
        if (DOUBLE_QUOTES.has(d)) {
          if (DOUBLE_QUOTES.has(source[i + 1] as string)) {
            value += '"';
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (d === '$' && source[i + 1] === '(') problems.push(`line ${line}: subexpression in a double-quoted string`);
        if (d === '$' && isIdent(source[i + 1])) {
          let name = '';
          let j = i + 1;
          while (isIdent(source[j])) name += source[j++];
          tokens.push({ kind: 'variable', text: name, line });
        }
        if (d === '\n') line++;
        value += d;
        i++;
      }
      if (!closed) problems.push(`line ${start}: double-quoted string never closed`);
      tokens.push({ kind: 'string', text: 'double', value, line: start });
      continue;
    }
    if (c === '$' && (isIdent(peek(1)) || peek(1) === '_')) {
      let name = '';
      i++;
      while (isIdent(source[i])) name += source[i++];
      tokens.push({ kind: 'variable', text: name, line });
      continue;
    }
    if (c === '@' && (peek(1) === '(' || peek(1) === '{')) {
      i++;
      continue; // the bracket itself is read next
    }
    if ('({['.includes(c)) {
      stack.push({ c, line });
      tokens.push({ kind: 'punct', text: c, line });
      i++;
      continue;
    }
    if (')}]'.includes(c)) {
      const open = stack.pop();
      if (!open || open.c !== CLOSERS[c])
        problems.push(`line ${line}: '${c}' closes ${open ? `'${open.c}' of line ${open.line}` : 'nothing'}`);
      tokens.push({ kind: 'punct', text: c, line });
      i++;
      continue;
    }
    if (/[A-Za-z]/.test(c)) {
      let word = '';
      while (i < source.length && /[A-Za-z0-9_.-]/.test(source[i] as string)) word += source[i++];
      tokens.push({ kind: 'word', text: word, line });
      continue;
    }
    if (!/\s/.test(c)) tokens.push({ kind: 'punct', text: c, line });
    i++;
  }
  for (const open of stack) problems.push(`line ${open.line}: '${open.c}' never closed`);
  return { tokens, problems };
}

const AUTOMATIC = new Set(['_', 'null', 'true', 'false', 'PSItem']);

/** Variables used before anything assigned them ($x = …, foreach ($x in …)). Preference variables count as assigned. */
export function variablesUsedBeforeAssigned(reading: PsReading): string[] {
  const assigned = new Set<string>();
  const early: string[] = [];
  const { tokens } = reading;
  tokens.forEach((token, index) => {
    if (token.kind !== 'variable' || AUTOMATIC.has(token.text)) return;
    const next = tokens[index + 1];
    const previous = tokens[index - 1];
    const beforePrevious = tokens[index - 2];
    const isAssignment = next?.kind === 'punct' && next.text === '=' && tokens[index + 2]?.text !== '=';
    const isForeach =
      previous?.text === '(' && beforePrevious?.kind === 'word' && beforePrevious.text.toLowerCase() === 'foreach';
    const isCompound = next?.kind === 'punct' && next.text === '+' && tokens[index + 2]?.text === '=';
    if (isAssignment || isForeach) {
      assigned.add(token.text.toLowerCase());
      return;
    }
    if (isCompound && !assigned.has(token.text.toLowerCase())) early.push(`${token.text} (line ${token.line})`);
    if (!isCompound && !assigned.has(token.text.toLowerCase())) early.push(`${token.text} (line ${token.line})`);
  });
  return early;
}

/** Verb-Noun command names, with their lines. */
export function commandsOf(reading: PsReading): { name: string; line: number }[] {
  return reading.tokens
    .filter((t) => t.kind === 'word' && /^[A-Z][A-Za-z]+-[A-Z][A-Za-z0-9]+$/.test(t.text))
    .map((t) => ({ name: t.text, line: t.line }));
}

/** The -Parameter names that follow a command on its line, up to a pipe. */
export function parametersOf(source: string, command: string): string[] {
  const line = source.split('\n').find((l) => new RegExp(`(^|[\\s(=])${command}(\\s|$)`).test(l));
  if (!line) return [];
  const after = line.slice(line.indexOf(command) + command.length).split('|')[0] ?? '';
  // Parameters are words after whitespace that start with '-' (values here are quoted, variables or hashtables).
  return [...after.matchAll(/(?:^|\s)-([A-Z][A-Za-z]+)/g)].map((m) => m[1] as string);
}
