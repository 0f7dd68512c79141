/**
 * Strict parsing of a user principal name or object id from text an admin selected or a link they right-clicked.
 * UPN rules (Microsoft Entra "Username policies", entra-docs concept-sspr-policy.md, and KB 2439357):
 * characters A-Z a-z 0-9 ' . - _ ! # ^ ~ before the @ (no &, no +, no non-ASCII), no period right before the @,
 * at most 64 characters before the @, 48 after it, 113 in total. We also refuse leading and doubled periods.
 */
import { getUserRefFromUrl } from './entra-url';
import { type Principal, principalOf } from './principal';

const MAX_INPUT = 512;
/** Format characters (zero-width space and joiner, bidi controls, soft hyphen, BOM…): never trimmed, always refused. */
const INVISIBLE = /\p{Cf}/u;
const TRAILING_PUNCTUATION = '.,;:!?';
const PAIRS = ["''", '""', '“”', '‘’', '«»', '‹›', '<>', '()', '[]', '{}'];
const STRAY_OPENERS = '"“”„‘’‚«‹<([{';
const STRAY_CLOSERS = `"“”‘’»›>)]}'${TRAILING_PUNCTUATION}`;

/** Peels whitespace, sentence punctuation, quotes and brackets off both ends until nothing changes. */
function stripWrapping(text: string): string {
  let value = text;
  for (let previous = ''; previous !== value; ) {
    previous = value;
    value = value.trim();
    while (value && TRAILING_PUNCTUATION.includes(value.at(-1) ?? '')) value = value.slice(0, -1);
    if (value.length >= 2 && PAIRS.includes(`${value[0]}${value.at(-1)}`)) value = value.slice(1, -1);
    else {
      while (value && STRAY_OPENERS.includes(value[0] ?? '')) value = value.slice(1);
      while (value && STRAY_CLOSERS.includes(value.at(-1) ?? '')) value = value.slice(0, -1);
    }
  }
  return value;
}

/** `mailto:` links and percent-encoded text are decoded exactly once; a second layer of encoding is refused. */
function decodeOnce(text: string): string | null {
  let value = text;
  if (/^mailto:/i.test(value)) value = value.slice('mailto:'.length).split('?')[0] ?? '';
  else if (!value.includes('%')) return value;
  try {
    value = decodeURIComponent(value);
  } catch {
    return null;
  }
  return value.includes('%') ? null : value;
}

/** A UPN (case kept; Entra compares case-insensitively) or an object id (lower case), or null for anything else. */
export function parsePrincipal(text: string): Principal | null {
  if (typeof text !== 'string' || text.length > MAX_INPUT || INVISIBLE.test(text)) return null;
  const decoded = decodeOnce(stripWrapping(text));
  if (decoded === null || INVISIBLE.test(decoded)) return null;
  return principalOf(stripWrapping(decoded));
}

/** From a right-clicked link: a `mailto:` address, or the object id (or UPN) in an admin-center user page URL. */
export function principalFromLink(url: string): Principal | null {
  if (typeof url !== 'string' || url.length > 2048) return null;
  if (/^mailto:/i.test(url.trim())) return parsePrincipal(url);
  return principalOf(getUserRefFromUrl(url));
}

/** The Graph path for a principal: `#` in guest UPNs must be `%23` (Graph "Get user" docs); `@` stays as the docs write it. */
export function graphUserPath(principal: Principal): string {
  return `/users/${encodeURIComponent(principal.value).replaceAll('%40', '@')}`;
}

/** Case-insensitive identity of a principal, e.g. to keep one window per user. */
export function principalKey(principal: Principal): string {
  return `${principal.kind}:${principal.value.toLowerCase()}`;
}
