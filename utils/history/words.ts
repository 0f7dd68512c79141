import type { HistoryAction, HistoryResult } from './types';

/** What happened and how it ended, as the history's views name them. Alone in their module: the popup loads it. */
export const ACTION_WORDS: Record<HistoryAction, string> = { issue: 'Issued', replace: 'Replaced', revoke: 'Revoked' };

export const RESULT_WORDS: Record<HistoryResult['status'], string> = { done: 'Done', failed: 'Failed', unknown: 'Unknown' };
