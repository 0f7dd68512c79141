import type { HistoryEntry } from './types';

export interface HistoryQuery {
  /** Matches the user's display name, UPN or object id, or the result's sentence, case-insensitively. */
  text?: string;
  /** Only this user's entries (object id). */
  userId?: string;
}

const searchable = (entry: HistoryEntry): string[] => {
  const { displayName, userPrincipalName, id } = entry.user;
  return entry.result.status === 'done'
    ? [displayName, userPrincipalName, id]
    : [displayName, userPrincipalName, id, entry.result.message];
};

export function queryHistory(entries: readonly HistoryEntry[], query: HistoryQuery): HistoryEntry[] {
  const needle = query.text?.trim().toLowerCase() ?? '';
  const userId = query.userId?.toLowerCase();
  return entries.filter((entry) => {
    if (userId && entry.user.id.toLowerCase() !== userId) return false;
    if (!needle) return true;
    return searchable(entry).some((field) => field.toLowerCase().includes(needle));
  });
}
