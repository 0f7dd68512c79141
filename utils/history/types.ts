import type { ErrorKind } from '../messages';

export type HistoryAction = 'issue' | 'replace' | 'revoke';
/** panel: a portal frame; window: the background's panel window; bulk: the bulk page. */
export type HistorySource = 'panel' | 'window' | 'bulk';

export type HistoryResult =
  | { status: 'done' }
  | { status: 'failed'; kind: ErrorKind; message: string }
  /** The answer was lost and reading the user's passes couldn't tell whether Graph acted. */
  | { status: 'unknown'; message: string };

export interface HistoryUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
}

/** The directory the action acted in. */
export interface HistoryTenant {
  id: string;
  name: string;
}

/** What an issue asked for (never what Graph answered: the answer holds the pass). */
export interface HistoryIssueOptions {
  lifetimeInMinutes?: number;
  isUsableOnce?: boolean;
  startDateTime?: string;
}

/** What a caller records: everything but the id and the time, which the history adds. */
export interface HistoryRecord {
  action: HistoryAction;
  user: HistoryUser;
  tenant: HistoryTenant | null;
  /** Issue and replace only. */
  options?: HistoryIssueOptions;
  result: HistoryResult;
  source: HistorySource;
}

/** One stored line of the local history. Never a pass value: see toHistoryEntry, an explicit allow-list. */
export interface HistoryEntry extends HistoryRecord {
  id: string;
  /** ISO 8601. */
  when: string;
}

export interface HistorySettings {
  enabled: boolean;
  retentionDays: number;
  maxEntries: number;
}

export const DEFAULT_HISTORY_SETTINGS: HistorySettings = { enabled: true, retentionDays: 90, maxEntries: 1000 };
export const HISTORY_DAYS_BOUNDS = { min: 1, max: 3650 } as const;
export const HISTORY_ENTRIES_BOUNDS = { min: 10, max: 10_000 } as const;
