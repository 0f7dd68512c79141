/**
 * Quoting for values the setup scripts interpolate. Every value the admin can type (display name, redirect URIs,
 * tenant) goes into a script only through these, and only into a quoted literal: never into a comment, a double-quoted
 * string or an unquoted word. Control characters are refused before (input.ts), so no literal spans lines.
 */

/**
 * A PowerShell verbatim string. about_Quoting_Rules: in a single-quoted string nothing is expanded and a single quote is
 * written twice. PowerShell counts the typographic quotes ‘ ’ ‚ ‛ (U+2018–U+201B) as single quotes too (its tokenizer's
 * IsSingleQuote), so each of them is doubled as well.
 */
export function psQuote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201A\u201B]/g, (quote) => quote + quote)}'`;
}

/** A PowerShell array of verbatim strings: @('a', 'b'). */
export const psArray = (values: readonly string[]) => `@(${values.map(psQuote).join(', ')})`;

/**
 * A POSIX shell single-quoted word (bash manual, "Single Quotes": nothing inside is special, and a single quote can't
 * occur inside, so it closes, is escaped and reopens: ' becomes '\'').
 */
export function shQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** True for a value no quoting rule above may carry: a control character would end a line (and a comment) early. */
export const hasControlCharacter = (value: string) =>
  [...value].some((c) => {
    const code = c.codePointAt(0) ?? 0;
    return code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029;
  });
