import { storage } from '#imports';
import type { GuardState } from './issue-guard';

/** Resolved user ids and consumed attemptIds; session-only, never a pass value. */
export const issueGuardItem = storage.defineItem<GuardState | null>('session:tapIssueGuard', { fallback: null });
