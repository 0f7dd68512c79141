import { i18n } from '#i18n';
import type { HistoryAction, HistoryResult } from './types';

/** What happened and how it ended, as the history table names them. */
export const ACTION_WORDS: Record<HistoryAction, string> = {
  issue: i18n.t('history.action.issue'),
  replace: i18n.t('history.action.replace'),
  revoke: i18n.t('history.action.revoke'),
};

export const RESULT_WORDS: Record<HistoryResult['status'], string> = {
  done: i18n.t('history.result.done'),
  failed: i18n.t('history.result.failed'),
  unknown: i18n.t('history.result.unknown'),
};
