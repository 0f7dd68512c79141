import type { HistoryEntry } from './types';

export interface HistoryQuery {
  /** Matches the user's display name, UPN or object id, case-insensitively. */
  text?: string;
  /** Only this user's entries (object id). */
  userId?: string;
}

export function queryHistory(entries: readonly HistoryEntry[], query: HistoryQuery): HistoryEntry[] {
  const needle = query.text?.trim().toLowerCase() ?? '';
  const userId = query.userId?.toLowerCase();
  return entries.filter((entry) => {
    if (userId && entry.user.id.toLowerCase() !== userId) return false;
    if (!needle) return true;
    const { displayName, userPrincipalName, id } = entry.user;
    return [displayName, userPrincipalName, id].some((field) => field.toLowerCase().includes(needle));
  });
}
