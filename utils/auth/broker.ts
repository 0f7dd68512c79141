import {
  type AccountInfo,
  type AuthenticationResult,
  CacheLookupPolicy,
  type Configuration,
  InteractionRequiredAuthError,
  LogLevel,
  type PublicClientApplication,
  type RedirectRequest,
} from '@azure/msal-browser';
import { authorityFor, cloudOf, scopeForCloud } from '../clouds';
import { matchesSignInText } from '../graph/error-rules';
import type { EntraSettings } from '../storage';
import { NotConfiguredError, SignInRequiredError, WrongTenantError } from './errors';

/**
 * "CP1": this client handles claims challenges, so Graph may revoke its tokens at once through continuous access
 * evaluation instead of letting them live out their hour (entra-docs claims-challenge.md "Client capabilities").
 */
const CLIENT_CAPABILITIES = ['CP1'];

import type { TenantIdResolver } from './tenant-id';

/** The part of MSAL's PublicClientApplication the broker uses (a fake in unit tests). */
export type MsalClient = Pick<
  PublicClientApplication,
  | 'initialize'
  | 'handleRedirectPromise'
  | 'acquireTokenRedirect'
  | 'acquireTokenSilent'
  | 'getActiveAccount'
  | 'getAllAccounts'
  | 'getAccount'
  | 'setActiveAccount'
  | 'clearCache'
>;

export interface WebAuthFlowDetails {
  url: string;
  interactive: boolean;
  abortOnLoadForNonInteractive?: boolean;
  timeoutMsForNonInteractive?: number;
}

export interface AuthBrokerDeps {
  loadSettings(): Promise<EntraSettings | null>;
  /** identity.getRedirectURL(): https://<id>.chromiumapp.org/ in Chromium. */
  redirectUri: string;
  launchWebAuthFlow(details: WebAuthFlowDetails): Promise<string | undefined>;
  createMsalClient(config: Configuration): MsalClient;
  /** Installs the MSAL shim and loads the persisted cache; called before the first client is built. */
  prepare(): Promise<unknown>;
  /** Waits until MSAL's cache writes reached storage. */
  flush(): Promise<void>;
  /** Drops MSAL's persisted cache (sign-out, settings change). */
  wipe(): Promise<void>;
  /** The directory's object id (GUID) for a configured tenant id or verified domain (OpenID discovery). */
  tenantIds: Pick<TenantIdResolver, 'resolve' | 'known'>;
  /**
   * The directory the admin switched to (GUID or domain) when it isn't the configured one, kept across worker restarts;
   * null: the configured tenant. Dropped when the app registration changes.
   */
  actingTenant?: { getValue(): Promise<string | null>; setValue(value: string | null): Promise<void> };
  silentFlowTimeoutMs?: number;
  log?(message: string): void;
}

export interface TokenResult {
  accessToken: string;
  /** Scopes the token actually carries (to tell a missing consent from a missing role). */
  scopes: string[];
  account: AccountInfo;
  /** Epoch ms the access token expires (0 when MSAL did not say). */
  expiresAt: number;
}

export interface GetTokenOptions {
  /** True only when a person clicked something: may open the sign-in window. */
  interactive?: boolean;
  /**
   * A claims request from a claims challenge (Graph's 401 WWW-Authenticate, entra-docs claims-challenge.md): skips every
   * cached token and is sent with the refresh, the silent and, if it comes to that, the interactive request.
   */
  claims?: string;
  /**
   * Through the authorization endpoint now (prompt=none, then a window if `interactive`), never from the cache or a
   * refresh token: a new code redeemed from this browser proves the redirect URI and its platform work today (the setup
   * check). The token it gets is cached as usual.
   */
  viaAuthorize?: boolean;
  /**
   * Never a cached access token: the refresh token is redeemed now, so the answer carries what is consented now (a
   * token issued before consent was withdrawn keeps its scopes until it expires).
   */
  fresh?: boolean;
  /**
   * The directory (GUID or domain) to get the token in; absent: the acting tenant (the one switched to, else the
   * configured one). Another directory than the configured one uses a tenanted authority and that tenant's profile of
   * the same account (msal-js multi-tenant-accounts.md).
   */
  tenant?: string;
}

