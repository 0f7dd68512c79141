import { i18n } from '#i18n';
import type { IssuedTap } from '@/utils/graph/types';
import { formatDateTime, localTimeZone, passEnd } from './format-pass';

export const SECURITY_INFO_URL = 'https://aka.ms/mysecurityinfo';

type Validity = Pick<IssuedTap, 'startDateTime' | 'lifetimeInMinutes' | 'isUsableOnce'>;

/** The catalogue keys the user's instructions are written with: the same in every language's catalogue. */
export type InstructionKey =
  | 'pass.instructions.value'
  | 'pass.instructions.validity'
  | 'pass.instructions.validityNoZone'
  | 'pass.instructions.once'
  | 'pass.instructions.reusable'
  | 'pass.instructions.signIn';

/**
 * The language the instructions are written in: the browser's catalogue (i18n.t, the reader's date format) by default,
 * or another shipped language's catalogue and date format (utils/ui/instructions-language.ts).
 */
export interface InstructionsLanguage {
  t: (key: InstructionKey, substitutions?: Record<string, string>) => string;
  /** BCP 47 tag for the dates; undefined: the reader's own. */
  locale?: string;
}

/** i18n.t over the instruction keys (each key's placeholders are filled by the sentence functions below). */
const adminT = i18n.t as (key: InstructionKey, substitutions?: Record<string, string>) => string;

export const ADMIN_LANGUAGE: InstructionsLanguage = { t: (key, substitutions) => adminT(key, substitutions) };

/** "Valid from … until … (Europe/Berlin)." */
export function validitySentence(tap: Validity, language: InstructionsLanguage = ADMIN_LANGUAGE): string {
  const zone = localTimeZone();
  const start = formatDateTime(tap.startDateTime, language.locale);
  const end = formatDateTime(passEnd(tap.startDateTime, tap.lifetimeInMinutes), language.locale);
  return zone
    ? language.t('pass.instructions.validity', { start, end, zone })
    : language.t('pass.instructions.validityNoZone', { start, end });
}

export function usageSentence(tap: Validity, language: InstructionsLanguage = ADMIN_LANGUAGE): string {
  return language.t(tap.isUsableOnce ? 'pass.instructions.once' : 'pass.instructions.reusable');
}

export function signInSentence(userPrincipalName: string, language: InstructionsLanguage = ADMIN_LANGUAGE): string {
  return language.t('pass.instructions.signIn', { url: SECURITY_INFO_URL, user: userPrincipalName });
}

/** The short message an admin sends the user along with their pass. */
export function buildInstructions(
  tap: IssuedTap,
  userPrincipalName: string,
  language: InstructionsLanguage = ADMIN_LANGUAGE,
): string {
  return [
    language.t('pass.instructions.value', { pass: tap.temporaryAccessPass }),
    validitySentence(tap, language),
    usageSentence(tap, language),
    signInSentence(userPrincipalName, language),
  ].join('\n');
}
