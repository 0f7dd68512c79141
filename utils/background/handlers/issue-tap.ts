import { i18n } from '#i18n';
import { PERMISSION_FOR } from '../../auth/scopes';
import { toErrorInfo } from '../../graph/error-info';
import { AppError, GraphError } from '../../graph/errors';
import { validateIssueOptions } from '../../graph/policy';
import { readUntil } from '../../graph/settle';
import { createPass, isNewPass, listPasses } from '../../graph/tap';
import type { IssuedTap, TapMethod, TapPolicy } from '../../graph/types';
import type { HistoryResult, HistorySource } from '../../history/types';
import type { ErrorInfo, IssueOptions, TenantView } from '../../messages';
import { boundUserId, type HandlerContext } from '../handler-context';
import { failedResult, historySource, historyTenant, historyUser, recordQuietly } from '../history-record';
import type { ResolvedUser } from '../issue-guard';
import { panelTenant } from '../panel-tenant';
import type { BackgroundServices } from '../services';

type IssueRequest = { userId: string; attemptId: string; options: IssueOptions };

const notResolved = new AppError({
  kind: 'invalidInput',
  message: i18n.t('background.issue.notResolved'),
});

const issuingInList = new AppError({
  kind: 'invalidInput',
  message: i18n.t('background.issue.inBulk'),
});

const attemptUsed = new AppError({
  kind: 'invalidInput',
  message: i18n.t('background.issue.attemptUsed'),
});

/** No answer, or a server error, to the POST: Graph may or may not have created the pass, so the user's passes are read. */
const isAmbiguous = (e: unknown) => e instanceof GraphError && (e.status === 0 || e.status >= 500);

/**
 * The sentences of a lost answer to the POST, after the bounded re-reads of the user's passes. Read once from the
 * catalogue (the browser's language doesn't change while the worker runs): issueResultOf compares a message with them.
 */
export const RECONCILE_MESSAGES = {
  created: i18n.t('background.issue.reconcileCreated'),
  notSeen: i18n.t('background.issue.reconcileNotSeen'),
  unchecked: i18n.t('background.issue.reconcileUnchecked'),
} as const;

/**
 * Issues one pass for the panel's bound user: exactly one POST, never repeated; a lost answer is reconciled by reading
 * the user's passes (a few times: a new pass can take a while to show). Whatever the outcome, the user's shared first
 * view is read again next time.
 */
export async function issueTap(req: IssueRequest, services: BackgroundServices, ctx: HandlerContext): Promise<IssuedTap> {
  // The frame's tenant, checked again at the click (never the wrong directory), read while the binding is checked.
  const tenantCheck = panelTenant(ctx.binding, services);
  tenantCheck.catch(() => undefined); // awaited below, after the binding's own refusal
  const userId = await boundUserId(ctx, services, req.userId);
  const tenant = await tenantCheck;
  if (services.guard.issuing(userId) === 'bulk') throw issuingInList;
  const joined = services.guard.joining(userId);
  if (joined) return joined; // a double click or a repeated message: same promise, same pass
  return services.guard.track(
    userId,
    runIssue({ ...req, userId }, services, { tenant, source: historySource(ctx) }).finally(() =>
      services.panelLoads.invalidate(userId),
    ),
  );
}

/** A lost answer the re-reads settled (a pass was created) counts as done; one they couldn't settle, as unknown. */
function issueResultOf(e: unknown): HistoryResult {
  if (e instanceof AppError && e.info.kind === 'ambiguous') {
    return e.info.message === RECONCILE_MESSAGES.created ? { status: 'done' } : { status: 'unknown', message: e.info.message };
  }
  return failedResult(e);
}

async function runIssue(
  { userId, attemptId, options }: IssueRequest,
  services: BackgroundServices,
  where: { tenant: TenantView | null; source: HistorySource },
): Promise<IssuedTap> {
  // Read together: a click's attempt id is spent even when the user turns out unresolved (the next click has a new one).
  const [resolved, fresh, policy] = await Promise.all([
    services.guard.resolved(userId),
    services.guard.consumeAttempt(attemptId),
    services.policyStore.getValue(),
  ]);
  if (!resolved) throw notResolved;
  if (!fresh) throw attemptUsed;
  // Built from named fields only: the Graph answer (which holds the pass) never reaches the history.
  const record = (result: HistoryResult) =>
    recordQuietly(services, {
      action: resolved.passId ? 'replace' : 'issue',
      user: historyUser(resolved),
      tenant: historyTenant(where.tenant),
      options,
      result,
      source: where.source,
    });
  try {
    const issued = await issueOnce(resolved, options, policy?.policy ?? null, services);
    record({ status: 'done' });
    return issued;
  } catch (e) {
    record(issueResultOf(e));
    throw e;
  }
}

async function issueOnce(
  resolved: ResolvedUser,
  options: IssueOptions,
  policy: TapPolicy | null,
  services: BackgroundServices,
): Promise<IssuedTap> {
  validateIssueOptions(options, policy, services.now());
  if (!services.isOnline()) {
    throw new AppError({
      kind: 'offline',
      message: i18n.t('background.issue.offline'),
    });
  }
  const startedAt = services.now();
  try {
    const issued = await createPass(services.graph, resolved.id, options);
    void services.guard.recordResolved(resolved.id, issued.id); // the pass goes back now; the record follows
    services.log(`issueTap: pass created for ${resolved.id}`);
    // Graph created it but says the policy doesn't let the user sign in with it: the cached policy was wrong about them.
    if (issued.methodUsabilityReason === 'DisabledByPolicy') await services.policyStore.setValue(null);
    return issued;
  } catch (e) {
    const info = toErrorInfo(e, {
      action: 'issue',
      permission: PERMISSION_FOR.writeTap,
      grantedScopes: services.graph.grantedScopes(),
      ...(resolved.external && { targetExternal: resolved.external }),
    });
    // The cached policy was wrong about this user or these bounds: the next panel reads it again.
    if (info.kind === 'policyBlocked' || info.kind === 'lifetimeOutOfRange') await services.policyStore.setValue(null);
    if (!isAmbiguous(e)) throw new AppError(info);
    services.log(`issueTap: no answer to the POST (${(e as GraphError).code}); reconciling`);
    throw await reconcile(services, resolved.id, resolved.passId, startedAt, e as GraphError, info);
  }
}

async function reconcile(
  services: BackgroundServices,
  userId: string,
  previousPassId: string | null,
  startedAt: number,
  cause: GraphError,
  causeInfo: ErrorInfo,
): Promise<AppError> {
  const requestId = cause.requestId ?? cause.clientRequestId;
  const ids = requestId ? { requestId } : {};
  const isNew = (pass: TapMethod | null): pass is TapMethod => isNewPass(pass, previousPassId, startedAt);
  const outcome = await readUntil(() => listPasses(services.graph, userId), isNew, { wait: services.wait });
  services.log(`issueTap: reconciled in ${outcome.reads} read(s): ${outcome.seen ? 'created' : 'not seen'}`);
  if (outcome.seen && outcome.last) {
    await services.guard.recordResolved(userId, outcome.last.id);
    return new AppError({ kind: 'ambiguous', message: RECONCILE_MESSAGES.created, ...ids });
  }
  if (!outcome.readOnce) return new AppError({ kind: 'ambiguous', message: RECONCILE_MESSAGES.unchecked, ...ids });
  // A server error keeps its own sentence (and stays safe to retry: a new pass would replace any created one).
  if (cause.status >= 500) return new AppError(causeInfo);
  return new AppError({ kind: 'ambiguous', message: RECONCILE_MESSAGES.notSeen, ...ids });
}