export interface AuthBroker {
  getToken(scopes: string[], options?: GetTokenOptions): Promise<TokenResult>;
  /** Interactive sign-in (from a click). */
  signIn(scopes: string[]): Promise<AccountInfo>;
  signOut(): Promise<void>;
  /** The signed-in account without any network call, or null. */
  account(): Promise<AccountInfo | null>;
  settings(): Promise<EntraSettings | null>;
  /** The configured tenant's object id, when already known (no network call). */
  knownTenantId(): Promise<string | null>;
  /** Any tenant's directory id (GUID) for its id or domain (OpenID discovery, cached). */
  resolveTenantId(tenant: string): Promise<string>;
  /** The app registration changed: forget the MSAL instance and its cache. */
  settingsChanged(): Promise<void>;
  /** The directory tokens are for now (GUID or domain): the one switched to, else the configured one; null unconfigured. */
  actingTenant(): Promise<string | null>;
  /**
   * Gets a token in another directory for the same account (silently when the app and the account allow it, else a
   * sign-in window with the account as login hint when `interactive`) and makes it the acting tenant.
   */
  switchTenant(tenant: string, scopes: string[], options?: { interactive?: boolean }): Promise<AccountInfo>;
}

/** MSAL answers that mean "a silent step can't do it, try the next one". */
const NEEDS_NEXT_STEP =
  /no_tokens_found|refresh_token_expired|token_refresh_required|invalid_grant|bad_token|interaction_required|login_required|consent_required|no_account/i;

/** Entra's answers for "the app lacks (admin) consent for a scope it asks for". */
const CONSENT_MISSING = /AADSTS65001|AADSTS90094|AADSTS90095|AADSTS90008|consent_required/i;

/**
 * The app registration itself refuses this browser (entra-docs reference-error-codes.md): the redirect URI only under
 * Web (9002326) or missing (50011), no such app (700016) or directory (90002, 900023). A sign-in window would fail the
 * same way, so none is opened.
 */
const REGISTRATION_REFUSES = /AADSTS9002326|AADSTS50011|AADSTS700016|AADSTS90002|AADSTS900023/i;

/** Conditional Access blocks: signing in again in this browser can't help, so Entra's answer is kept for its sentence. */
const CONDITIONAL_ACCESS_BLOCK = /AADSTS53000|AADSTS53001|AADSTS53002|AADSTS53003|AADSTS530032/i;

/** Conditional Access asks for more than a silent sign-in can give: kept as the reason the admin must sign in again. */
const SIGN_IN_AGAIN_REASONS: readonly [RegExp, SignInRequiredError['reason']][] = [
  [/AADSTS50076|AADSTS50079|AADSTS50074/, 'mfa'],
  [/AADSTS70043|AADSTS70044/, 'signInFrequency'],
];

const errorText = (e: unknown): string => {
  const err = e as { errorCode?: string; subError?: string; name?: string; message?: string } | null;
  return `${err?.errorCode ?? err?.name ?? ''} ${err?.subError ?? ''} ${err?.message ?? ''}`;
};

/** An account id (object id) of the signed-in admin. */
export const accountObjectId = (account: AccountInfo): string =>
  (account.idTokenClaims?.oid as string | undefined) ?? account.localAccountId;

/**
 * MSAL in the background. Token order: cached access token -> refresh token -> prompt=none in a hidden
 * web-auth flow -> interactive web-auth flow, the last only when the caller says a person asked for it.
 * MSAL's own popup and hidden-iframe paths are never used (no DOM here; chromiumapp.org pages never load).
 */
