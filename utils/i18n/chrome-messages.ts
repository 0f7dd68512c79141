/** A compiled catalogue as the browser reads it: _locales/<locale>/messages.json. */
export type ChromeMessages = Record<string, { message: string }>;

/**
 * Chrome's getMessage rules for what our catalogue uses: `$1`..`$9` take the substitutions (a missing one is empty) and
 * `$$` is a dollar sign (developer.chrome.com/docs/extensions/reference/api/i18n#method-getMessage, "Placeholders").
 */
export function substitute(message: string, substitutions: readonly string[] = []): string {
  return message.replace(/\$(\$|[1-9])/g, (_all, which: string) =>
    which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
  );
}

type Argument = number | readonly (string | number)[] | Record<string, string | number> | undefined;

/**
 * i18n.t's rules over any catalogue (@wxt-dev/i18n 0.2 createI18n): a number picks a plural form of " | "-separated
 * forms (1, 2 or 3 of them: n, 1|n, 0|1|n) and is `$1` unless substitutions are given; an object fills `{name}`.
 * Used where a catalogue other than the browser's language is needed (the user's instructions in another language).
 */
export function translate(messages: ChromeMessages, key: string, ...args: Argument[]): string {
  let count: number | undefined;
  let positional: string[] | undefined;
  let named: Record<string, string | number> | undefined;
  for (const arg of args) {
    if (typeof arg === 'number') count = arg;
    else if (Array.isArray(arg)) positional = arg.map(String);
    else if (arg && typeof arg === 'object') named = arg as Record<string, string | number>;
  }
  if (count !== undefined && !positional) positional = [String(count)];
  let message = substitute(messages[key.replaceAll('.', '_')]?.message ?? '', positional);
  if (count !== undefined) message = pluralForm(message.split(' | '), count);
  if (!named) return message;
  const values = named;
  return message.replace(/\{(\w+)\}/g, (all, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : all));
}

function pluralForm(forms: string[], count: number): string {
  if (forms.length === 2) return forms[count === 1 ? 0 : 1] ?? '';
  if (forms.length === 3) return forms[count === 0 || count === 1 ? count : 2] ?? '';
  return forms[0] ?? '';
}
