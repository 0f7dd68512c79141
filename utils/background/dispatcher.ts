import { PERMISSION_FOR } from '../auth/scopes';
import { type ErrorContext, type GraphAction, toErrorInfo } from '../graph/error-info';
import type { Reply, Request, RequestMap, RequestType } from '../messages';
import { issueTap } from './handlers/issue-tap';
import { openPanelWindow } from './handlers/open-panel-window';
import { getPanelState } from './handlers/panel-state';
import { enablePolicy, getPolicy } from './handlers/policy';
import { revokeTap } from './handlers/revoke-tap';
import { getSession, signIn, signOut } from './handlers/session';
import { type MessageSender, parseRequest, type Self } from './parse-request';
import type { BackgroundServices } from './services';

type Handler<T extends RequestType> = (req: RequestMap[T]['req'], services: BackgroundServices) => Promise<RequestMap[T]['res']>;

const HANDLERS: { [K in RequestType]: Handler<K> } = {
  getSession,
  signIn,
  signOut,
  getPanelState,
  issueTap,
  revokeTap,
  getPolicy,
  enablePolicy,
  openPanelWindow,
};

/** What each request does, for the 403/404 sentences. */
const CONTEXT: Partial<Record<RequestType, { action: GraphAction; permission?: string }>> = {
  signIn: { action: 'signIn' },
  getPanelState: { action: 'readUser', permission: PERMISSION_FOR.readUser },
  issueTap: { action: 'issue', permission: PERMISSION_FOR.writeTap },
  revokeTap: { action: 'revoke', permission: PERMISSION_FOR.writeTap },
  getPolicy: { action: 'readPolicy', permission: PERMISSION_FOR.readPolicy },
  enablePolicy: { action: 'writePolicy', permission: PERMISSION_FOR.writePolicy },
};

export async function handleRequest(request: Request, services: BackgroundServices): Promise<Reply> {
  const { type, ...req } = request;
  try {
    const handler = HANDLERS[type] as Handler<typeof type>;
    return { ok: true, data: await handler(req as RequestMap[typeof type]['req'], services) };
  } catch (err) {
    const ctx: ErrorContext = { ...CONTEXT[type], grantedScopes: services.graph.grantedScopes(), isOnline: services.isOnline };
    const error = toErrorInfo(err, ctx);
    services.log(`${type} failed: ${error.kind}${error.status ? ` ${error.status}` : ''}${error.code ? ` ${error.code}` : ''}`);
    return { ok: false, error };
  }
}

/**
 * The runtime.onMessage listener body: validates, runs the handler, and always answers a Reply (never throws).
 * Returns undefined for messages that aren't ours, so another listener can answer them.
 */
export function createDispatcher(services: BackgroundServices, self: Self) {
  return (msg: unknown, sender: MessageSender): Promise<Reply> | undefined => {
    const parsed = parseRequest(msg, sender, self);
    if (parsed.ok === 'ignore') return undefined;
    if (!parsed.ok) return Promise.resolve({ ok: false, error: parsed.error });
    return handleRequest(parsed.request, services);
  };
}
