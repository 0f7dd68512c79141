import type { HistoryEntry, HistoryIssueOptions, HistoryRecord, HistoryResult } from './types';

const MAX_TEXT = 400;
const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value.slice(0, MAX_TEXT) : fallback);

function optionsOf(options: HistoryIssueOptions): HistoryIssueOptions {
  return {
    ...(typeof options.lifetimeInMinutes === 'number' && { lifetimeInMinutes: options.lifetimeInMinutes }),
    ...(typeof options.isUsableOnce === 'boolean' && { isUsableOnce: options.isUsableOnce }),
    ...(typeof options.startDateTime === 'string' && { startDateTime: text(options.startDateTime) }),
  };
}

function resultOf(result: HistoryResult): HistoryResult {
  if (result.status === 'failed') return { status: 'failed', kind: result.kind, message: text(result.message) };
  if (result.status === 'unknown') return { status: 'unknown', message: text(result.message) };
  return { status: 'done' };
}

/**
 * The stored entry, copied field by field from an allow-list: a caller that hands over a Graph answer (which carries the
 * pass in temporaryAccessPass) or anything else extra still stores only these fields.
 */
export function toHistoryEntry(record: HistoryRecord, id: string, when: Date): HistoryEntry {
  const { user, tenant } = record;
  return {
    id,
    when: when.toISOString(),
    action: record.action,
    user: {
      id: text(user.id),
      displayName: text(user.displayName, text(user.id)),
      userPrincipalName: text(user.userPrincipalName),
    },
    tenant: tenant ? { id: text(tenant.id), name: text(tenant.name, text(tenant.id)) } : null,
    ...(record.action !== 'revoke' && record.options && { options: optionsOf(record.options) }),
    result: resultOf(record.result),
    source: record.source,
  };
}
