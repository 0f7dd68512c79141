/** login.microsoftonline.com and login.microsoftonline.us (the directory chosen per request: runtime.ts requestView) */
import { type HttpReply, htmlReply, type IncomingCall, isPreflight, preflightReply, redirectReply, textReply } from '../http';
import type { TenantRuntime } from '../runtime';
import {
  handleAccountPicked,
  handleAdminConsent,
  handleAuthorize,
  handleBlockedContinue,
  handleConsentAnswer,
  handleMfaAnswer,
} from './authorize';
import { instanceDiscovery, keys, openIdConfiguration } from './discovery';
import { signedOutPage } from './pages';
import { clearedSessionCookie, currentSession } from './session';
import { handleToken } from './token-endpoint';

export function handleLogin(runtime: TenantRuntime, call: IncomingCall): HttpReply {
  if (isPreflight(call)) return preflightReply(call);
  const segments = call.url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const [tenant = '', ...rest] = segments;
  const route = `${call.method} /${rest.join('/')}`;
  if (tenant === 'common' && route === 'GET /discovery/instance') return instanceDiscovery(runtime, call);
  switch (route) {
    case 'GET /v2.0/.well-known/openid-configuration':
      return openIdConfiguration(runtime, call, tenant);
    case 'GET /discovery/v2.0/keys':
    case 'GET /discovery/keys':
      return keys(runtime, call);
    case 'GET /oauth2/v2.0/authorize':
      return handleAuthorize(runtime, call, tenant);
    case 'POST /login':
      return handleAccountPicked(runtime, new URLSearchParams(call.body));
    case 'POST /consent':
      return handleConsentAnswer(runtime, call, new URLSearchParams(call.body));
    case 'POST /mfa':
      return handleMfaAnswer(runtime, call, new URLSearchParams(call.body));
    case 'POST /blocked':
      return handleBlockedContinue(runtime, call, new URLSearchParams(call.body));
    case 'GET /adminconsent':
    case 'GET /v2.0/adminconsent':
      return handleAdminConsent(runtime, call, tenant);
    case 'POST /oauth2/v2.0/token':
      return handleToken(runtime, call, tenant);
    case 'GET /oauth2/v2.0/logout':
      return logout(runtime, call);
    default:
      return textReply(404, 'Not found');
  }
}

function logout(runtime: TenantRuntime, call: IncomingCall): HttpReply {
  const session = currentSession(runtime, call);
  if (session) delete runtime.state.sessions[session.id];
  const next = call.url.searchParams.get('post_logout_redirect_uri');
  const cookie = { 'set-cookie': clearedSessionCookie() };
  return next ? redirectReply(next, cookie) : htmlReply(200, signedOutPage(), cookie);
}
