import { AuthenticationHandler, AuthenticationHandlerOptions, Client, ResponseType } from '@microsoft/microsoft-graph-client';
import { GraphError, graphErrorFromResponse } from './errors';
import { BoundedRetryMiddleware, DEFAULT_RETRY, FetchMiddleware, RequestTrace, type RetryPolicy } from './middleware';

export interface AccessToken {
  accessToken: string;
  /** Scopes the token carries. */
  scopes: string[];
}

export interface GraphClientDeps {
  /** Returns a token for the scopes; `interactive` only for a request a person just asked for. */
  getToken(scopes: string[], interactive: boolean, claims?: string): Promise<AccessToken>;
  /** Scopes for ordinary calls. */
  defaultScopes: string[];
  fetch?: typeof fetch;
  /** https://graph.microsoft.com (or a national cloud's Graph host). */
  baseUrl?: string;
  /** v1.0, or beta where a cloud offers the TAP APIs only there (utils/clouds.ts). */
  version?: 'v1.0' | 'beta';
  timeoutMs?: number;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  /** Other scopes than the defaults (incremental consent). */
  scopes?: string[];
  interactive?: boolean;
}

export interface GraphClient {
  /** One Graph call; resolves with the parsed JSON (undefined for 204) or throws GraphError / the auth error. */
  request<T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T>;
  /** Scopes of the last token used (to tell "consent missing" from "role missing" on a 403). */
  grantedScopes(): readonly string[];
}

/**
 * Graph ends authentication-methods requests after 60 s (graph-docs: authenticationmethods-overview.md); waiting a
 * little longer means a reconciling read after a timeout sees what the server really did.
 */
export const GRAPH_TIMEOUT_MS = 65_000;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Graph through @microsoft/microsoft-graph-client with our own middleware chain: the library's
 * AuthenticationHandler (token from the broker), a bounded retry for reads only, and an injectable fetch.
 * Deliberately left out: the default RetryHandler (it can repeat a POST and waits as long as Graph says),
 * RedirectHandler (Graph does not redirect these calls) and TelemetryHandler (an SdkVersion header on every call).
 */
export function createGraphClient(deps: GraphClientDeps): GraphClient {
  const baseUrl = deps.baseUrl ?? 'https://graph.microsoft.com';
  let lastScopes: readonly string[] = [];

  const provider = (scopes: string[], interactive: boolean, trace: RequestTrace, claims?: string) => ({
    async getAccessToken(): Promise<string> {
      try {
        const token = await deps.getToken(scopes, interactive, claims);
        lastScopes = token.scopes;
        return token.accessToken;
      } catch (e) {
        trace.failure = e; // the library would wrap it; keep the original for toErrorInfo
        throw e;
      }
    },
  });

  const auth = new AuthenticationHandler(provider(deps.defaultScopes, false, new RequestTrace()));
  const retry = new BoundedRetryMiddleware(deps.retry ?? DEFAULT_RETRY, deps.sleep ?? defaultSleep);
  const fetcher = new FetchMiddleware(deps.fetch ?? ((input, init) => fetch(input, init)), deps.timeoutMs ?? GRAPH_TIMEOUT_MS);
  auth.setNext(retry);
  retry.setNext(fetcher);
  const client = Client.initWithMiddleware({
    middleware: auth,
    baseUrl: `${baseUrl}/`,
    defaultVersion: deps.version ?? 'v1.0',
    customHosts: new Set([new URL(baseUrl).hostname]),
  });

  async function request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    try {
      return await send<T>(method, path, options);
    } catch (e) {
      // A claims challenge refused the token before anything ran (401), so sending once more with a token that
      // satisfies the claims is safe for writes too (entra-docs claims-challenge.md). Only once: a second challenge
      // goes to the admin as a sign-in.
      const claims = e instanceof GraphError ? e.claimsChallenge : undefined;
      if (!claims) throw e;
      return send<T>(method, path, options, claims);
    }
  }

  async function send<T>(method: HttpMethod, path: string, options: RequestOptions, claims?: string): Promise<T> {
    const trace = new RequestTrace();
    const authOption = new AuthenticationHandlerOptions(
      provider(options.scopes ?? deps.defaultScopes, options.interactive ?? false, trace, claims),
    );
    const call = client.api(path).responseType(ResponseType.RAW).middlewareOptions([trace, authOption]);
    let response: Response;
    try {
      if (method === 'GET') response = await call.get();
      else if (method === 'POST') response = await call.post(options.body ?? {});
      else if (method === 'PATCH') response = await call.patch(options.body ?? {});
      else response = await call.delete();
    } catch (e) {
      throw trace.failure ?? e;
    }
    if (!response.ok) throw await graphErrorFromResponse(response);
    if (response.status === 204) return undefined as T;
    const raw = await response.text();
    return (raw ? JSON.parse(raw) : undefined) as T;
  }

  return { request, grantedScopes: () => lastScopes };
}
