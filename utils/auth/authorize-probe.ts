/**
 * Does the authorization endpoint accept this app registration and redirect URI? One GET of
 * /{tenant}/oauth2/v2.0/authorize with prompt=none and no cookies (entra-docs v2-oauth2-auth-code-flow.md "Request an
 * authorization code"; OIDC Core 3.1.2.6): Entra checks the client id and the redirect URI before anything else, and
 * then, with no session to use, redirects to that URI with error=login_required. A redirect therefore means the URI is
 * registered (on some platform); an error page instead carries the AADSTS code (50011: not registered; 700016: no such
 * app; 90002 / 900023: no such directory). Nothing is signed in and no code is issued.
 *
 * A sign-in window would show such an error page to the admin and never come back, so the setup check asks first.
 */
import { authorityFor, cloudOf } from '../clouds';
import type { EntraSettings } from '../storage';

export type AuthorizeProbe =
  | { kind: 'accepted' }
  | { kind: 'refused'; code: string }
  | { kind: 'unreachable' }
  | { kind: 'unexpected'; status: number };

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

export async function probeAuthorize(
  deps: { fetch: typeof fetch; redirectUri: string },
  settings: Pick<EntraSettings, 'clientId' | 'tenantId' | 'cloud'>,
): Promise<AuthorizeProbe> {
  const verifier = crypto.getRandomValues(new Uint8Array(32));
  const challenge = new Uint8Array(await crypto.subtle.digest('SHA-256', verifier));
  const query = new URLSearchParams({
    client_id: settings.clientId,
    response_type: 'code',
    redirect_uri: deps.redirectUri,
    response_mode: 'fragment',
    scope: 'openid',
    prompt: 'none',
    state: base64url(crypto.getRandomValues(new Uint8Array(16))),
    code_challenge: base64url(challenge),
    code_challenge_method: 'S256',
  });
  const url = `${authorityFor(encodeURIComponent(settings.tenantId), cloudOf(settings))}/oauth2/v2.0/authorize?${query}`;
  let response: Response;
  try {
    // manual: the redirect is the answer, not something to follow (an extension page's origin can't be fetched anyway).
    response = await deps.fetch(url, { redirect: 'manual', credentials: 'omit', cache: 'no-store' });
  } catch {
    return { kind: 'unreachable' };
  }
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) return { kind: 'accepted' };
  const page = (await response.text().catch(() => '')).slice(0, 65_536);
  const code = /AADSTS(\d+)/.exec(page)?.[1];
  return code ? { kind: 'refused', code: `AADSTS${code}` } : { kind: 'unexpected', status: response.status };
}
