import { i18n } from '#i18n';
import { PERMISSION_FOR } from '../auth/scopes';
import { type ErrorContext, type GraphAction, toErrorInfo } from '../graph/error-info';
import type { ErrorInfo, Reply, Request, RequestMap, RequestType } from '../messages';
import type { HandlerContext } from './handler-context';
import { bulkCheck } from './handlers/bulk-check';
import { bulkIssue } from './handlers/bulk-issue';
import { claimPanel } from './handlers/claim-panel';
import { clearClipboard } from './handlers/clipboard';
import { introduceFrame, releaseFrame } from './handlers/frames';
import { clearHistory, getHistory } from './handlers/history';
import { issueTap } from './handlers/issue-tap';
import { openInWindow, openPanelWindow } from './handlers/open-panel-window';
import { getPanelState } from './handlers/panel-state';
import { enablePolicy, getPolicy } from './handlers/policy';
import { getProfiles } from './handlers/profiles';
import { revokeTap } from './handlers/revoke-tap';
import { getSession, signIn, signOut, switchTenant } from './handlers/session';
import { checkSetup } from './handlers/setup-check';
import { withHelpLink, withSupportLine } from './help-links';
import { bindPanel } from './panel-binding';
import { parseRequest, requestTypeOf } from './parse-request';
import { type Caller, classifySender, type MessageSender, mayAsk, PANEL_BOUND, type Self } from './sender';
import type { BackgroundServices } from './services';

type Handler<T extends RequestType> = (
  req: RequestMap[T]['req'],
  services: BackgroundServices,
  ctx: HandlerContext,
) => Promise<RequestMap[T]['res']>;

const HANDLERS: { [K in RequestType]: Handler<K> } = {
  getSession,
  signIn,
  signOut,
  switchTenant,
  introduceFrame,
  releaseFrame,
  claimPanel,
  getPanelState,
  issueTap,
  revokeTap,
  getPolicy,
  enablePolicy,
  openPanelWindow,
  openInWindow,
  clearClipboard,
  checkSetup,
  getProfiles,
  getHistory,
  clearHistory,
  bulkCheck,
  bulkIssue,
};

/** What each request does, for the 403/404 sentences. */
const CONTEXT: Partial<Record<RequestType, { action: GraphAction; permission?: string }>> = {
  signIn: { action: 'signIn' },
  switchTenant: { action: 'signIn' },
  checkSetup: { action: 'signIn' },
  getPanelState: { action: 'readUser', permission: PERMISSION_FOR.readUser },
  issueTap: { action: 'issue', permission: PERMISSION_FOR.writeTap },
  revokeTap: { action: 'revoke', permission: PERMISSION_FOR.writeTap },
  getPolicy: { action: 'readPolicy', permission: PERMISSION_FOR.readPolicy },
  enablePolicy: { action: 'writePolicy', permission: PERMISSION_FOR.writePolicy },
  bulkCheck: { action: 'readUser', permission: PERMISSION_FOR.readUser },
  bulkIssue: { action: 'issue', permission: PERMISSION_FOR.writeTap },
};

const FORBIDDEN: ErrorInfo = { kind: 'forbidden', message: i18n.t('background.dispatcher.forbidden') };

/** Runs one validated request for a caller; a panel's request first resolves the panel's binding. */
export async function handleRequest(request: Request, services: BackgroundServices, caller: Caller): Promise<Reply> {
  const { type, ...fields } = request;
  try {
    const ctx: HandlerContext = { caller };
    let req: object = fields;
    if ((caller.kind === 'panelFrame' || caller.kind === 'panelWindow') && PANEL_BOUND.has(type)) {
      const { ticket, ...rest } = fields as { ticket?: string };
      ctx.binding = await bindPanel(caller, ticket, services);
      req = rest;
    }
    const handler = HANDLERS[type] as Handler<typeof type>;
    return { ok: true, data: await handler(req as RequestMap[typeof type]['req'], services, ctx) };
  } catch (err) {
    const ctx: ErrorContext = { ...CONTEXT[type], grantedScopes: services.graph.grantedScopes(), isOnline: services.isOnline };
    const settings = await services.broker.settings().catch(() => null);
    const organisation = await services.organisation().catch(() => ({ supportContact: undefined }));
    const error = withSupportLine(withHelpLink(toErrorInfo(err, ctx), settings, ctx.action), organisation.supportContact);
    services.log(`${type} failed: ${error.kind}${error.status ? ` ${error.status}` : ''}${error.code ? ` ${error.code}` : ''}`);
    return { ok: false, error };
  }
}

/**
 * The runtime.onMessage listener body: checks the sender may ask this, validates the shape, runs the handler, and always
 * answers a Reply (never throws). Returns undefined for messages that aren't ours, so another listener can answer them.
 */
export function createDispatcher(services: BackgroundServices, self: Self) {
  return (msg: unknown, sender: MessageSender): Promise<Reply> | undefined => {
    const type = requestTypeOf(msg);
    if (!type) return undefined;
    const caller = classifySender(sender, self);
    if (!caller || !mayAsk(caller, type)) {
      services.log(`${type} refused: sender ${caller?.kind ?? 'unknown'}`);
      return Promise.resolve({ ok: false, error: FORBIDDEN });
    }
    const parsed = parseRequest(msg);
    if (parsed.ok === 'ignore') return undefined;
    if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
    return handleRequest(parsed.request, services, caller);
  };
}
