import { i18n } from '#i18n';

/**
 * The notice for a selection or link that is not a principal: a small panel window that shows the sentence and calls
 * nothing. The text lives in the background's window table, never in the window's URL (or the browser's history).
 * A window needs no permission (notifications would).
 */
const MAX_SHOWN = 60;
/** Control, zero-width and bidi characters: dropped so the echoed text reads as what it is. */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** The selection as the admin will see it quoted back: one line, printable, at most 60 characters. */
export function shownText(text: string): string {
  const clean = text.slice(0, 1000).replace(UNPRINTABLE, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > MAX_SHOWN ? `${clean.slice(0, MAX_SHOWN - 1)}…` : clean;
}

export function invalidPrincipalSentence(text: string): string {
  return i18n.t('menu.notPrincipal', { text: shownText(text) });
}
