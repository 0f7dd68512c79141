import { i18n } from '#i18n';
import { AppError } from '../graph/errors';
import type { HistoryRecord, HistoryResult, HistorySource, HistoryTenant, HistoryUser } from '../history/types';
import type { TenantView } from '../messages';
import type { HandlerContext } from './handler-context';
import type { ResolvedUser } from './issue-guard';
import type { BackgroundServices } from './services';

/** Where a panel's action came from: a portal frame or one of the background's windows. */
export function historySource(ctx: HandlerContext): HistorySource {
  const claim = ctx.binding?.claim;
  if (claim?.kind === 'user') return claim.context === 'window' ? 'window' : 'panel';
  return ctx.caller.kind === 'panelWindow' ? 'window' : 'panel';
}

export const historyUser = (resolved: ResolvedUser): HistoryUser => ({
  id: resolved.id,
  displayName: resolved.displayName ?? resolved.id,
  userPrincipalName: resolved.userPrincipalName ?? '',
});

export const historyTenant = (tenant: TenantView | null): HistoryTenant | null =>
  tenant ? { id: tenant.id, name: tenant.name } : null;

/** A failure as the history keeps it: its kind and sentence. */
export function failedResult(e: unknown): HistoryResult {
  if (e instanceof AppError) return { status: 'failed', kind: e.info.kind, message: e.info.message };
  return { status: 'failed', kind: 'unknown', message: i18n.t('background.history.failed') };
}

/** Records without holding up the reply; a history that can't be written never fails the action. */
export function recordQuietly(services: Pick<BackgroundServices, 'history' | 'log'>, record: HistoryRecord): void {
  // After the reply is on its way: the history's storage reads and writes never sit between Graph's answer and the panel.
  setTimeout(() => {
    services.history.record(record).catch(() => services.log(`history: the ${record.action} could not be recorded`));
  }, 0);
}
