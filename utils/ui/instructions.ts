import type { IssuedTap } from '@/utils/graph/types';
import { formatDateTime, localTimeZone, passEnd } from './format-pass';

export const SECURITY_INFO_URL = 'https://aka.ms/mysecurityinfo';

type Validity = Pick<IssuedTap, 'startDateTime' | 'lifetimeInMinutes' | 'isUsableOnce'>;

/** "Valid from … until … (Europe/Berlin)." */
export function validitySentence(tap: Validity): string {
  const zone = localTimeZone();
  return `Valid from ${formatDateTime(tap.startDateTime)} until ${formatDateTime(passEnd(tap.startDateTime, tap.lifetimeInMinutes))}${zone ? ` (${zone})` : ''}.`;
}

export function usageSentence(tap: Validity): string {
  return tap.isUsableOnce ? 'It works for one sign-in only.' : 'You can use it more than once until it expires.';
}

export function signInSentence(userPrincipalName: string): string {
  return `Go to ${SECURITY_INFO_URL}, sign in as ${userPrincipalName} and enter the pass when asked, then set up your sign-in methods.`;
}

/** The short message an admin sends the user along with their pass. */
export function buildInstructions(tap: IssuedTap, userPrincipalName: string): string {
  return [
    `Your Temporary Access Pass: ${tap.temporaryAccessPass}`,
    validitySentence(tap),
    usageSentence(tap),
    signInSentence(userPrincipalName),
  ].join('\n');
}
