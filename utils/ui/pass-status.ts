import { i18n } from '#i18n';
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
      return { label: i18n.t('pass.status.used'), tone: 'off' };
    case 'DisabledByPolicy':
      return { label: i18n.t('pass.status.blockedByPolicy'), tone: 'off' };
    case 'Expired':
      return { label: i18n.t('pass.status.expired'), tone: 'off' };
    case 'NotYetValid':
      if (now < start) return { label: i18n.t('pass.status.notYetValid', { date: formatDateTime(start) }), tone: 'pending' };
      break;
  }
  if (now >= end) return { label: i18n.t('pass.status.expired'), tone: 'off' };
  // A start a moment ahead of this page's clock is not "not yet valid" when Graph already says the pass is usable.
  return pass.isUsable || pass.methodUsabilityReason === 'EnabledByPolicy' || pass.methodUsabilityReason === 'NotYetValid'
    ? { label: i18n.t('pass.status.active'), tone: 'ok' }
    : { label: i18n.t('pass.status.notUsable'), tone: 'off' };
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
      if (policy?.state === 'disabled') return i18n.t('pass.unusable.policyOff');
      if (policy?.isUsableOnce && !pass.isUsableOnce) return i18n.t('pass.unusable.onlyOneTime');
      return i18n.t('pass.unusable.notIncluded');
    case 'Expired':
      return i18n.t('pass.unusable.expired');
    case 'OneTimeUsed':
      return i18n.t('pass.unusable.used');
    default:
      return null;
  }
}
