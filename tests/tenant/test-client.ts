/** Test-only HTTPS client for the tenant: trusts its generated certificate, sends the Host header, no redirects followed. */
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:https';
import { checkServerIdentity } from 'node:tls';
import { APP, EXTENSION_SCOPES } from './seed';
import type { Tenant } from './server';

export const EXTENSION_ORIGIN = `chrome-extension://${APP.extensionId}`;

export interface TestResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  json<T = Record<string, unknown>>(): T;
}

export interface TestRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | object;
}

export function call(tenant: Tenant, url: string, init: TestRequest = {}): Promise<TestResponse> {
  const target = new URL(url);
  const body = init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
  const headers: Record<string, string> = { host: target.hostname, ...(init.headers ?? {}) };
  if (typeof init.body === 'object' && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json';
  }
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: tenant.port,
        servername: target.hostname === '127.0.0.1' ? undefined : target.hostname,
        ca: tenant.certificate,
        // Verify the certificate against the URL's host, whatever Host header the test sends.
        checkServerIdentity: (_host, cert) => checkServerIdentity(target.hostname, cert),
        method: init.method ?? 'GET',
        path: target.pathname + target.search,
        headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const flat = Object.fromEntries(
            Object.entries(res.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)]),
          );
          resolve({ status: res.statusCode ?? 0, headers: flat, text, json: <T>() => JSON.parse(text) as T });
        });
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export const GRAPH = 'https://graph.microsoft.com/v1.0';
export const LOGIN = `https://login.microsoftonline.com/${APP.tenantDomain}`;
/** The US Government cloud's Graph root (graph.microsoft.us). */
export const GRAPH_USGOV = 'https://graph.microsoft.us/v1.0';

export function graph(tenant: Tenant, token: string, path: string, init: TestRequest = {}): Promise<TestResponse> {
  return call(tenant, `${GRAPH}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) } });
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export const DEFAULT_SCOPES = [
  ...EXTENSION_SCOPES.map((scope) => `https://graph.microsoft.com/${scope}`),
  'openid',
  'profile',
  'offline_access',
];

export function authorizeUrl(params: Record<string, string>, login = LOGIN): string {
  const query = new URLSearchParams({
    client_id: APP.clientId,
    redirect_uri: APP.redirectUri,
    response_type: 'code',
    response_mode: 'fragment',
    scope: DEFAULT_SCOPES.join(' '),
    state: 'state-123',
    nonce: 'nonce-456',
    code_challenge_method: 'S256',
    client_info: '1',
    ...params,
  });
  return `${login}/oauth2/v2.0/authorize?${query}`;
}

export function fragmentOf(location: string | undefined): URLSearchParams {
  return new URLSearchParams((location ?? '').split('#')[1] ?? '');
}

export function ctxOf(html: string): string {
  const match = /name="ctx" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error(`no ctx in page: ${html.slice(0, 300)}`);
  return match[1];
}

export function form(tenant: Tenant, url: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return call(tenant, url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

export function redeem(tenant: Tenant, fields: Record<string, string>, origin: string | null = EXTENSION_ORIGIN, login = LOGIN) {
  return form(tenant, `${login}/oauth2/v2.0/token`, { client_id: APP.clientId, ...fields }, origin ? { origin } : {});
}

export interface SignedIn {
  accessToken: string;
  refreshToken: string;
  idToken: string;
  cookie: string;
  body: Record<string, unknown>;
}

/**
 * The whole interactive flow: authorize → pick the account (→ accept consent) → code → token. `login`: the authority
 * (https://login.microsoftonline.us/<tenant> for the US Gov directory).
 */
export async function signIn(
  tenant: Tenant,
  userId: string,
  scopes: string[] = DEFAULT_SCOPES,
  login = LOGIN,
): Promise<SignedIn> {
  const { verifier, challenge } = pkcePair();
  const scope = scopes.join(' ');
  const picker = await call(tenant, authorizeUrl({ code_challenge: challenge, scope, prompt: 'select_account' }, login));
  let answer = await form(tenant, `${login}/login`, { ctx: ctxOf(picker.text), userId });
  const cookie = (answer.headers['set-cookie'] ?? '').split(';')[0] ?? '';
  if (answer.status === 200)
    answer = await form(tenant, `${login}/consent`, { ctx: ctxOf(answer.text), action: 'accept' }, { cookie });
  const code = fragmentOf(answer.headers.location).get('code');
  if (!code) throw new Error(`no code: ${answer.status} ${answer.headers.location} ${answer.text.slice(0, 300)}`);
  const token = await redeem(
    tenant,
    { grant_type: 'authorization_code', code, redirect_uri: APP.redirectUri, code_verifier: verifier, scope },
    EXTENSION_ORIGIN,
    login,
  );
  const body = token.json();
  if (token.status !== 200) throw new Error(`token failed: ${token.text}`);
  return {
    accessToken: String(body.access_token),
    refreshToken: String(body.refresh_token),
    idToken: String(body.id_token),
    cookie,
    body,
  };
}

export function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}
