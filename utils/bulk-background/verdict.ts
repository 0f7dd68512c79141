import { i18n } from '#i18n';
import { PERMISSION_FOR } from '../auth/scopes';
import { twoSentences } from '../background/sentence-join';
import { evaluateEligibility } from '../graph/eligibility';
import { type GraphAction, toErrorInfo } from '../graph/error-info';
import type { GraphError } from '../graph/errors';
import { ALL_USERS, targetGroupIds } from '../graph/policy';
import type { TargetUser } from '../graph/types';
import type { BulkCheckRow } from '../messages';
import type { SharedView } from './shared-reads';
import type { UserRead } from './user-reads';

export interface VerdictContext {
  shared: SharedView;
  /** Object id of the signed-in admin. */
  adminId: string | null;
  grantedScopes: readonly string[];
}

/**
 * Said after the panel's warning when a list skips the row. The panel only warns (excluded, not included, disabled
 * account): Graph creates a pass the user can't sign in with, and the admin clicked Issue knowing it. A list decides for
 * dozens of rows at once, so it skips them instead: handing out passes that can't work, unseen in a long table, is worse
 * than one the admin issues knowingly from the user's panel.
 */
export const LIST_SKIPS_SENTENCE = i18n.t('background.bulk.listSkips');

type Named = Pick<TargetUser, 'displayName' | 'userPrincipalName'>;

const nameOf = (user: Named) => user.displayName || user.userPrincipalName || i18n.t('background.bulk.thisUser');

export const replaceSentence = (user: Named) => i18n.t('background.bulk.replace', { user: nameOf(user) });

const groupsUnreadableSentence = (user: Named) => i18n.t('background.bulk.groupsUnreadable', { user: nameOf(user) });

const passUnreadableSentence = (user: Named, why: string) =>
  i18n.t('background.bulk.passUnreadable', { user: nameOf(user), why });

export const duplicateSentence = (user: Named, firstRef: string) =>
  i18n.t('background.bulk.duplicate', { user: nameOf(user), ref: firstRef });

/** Whether the verdict on the policy's targets needs the user's groups (evaluateEligibility claims nothing without them). */
function policyNeedsGroups(shared: SharedView): boolean {
  const policy = shared.policy.policy;
  if (policy?.state !== 'enabled') return false;
  return targetGroupIds(policy).length > 0 || !policy.includeTargets.some((t) => t.id === ALL_USERS);
}

function failure(error: GraphError, action: GraphAction, permission: string, context: VerdictContext): string {
  return toErrorInfo(error, { action, permission, grantedScopes: context.grantedScopes }).message;
}

/** One row's verdict, with the panel's reasons and sentences (evaluateEligibility); pure. */
export function bulkVerdict(read: UserRead, context: VerdictContext): BulkCheckRow {
  const { ref } = read;
  if (!read.user.ok) {
    const sentence = failure(read.user.error, 'readUser', PERMISSION_FOR.readUser, context);
    return { ref, verdict: 'skip', reason: read.user.error.status === 404 ? 'notFound' : 'error', sentence };
  }
  const user = read.user.value;
  const row = { ref, user: { id: user.id, displayName: user.displayName, userPrincipalName: user.userPrincipalName } };
  const { shared, adminId } = context;
  const target = read.memberships.ok ? read.memberships.value : null;
  const eligibility = evaluateEligibility({
    user,
    adminId,
    policy: shared.policy.policy,
    policyGroups: shared.policy.groups,
    target,
    admin: shared.admin,
  });
  const [refusal] = eligibility.reasons;
  if (refusal) return { ...row, verdict: 'skip', reason: refusal.reason, sentence: refusal.sentence };
  if (!target && policyNeedsGroups(shared)) {
    return { ...row, verdict: 'skip', reason: 'error', sentence: groupsUnreadableSentence(user) };
  }
  if (!read.pass.ok) {
    const why = failure(read.pass.error, 'readMethods', PERMISSION_FOR.readMethods, context);
    return { ...row, verdict: 'skip', reason: 'error', sentence: passUnreadableSentence(user, why) };
  }
  const [warning] = eligibility.warnings;
  if (warning) {
    return { ...row, verdict: 'skip', reason: warning.reason, sentence: twoSentences(warning.sentence, LIST_SKIPS_SENTENCE) };
  }
  const current = read.pass.value;
  if (!current) return { ...row, verdict: 'issue' };
  const { id, startDateTime, lifetimeInMinutes, isUsableOnce } = current;
  return {
    ...row,
    verdict: 'replace',
    sentence: replaceSentence(user),
    currentPass: { id, startDateTime, lifetimeInMinutes, isUsableOnce },
  };
}

/** A user named twice in one list (an object id and a UPN): the second line is skipped, never a second pass. */
export function skipRepeats(rows: BulkCheckRow[]): BulkCheckRow[] {
  const firstRef = new Map<string, string>();
  return rows.map((row) => {
    if (!row.user || row.verdict === 'skip') return row;
    const key = row.user.id.toLowerCase();
    const first = firstRef.get(key);
    if (first === undefined) {
      firstRef.set(key, row.ref);
      return row;
    }
    const { currentPass: _dropped, ...rest } = row;
    return { ...rest, verdict: 'skip', reason: 'error', sentence: duplicateSentence(row.user, first) };
  });
}
