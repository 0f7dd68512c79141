import { PERMISSION_FOR } from '../../auth/scopes';
import { toErrorInfo } from '../../graph/error-info';
import { AppError, GraphError } from '../../graph/errors';
import { validateIssueOptions } from '../../graph/policy';
import { createPass, listPasses } from '../../graph/tap';
import type { IssuedTap } from '../../graph/types';
import type { ErrorInfo, IssueOptions } from '../../messages';
import { boundUserId, type HandlerContext } from '../handler-context';
import type { BackgroundServices } from '../services';

type IssueRequest = { userId: string; attemptId: string; options: IssueOptions };

const notResolved = new AppError({
  kind: 'invalidInput',
  message: "This user hasn't been looked up in this session. Close the panel and open it again, then issue the pass.",
});

const attemptUsed = new AppError({
  kind: 'invalidInput',
  message:
    'This click was already handled, so no second pass was issued. Check the panel, then click Issue TAP again if you need a new pass.',
});

/** No answer, or a server error, to the POST: Graph may or may not have created the pass, so the user's passes are read. */
const isAmbiguous = (e: unknown) => e instanceof GraphError && (e.status === 0 || e.status >= 500);

/**
 * Issues one pass for the panel's bound user: exactly one POST, never repeated; a lost answer is reconciled by reading
 * the user's passes. Whatever the outcome, the user's shared first view is read again next time.
 */
export async function issueTap(req: IssueRequest, services: BackgroundServices, ctx: HandlerContext): Promise<IssuedTap> {
  const userId = await boundUserId(ctx, services, req.userId);
  const joined = services.guard.joining(userId);
  if (joined) return joined; // a double click or a repeated message: same promise, same pass
  return services.guard.track(
    userId,
    runIssue({ ...req, userId }, services).finally(() => services.panelLoads.invalidate(userId)),
  );
}

async function runIssue({ userId, attemptId, options }: IssueRequest, services: BackgroundServices): Promise<IssuedTap> {
  const resolved = await services.guard.resolved(userId);
  if (!resolved) throw notResolved;
  if (!(await services.guard.consumeAttempt(attemptId))) throw attemptUsed;
  const policy = (await services.policyStore.getValue())?.policy ?? null;
  validateIssueOptions(options, policy, services.now());
  if (!services.isOnline()) {
    throw new AppError({
      kind: 'offline',
      message: 'You appear to be offline. Nothing was issued; check your connection and try again.',
    });
  }
  const startedAt = services.now();
  try {
    const issued = await createPass(services.graph, resolved.id, options);
    void services.guard.recordResolved(resolved.id, issued.id); // the pass goes back now; the record follows
    services.log(`issueTap: pass created for ${resolved.id}`);
    return issued;
  } catch (e) {
    const info = toErrorInfo(e, {
      action: 'issue',
      permission: PERMISSION_FOR.writeTap,
      grantedScopes: services.graph.grantedScopes(),
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
  try {
    const pass = await listPasses(services.graph, userId);
    // A new id means a new pass (Graph replaces the old one); without a known previous pass, go by creation time.
    const created =
      !!pass && (previousPassId ? pass.id !== previousPassId : Date.parse(pass.createdDateTime) >= startedAt - 2 * 60_000);
    if (created && pass) await services.guard.recordResolved(userId, pass.id);
    // A server error that provably created nothing keeps its own sentence (and stays safe to retry).
    if (!created && cause.status >= 500) return new AppError(causeInfo);
    return new AppError({
      kind: 'ambiguous',
      message: created
        ? "A Temporary Access Pass was created, but the connection dropped before its value arrived, so it can't be shown. Issue a new pass (it replaces this one) to get a value you can give the user."
        : 'The connection dropped before Microsoft Graph created a pass, so nothing was issued. It’s safe to try again.',
      ...(requestId && { requestId }),
    });
  } catch {
    return new AppError({
      kind: 'ambiguous',
      message:
        "The connection dropped while issuing, and the extension couldn't check whether a pass was created. Reopen the panel to see the user's current pass before issuing again.",
      ...(requestId && { requestId }),
    });
  }
}
