import type { HistoryAction } from './types';

/** What happened, as the history's views name it. Alone in its module: the popup loads it. */
export const ACTION_WORDS: Record<HistoryAction, string> = { issue: 'Issued', replace: 'Replaced', revoke: 'Revoked' };
