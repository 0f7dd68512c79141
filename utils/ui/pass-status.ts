import type { TapMethod, TapPolicy } from '@/utils/graph/types';
import { formatDateTime, passEnd } from './format-pass';

export type PassTone = 'ok' | 'pending' | 'off';

export interface PassStatus {
  label: string;
  tone: PassTone;
}

/** The current pass's state in plain words, from Graph's methodUsabilityReason (checked against the clock). */
export function describePassStatus(pass: TapMethod, now: number): PassStatus {
  const start = new Date(pass.startDateTime).getTime();
  const end = passEnd(pass.startDateTime, pass.lifetimeInMinutes);
  switch (pass.methodUsabilityReason) {
    case 'OneTimeUsed':
      return { label: 'Used', tone: 'off' };
    case 'DisabledByPolicy':
      return { label: 'Blocked by policy', tone: 'off' };
    case 'Expired':
      return { label: 'Expired', tone: 'off' };
    case 'NotYetValid':
      if (now < start) return { label: `Not yet valid — starts ${formatDateTime(start)}`, tone: 'pending' };
      break;
  }
  if (now >= end) return { label: 'Expired', tone: 'off' };
  // A start a moment ahead of this page's clock is not "not yet valid" when Graph already says the pass is usable.
  return pass.isUsable || pass.methodUsabilityReason === 'EnabledByPolicy' || pass.methodUsabilityReason === 'NotYetValid'
    ? { label: 'Active', tone: 'ok' }
    : { label: 'Not usable', tone: 'off' };
}

/**
 * Why a pass Graph reads as not usable can't be used to sign in, and what to do; null when it can be (or only starts
 * later: NotYetValid is the delayed start the admin chose). From methodUsabilityReason (graph-docs
 * temporaryaccesspassauthenticationmethod.md) and the causes the TAP how-to lists for "Temporary Access Pass sign in was
 * blocked due to User Credential Policy".
 */
export function unusableSentence(
  pass: Pick<TapMethod, 'isUsable' | 'isUsableOnce' | 'methodUsabilityReason'>,
  policy?: TapPolicy | null,
): string | null {
  switch (pass.methodUsabilityReason) {
    case 'DisabledByPolicy':
      if (policy?.state === 'disabled')
        return "The user can't sign in with this pass: the Temporary Access Pass policy is turned off. Once an Authentication Policy Administrator turns it on, the pass works until it expires.";
      if (policy?.isUsableOnce && !pass.isUsableOnce)
        return "The user can't sign in with this pass: it can be used more than once, and the policy now allows only one-time passes. Issue a one-time pass instead.";
      return "The user can't sign in with this pass: the Temporary Access Pass policy doesn't include them (or excludes them). Add the user to a group the policy includes, or take them out of its exclusions, and the pass works until it expires; otherwise revoke it.";
    case 'Expired':
      return "The user can't sign in with this pass any more: it has expired. Issue a new one if they still need it.";
    case 'OneTimeUsed':
      return "The user can't sign in with this pass again: it was for one sign-in, and it has been used. Issue a new one if they still need it.";
    default:
      return null;
  }
}