export function createAuthBroker(deps: AuthBrokerDeps): AuthBroker {
  const log = deps.log ?? (() => {});
  const isChromium = new URL(deps.redirectUri).hostname.endsWith('.chromiumapp.org');
  let instance: { key: string; ready: Promise<MsalClient> } | undefined;
  let capture: ((url: string) => void) | undefined;
  const interactiveInFlight = new Map<string, Promise<TokenResult>>();

  // MSAL allows one redirect-style interaction at a time and `capture` is shared: one web-auth flow at a time.
  let flowQueue: Promise<unknown> = Promise.resolve();
  const serialized = <T>(run: () => Promise<T>): Promise<T> => {
    const next = flowQueue.then(run, run);
    flowQueue = next.catch(() => undefined);
    return next;
  };

  // handleRedirectPromise memoizes per hash, so each clean-up needs a hash never used before.
  const clearInteraction = (pca: MsalClient) =>
    pca
      .handleRedirectPromise({ hash: `#msal_cleanup=${crypto.randomUUID()}`, navigateToLoginRequestUrl: false })
      .catch(() => null);

  async function build(settings: EntraSettings): Promise<MsalClient> {
    await deps.prepare();
    const pca = deps.createMsalClient({
      auth: {
        clientId: settings.clientId,
        authority: authorityFor(settings.tenantId, cloudOf(settings)),
        redirectUri: deps.redirectUri,
        postLogoutRedirectUri: deps.redirectUri,
        clientCapabilities: CLIENT_CAPABILITIES,
        // Returning false tells MSAL not to navigate: the URL goes to launchWebAuthFlow instead.
        onRedirectNavigate: (url) => {
          capture?.(url);
          capture = undefined;
          return false;
        },
      },
      cache: { cacheLocation: 'sessionStorage' },
      system: {
        loggerOptions: {
          logLevel: LogLevel.Warning,
          piiLoggingEnabled: false,
          loggerCallback: (_level, message, containsPii) => {
            if (!containsPii) log(`[msal] ${message}`);
          },
        },
      },
    });
    await pca.initialize();
    await clearInteraction(pca); // a new worker instance has nothing in flight: drop stale interaction state
    return pca;
  }

  async function client(): Promise<{ pca: MsalClient; settings: EntraSettings }> {
    const settings = await deps.loadSettings();
    if (!settings?.clientId || !settings.tenantId) throw new NotConfiguredError();
    const key = `${settings.clientId}|${settings.tenantId}|${cloudOf(settings).name}`;
    if (!instance || instance.key !== key) {
      if (instance) await deps.wipe(); // another app or tenant: the old cache must not leak into it
      const ready = build(settings);
      instance = { key, ready };
      ready.catch(() => {
        if (instance?.ready === ready) instance = undefined;
      });
    }
    return { pca: await instance.ready, settings };
  }

  /**
   * A tenanted authority should only ever answer for its own directory; the token is checked anyway, so an account of
   * another directory (a misrouted sign-in, a wrong domain in the options) never acts here. Its cache entry is dropped.
   */
  async function verifyTenant(pca: MsalClient, result: AuthenticationResult, tenant: string): Promise<void> {
    const expected = await deps.tenantIds.resolve(tenant);
    const actual = (result.account.tenantId || (result.idTokenClaims as { tid?: string } | undefined)?.tid || '').toLowerCase();
    if (actual === expected) return;
    await pca.clearCache({ account: result.account }).catch(() => undefined);
    await deps.flush();
    throw new WrongTenantError(actual || 'unknown', tenant);
  }

  async function webAuthFlow(
    pca: MsalClient,
    tenant: string,
    request: RedirectRequest,
    interactive: boolean,
  ): Promise<AuthenticationResult> {
    const url = await new Promise<string>((resolve, reject) => {
      capture = resolve;
      pca.acquireTokenRedirect(request).catch((e: unknown) => {
        capture = undefined;
        reject(e);
      });
    });
    let responseUrl: string | undefined;
    try {
      responseUrl = await deps.launchWebAuthFlow({
        url,
        interactive,
        // Chromium only (Firefox rejects unknown keys): let the IdP finish SSO with a script redirect.
        ...(!interactive &&
          isChromium && { abortOnLoadForNonInteractive: false, timeoutMsForNonInteractive: deps.silentFlowTimeoutMs ?? 10_000 }),
      });
      if (!responseUrl) throw new Error('The sign-in window returned no answer.');
    } catch (e) {
      await clearInteraction(pca); // window closed, UI needed, or timed out
      throw e;
    }
    const answer = new URL(responseUrl);
    const hash = `#${answer.hash.slice(1) || answer.search.slice(1)}`;
    let result: AuthenticationResult | null;
    try {
      result = await pca.handleRedirectPromise({ hash, navigateToLoginRequestUrl: false });
    } catch (e) {
      await clearInteraction(pca);
      throw e;
    }
    if (!result) throw new Error('The sign-in answer had no token.');
    await verifyTenant(pca, result, tenant);
    pca.setActiveAccount(result.account);
    await deps.flush();
    return result;
  }

  const runFlow = (pca: MsalClient, tenant: string, request: RedirectRequest, interactive: boolean) =>
    serialized(() => webAuthFlow(pca, tenant, request, interactive));

  // The hot path (every panel view, every issue) skips MSAL's cache walk and storage flush while the token is fresh.
  const hotTokens = new Map<string, { token: TokenResult; expiresAt: number }>();
  /** Bumped by sign-out and settings changes: a token requested before the bump is never kept. */
  let generation = 0;
  const HOT_TOKEN_MARGIN_MS = 5 * 60_000;
  const hotKey = (account: AccountInfo, tenant: string, scopes: string[]) =>
    `${instance?.key}|${tenant}|${account.homeAccountId}|${[...scopes].sort().join(' ')}`;

  const toToken = (r: AuthenticationResult): TokenResult => ({
    accessToken: r.accessToken,
    scopes: r.scopes,
    account: r.account,
    expiresAt: r.expiresOn?.getTime() ?? 0,
  });

  const currentAccount = (pca: MsalClient): AccountInfo | null => pca.getActiveAccount() ?? pca.getAllAccounts()[0] ?? null;

  const actingTenantOf = async (settings: EntraSettings): Promise<string> =>
    (await deps.actingTenant?.getValue().catch(() => null)) ?? settings.tenantId;

  /**
   * Where a token for `tenant` comes from. The configured tenant: the MSAL instance's own authority and the signed-in
   * account, as always. Another directory: its tenanted authority and the account's profile in that tenant, or, before
   * one is cached, the same account with that tenant's id. MSAL looks access tokens up by the account's tenantId before
   * the authority's (msal-common SilentFlowClient), so the home account alone would get the home tenant's token back.
   */
  async function target(
    pca: MsalClient,
    settings: EntraSettings,
    tenant: string,
  ): Promise<{ account: AccountInfo | null; authority?: string }> {
    const base = currentAccount(pca);
    if (tenant.toLowerCase() === settings.tenantId.toLowerCase()) {
      // The configured tenant: its profile of the account when another tenant's profile is the active one.
      const homeTid = base && (await deps.tenantIds.known(settings.tenantId));
      if (!base || !homeTid || base.tenantId?.toLowerCase() === homeTid) return { account: base };
      return { account: pca.getAccount({ homeAccountId: base.homeAccountId, tenantId: homeTid }) ?? base };
    }
    const tid = await deps.tenantIds.resolve(tenant);
    const authority = authorityFor(tenant, cloudOf(settings));
    if (!base) return { account: null, authority };
    const profile =
      pca.getAccount({ homeAccountId: base.homeAccountId, tenantId: tid }) ??
      (base.tenantId?.toLowerCase() === tid ? base : { ...base, tenantId: tid, idTokenClaims: undefined, idToken: undefined });
    return { account: profile, authority };
  }

  /**
   * Claims still to satisfy: from a Graph claims challenge, or from Entra's MFA interrupt on a refresh
   * (InteractionRequiredAuthError.claims). Kept until a token is issued, so the sign-in a person clicks later carries them
   * (msal-js claims-challenge.md: pass the claims to the interactive request).
   */
  let pendingClaims: string | undefined;
  const rememberClaims = (e: unknown) => {
    const claims = (e as { claims?: unknown } | null)?.claims;
    if (typeof claims === 'string' && claims) pendingClaims = claims;
  };
  const signInAgain = (e: unknown, fallback: string): SignInRequiredError => {
    const text = errorText(e);
    const reason = SIGN_IN_AGAIN_REASONS.find(([pattern]) => pattern.test(text))?.[1];
    return new SignInRequiredError(fallback, reason);
  };

  async function getToken(scopes: string[], options: GetTokenOptions = {}): Promise<TokenResult> {
    const started = generation;
    const { pca, settings } = await client();
    const tenant = options.tenant ?? (await actingTenantOf(settings));
    const account = currentAccount(pca);
    if (options.claims) {
      pendingClaims = options.claims;
      hotTokens.clear(); // every token issued before the challenge is refused now
    }
    const hot =
      account && !pendingClaims && !options.viaAuthorize && !options.fresh && hotTokens.get(hotKey(account, tenant, scopes));
    if (hot && hot.expiresAt - Date.now() > HOT_TOKEN_MARGIN_MS) return hot.token;
    const token = await acquireToken(pca, settings, tenant, scopes, options);
    pendingClaims = undefined;
    if (started !== generation) {
      // Signed out (or the app registration changed) while this token was on its way: MSAL has just written the
      // account back, so forget it again rather than undo the sign-out.
      await pca.clearCache().catch(() => undefined);
      await deps.wipe();
      throw new SignInRequiredError('signed out during the request');
    }
    hotTokens.set(hotKey(account ?? token.account, tenant, scopes), { token, expiresAt: token.expiresAt });
    return token;
  }

  async function acquireToken(
    pca: MsalClient,
    settings: EntraSettings,
    tenant: string,
    canonicalScopes: string[],
    { interactive = false, viaAuthorize = false, fresh = false }: GetTokenOptions,
  ): Promise<TokenResult> {
    // A scope that names Graph's host must name the cloud's own (graph-docs sdks/national-clouds.md "Permission scopes").
    const scopes = canonicalScopes.map((scope) => scopeForCloud(scope, cloudOf(settings)));
    const { account, authority } = await target(pca, settings, tenant);
    const at = authority ? { authority } : {};
    // Taken now: another request that gets its token meanwhile clears pendingClaims, and this one must keep them.
    const claims = pendingClaims;
    if (account && !viaAuthorize) {
      try {
        // With claims MSAL skips the cached access token and redeems the refresh token with them.
        const result = await pca.acquireTokenSilent({
          scopes,
          account,
          ...at,
          cacheLookupPolicy: claims || fresh ? CacheLookupPolicy.RefreshToken : CacheLookupPolicy.AccessTokenAndRefreshToken,
          ...(claims && { claims }),
        });
        if (authority) await verifyTenant(pca, result, tenant);
        await deps.flush();
        return toToken(result);
      } catch (e) {
        if (e instanceof WrongTenantError) throw e;
        log(`silent token failed: ${(e as { errorCode?: string }).errorCode ?? (e as Error).name}`);
        rememberClaims(e);
        if (CONDITIONAL_ACCESS_BLOCK.test(errorText(e))) throw e;
        if (!(e instanceof InteractionRequiredAuthError) && !NEEDS_NEXT_STEP.test(errorText(e))) throw e;
      }
    }
    if (account) {
      const withClaims = pendingClaims ?? claims; // the silent step may have learnt them (MFA interrupt on the refresh)
      // A sign-in window is open: a hidden flow would only queue behind it, so a panel would wait as long as the
      // person takes. It says "sign in" at once instead (its click joins the window already open).
      if (!interactive && interactiveInFlight.size > 0) throw new SignInRequiredError('a sign-in window is open');
      try {
        // SSO through the Entra session cookie
        const request: RedirectRequest = {
          scopes,
          account,
          prompt: 'none',
          ...at,
          ...(withClaims && { claims: withClaims }),
        };
        return toToken(await runFlow(pca, tenant, request, false));
      } catch (e) {
        log(`prompt=none failed: ${(e as { errorCode?: string }).errorCode ?? (e as Error).name}`);
        if (e instanceof WrongTenantError || REGISTRATION_REFUSES.test(errorText(e))) throw e;
        if (!interactive) {
          // Missing admin consent or a Conditional Access block is not an ended session: signing in again can't fix
          // it, so keep Entra's answer for its sentence.
          if (CONSENT_MISSING.test(errorText(e)) || CONDITIONAL_ACCESS_BLOCK.test(errorText(e))) throw e;
          // The identity API's texts (no code): error-rules.ts SIGN_IN_TEXT_RULES names their sources.
          if (NEEDS_NEXT_STEP.test(errorText(e)) || matchesSignInText('needsWindow', errorText(e)))
            throw signInAgain(e, 'session expired');
          throw e;
        }
      }
    } else if (!interactive) {
      throw new SignInRequiredError('no account');
    }
    const key = `${tenant}|${scopes.join(' ')}`;
    let pending = interactiveInFlight.get(key);
    if (!pending) {
      const interactiveClaims = pendingClaims ?? claims;
      const request: RedirectRequest = {
        ...(account ? { scopes, account, loginHint: account.username } : { scopes, prompt: 'select_account' }),
        ...at,
        ...(interactiveClaims && { claims: interactiveClaims }),
      };
      pending = runFlow(pca, tenant, request, true)
        .then(toToken)
        .finally(() => interactiveInFlight.delete(key));
      interactiveInFlight.set(key, pending);
    }
    return pending;
  }

  return {
    getToken,
    async signIn(scopes) {
      return (await getToken(scopes, { interactive: true })).account;
    },
    async signOut() {
      generation++;
      hotTokens.clear();
      const settings = await deps.loadSettings();
      if (settings?.clientId && settings.tenantId) {
        const { pca } = await client();
        await pca.clearCache();
      }
      await deps.actingTenant?.setValue(null);
      await deps.wipe();
      await deps.flush();
    },
    async account() {
      try {
        return currentAccount((await client()).pca);
      } catch (e) {
        if (e instanceof NotConfiguredError) return null;
        throw e;
      }
    },
    settings: () => deps.loadSettings(),
    async knownTenantId() {
      const settings = await deps.loadSettings();
      return settings?.tenantId ? deps.tenantIds.known(settings.tenantId) : null;
    },
    resolveTenantId: (tenant) => deps.tenantIds.resolve(tenant),
    async actingTenant() {
      const settings = await deps.loadSettings();
      return settings?.clientId && settings.tenantId ? actingTenantOf(settings) : null;
    },
    async switchTenant(tenant, scopes, { interactive = false } = {}) {
      const { pca, settings } = await client();
      const token = await getToken(scopes, { tenant, interactive });
      const home = tenant.toLowerCase() === settings.tenantId.toLowerCase();
      await deps.actingTenant?.setValue(home ? null : tenant.toLowerCase());
      pca.setActiveAccount(token.account);
      await deps.flush();
      return token.account;
    },
    async settingsChanged() {
      generation++;
      hotTokens.clear();
      await deps.actingTenant?.setValue(null);
      instance = undefined;
      await deps.wipe();
    },
  };
}
