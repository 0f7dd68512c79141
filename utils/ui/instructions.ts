import type { IssuedTap } from '@/utils/graph/types';
import { formatDateTime, localTimeZone, passEnd } from './format';

export const SECURITY_INFO_URL = 'https://aka.ms/mysecurityinfo';

/** The short message an admin sends the user along with their pass. */
export function buildInstructions(tap: IssuedTap, userPrincipalName: string): string {
  const zone = localTimeZone();
  const window = `Valid from ${formatDateTime(tap.startDateTime)} until ${formatDateTime(passEnd(tap.startDateTime, tap.lifetimeInMinutes))}${zone ? ` (${zone})` : ''}.`;
  const use = tap.isUsableOnce ? 'It works for one sign-in only.' : 'You can use it more than once until it expires.';
  return [
    `Your Temporary Access Pass: ${tap.temporaryAccessPass}`,
    window,
    use,
    `Go to ${SECURITY_INFO_URL}, sign in as ${userPrincipalName} and enter the pass when asked, then set up your sign-in methods.`,
  ].join('\n');
}
