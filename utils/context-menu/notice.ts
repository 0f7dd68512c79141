/**
 * The notice for a selection or link that is not a principal: a small window of the panel page,
 * `panel.html?notice=invalidPrincipal&text=…`, which shows noticeFromQuery's sentence and calls nothing.
 * A window needs no permission (notifications would).
 */
const MAX_SHOWN = 60;
/** Control, zero-width and bidi characters: dropped so the echoed text reads as what it is. */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

export const INVALID_PRINCIPAL_NOTICE = 'invalidPrincipal';

/** The selection as the admin will see it quoted back: one line, printable, at most 60 characters. */
export function shownText(text: string): string {
  const clean = text.slice(0, 1000).replace(UNPRINTABLE, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > MAX_SHOWN ? `${clean.slice(0, MAX_SHOWN - 1)}…` : clean;
}

export function invalidPrincipalSentence(text: string): string {
  return `“${shownText(text)}” is not a user principal name or object ID.`;
}

export function noticeQuery(text: string): string {
  return new URLSearchParams({ notice: INVALID_PRINCIPAL_NOTICE, text: shownText(text) }).toString();
}

/** For the panel page: the sentence to show instead of a panel, or null when the page is not a notice. */
export function noticeFromQuery(params: URLSearchParams): string | null {
  if (params.get('notice') !== INVALID_PRINCIPAL_NOTICE) return null;
  return invalidPrincipalSentence(params.get('text') ?? '');
}
