/** The IdP's browser session (an ESTSAUTH-like cookie) that makes prompt=none and SSO work. */
import { type IncomingCall, parseCookies } from '../http';
import type { TenantRuntime } from '../runtime';
import type { IdpSession } from '../state';
import { newOpaqueId } from './tokens';

export const SESSION_COOKIE = 'ESTSAUTH';

export function currentSession(runtime: TenantRuntime, call: IncomingCall): IdpSession | null {
  const id = parseCookies(call)[SESSION_COOKIE];
  return (id && runtime.state.sessions[id]) || null;
}

export function startSession(runtime: TenantRuntime, userId: string): { session: IdpSession; cookie: string } {
  const session: IdpSession = { id: newOpaqueId(), userId, createdAt: Date.now() };
  runtime.state.sessions[session.id] = session;
  return { session, cookie: `${SESSION_COOKIE}=${session.id}; Path=/; Secure; HttpOnly; SameSite=None` };
}

export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; Path=/; Secure; HttpOnly; SameSite=None; Max-Age=0`;
}
