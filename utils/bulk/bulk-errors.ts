/** What a bulk message's failure means for its rows, in sentences that fit this page (it must not be closed). */
import { i18n } from '#i18n';
import type { ErrorInfo, ErrorKind } from '../messages';
import { errorInfoOf } from '../send-request';

/** The check message failed as a whole: nothing was issued, so trying again is always safe. */
export function checkFailure(error: unknown): ErrorInfo {
  const info = errorInfoOf(error);
  if (info.kind !== 'unknown') return info;
  // The shared helper's sentence says to close the page; here that would only lose the list.
  return { ...info, message: i18n.t('bulk.errors.checkNoAnswer') };
}

/** The background refuses these before it issues anything (the request, the sign-in, the directory). */
const REFUSED_BEFORE_ACTING = new Set<ErrorKind>([
  'notConfigured',
  'signedOut',
  'consentRequired',
  'conditionalAccess',
  'invalidInput',
  'wrongTenant',
  'unbound',
]);

export const LOST_ANSWER = i18n.t('bulk.errors.lostAnswer');

/** The issue message failed as a whole: refused before acting, or (anything else) it may have acted. */
export function issueFailure(error: unknown): { status: 'failed' | 'unknown'; error: ErrorInfo } {
  const info = errorInfoOf(error);
  if (REFUSED_BEFORE_ACTING.has(info.kind)) return { status: 'failed', error: info };
  return { status: 'unknown', error: { ...info, kind: 'ambiguous', message: LOST_ANSWER } };
}

/** Failures worth issuing again for (the admin decides; never automatic): passing, or fixed by signing in again. */
const RETRYABLE = new Set<ErrorKind>([
  'throttled',
  'offline',
  'serverError',
  'ambiguous',
  'cancelled',
  'signedOut',
  'consentRequired',
  'conditionalAccess',
  'unknown',
]);

export const canIssueAgain = (error: ErrorInfo): boolean => RETRYABLE.has(error.kind);
