import { type AccountInfo, type Configuration, InteractionRequiredAuthError } from '@azure/msal-browser';
import { describe, expect, it, vi } from 'vitest';
import { type AuthBrokerDeps, createAuthBroker, type MsalClient, type WebAuthFlowDetails } from '@/utils/auth/broker';
import { NotConfiguredError, SignInRequiredError, WrongTenantError } from '@/utils/auth/errors';

const SETTINGS = { clientId: '0e6c7f4a-8d5b-4c1e-9f3a-2b7d6e5c4a31', tenantId: '6b1a4ee4-3c35-4e8a-9a3d-0d1e5b2f7a10' };
const account = {
  homeAccountId: 'h',
  environment: 'e',
  tenantId: SETTINGS.tenantId,
  username: 'AlexW@contoso.onmicrosoft.com',
  localAccountId: 'oid',
} as AccountInfo;
const FABRIKAM = '7c2d5ff5-1111-4222-8333-944455556666';

interface FakeOptions {
  /** The directory the sign-in answers for (default: the configured one). */
  tokenTenant?: string;
  signedIn?: boolean;
  silent?: 'ok' | 'interaction';
  flow?: (details: WebAuthFlowDetails) => Promise<string | undefined>;
  /** Silent tokens answer for the directory of the account they were asked with (a tenant profile). */
  echoTenant?: boolean;
}

function setup(options: FakeOptions = {}) {
  const configs: Configuration[] = [];
  const flows: WebAuthFlowDetails[] = [];
  const requests: { prompt?: string; authority?: string }[] = [];
  const silentRequests: { authority?: string; account?: AccountInfo }[] = [];
  let acting: string | null = null;
  let active: AccountInfo | null = options.signedIn ? account : null;
  let settings: typeof SETTINGS | null = SETTINGS;
  let wipes = 0;
  const cleared: (AccountInfo | null | undefined)[] = [];
  const signedInAs = options.tokenTenant ? { ...account, tenantId: options.tokenTenant } : account;
  const token = (scopes: string[]) => ({ accessToken: 'at', scopes, account: signedInAs }) as never;
  const deps: AuthBrokerDeps = {
    loadSettings: async () => settings,
    redirectUri: 'https://bjppmkdmnkjkahflgkhdahmcejhldfnh.chromiumapp.org/',
    launchWebAuthFlow: async (details) => {
      flows.push(details);
      return options.flow ? options.flow(details) : 'https://bjppmkdmnkjkahflgkhdahmcejhldfnh.chromiumapp.org/#code=abc&state=s';
    },
    createMsalClient: (config) => {
      configs.push(config);
      const client: MsalClient = {
        initialize: async () => {},
        handleRedirectPromise: async (o) =>
          o?.hash?.startsWith('#code=') ? token(['https://graph.microsoft.com/User.Read']) : null,
        acquireTokenRedirect: async (request) => {
          requests.push(request as { prompt?: string });
          config.auth.onRedirectNavigate?.(
            `https://login.microsoftonline.com/${SETTINGS.tenantId}/oauth2/v2.0/authorize?prompt=${request.prompt ?? ''}`,
          );
        },
        acquireTokenSilent: async (request) => {
          silentRequests.push({ authority: request.authority, account: request.account });
          if (options.silent === 'interaction')
            throw new InteractionRequiredAuthError('interaction_required', 'needs interaction');
          if (options.echoTenant && request.account)
            return { accessToken: 'at', scopes: request.scopes, account: request.account } as never;
          return token(request.scopes);
        },
        getAccount: () => null,
        getActiveAccount: () => active,
        getAllAccounts: () => (active ? [active] : []),
        setActiveAccount: (a) => {
          active = a;
        },
        clearCache: async (request) => {
          cleared.push(request?.account);
          active = null;
        },
      };
      return client;
    },
    prepare: async () => {},
    flush: async () => {},
    wipe: async () => {
      wipes++;
    },
    tenantIds: {
      resolve: async (tenant) => (tenant === 'contoso.onmicrosoft.com' ? SETTINGS.tenantId : tenant),
      known: async (tenant) => (tenant === 'contoso.onmicrosoft.com' ? SETTINGS.tenantId : tenant),
    },
    actingTenant: {
      getValue: async () => acting,
      setValue: async (value) => {
        acting = value;
      },
    },
  };
  const broker = createAuthBroker(deps);
  return {
    broker,
    configs,
    flows,
    requests,
    setSettings: (s: typeof SETTINGS | null) => {
      settings = s;
    },
    wipes: () => wipes,
    cleared,
    silentRequests,
    acting: () => acting,
  };
}

describe('auth broker', () => {
  it('not configured -> NotConfiguredError', async () => {
    const t = setup();
    t.setSettings(null);
    await expect(t.broker.getToken(['s'])).rejects.toBeInstanceOf(NotConfiguredError);
  });

  it('builds MSAL with the tenant authority, sessionStorage cache and quiet logging', async () => {
    const t = setup({ signedIn: true });
    await t.broker.getToken(['s']);
    const config = t.configs[0];
    expect(config?.auth.authority).toBe(`https://login.microsoftonline.com/${SETTINGS.tenantId}`);
    expect(config?.auth.clientId).toBe(SETTINGS.clientId);
    expect(config?.cache?.cacheLocation).toBe('sessionStorage');
    expect(config?.system?.loggerOptions?.piiLoggingEnabled).toBe(false);
  });

  it('signed in: the silent path needs no window', async () => {
    const t = setup({ signedIn: true });
    await expect(t.broker.getToken(['s'])).resolves.toMatchObject({ accessToken: 'at' });
    expect(t.flows).toHaveLength(0);
  });

  it('no account and not interactive: SignInRequiredError, no window', async () => {
    const t = setup();
    await expect(t.broker.getToken(['s'])).rejects.toBeInstanceOf(SignInRequiredError);
    expect(t.flows).toHaveLength(0);
  });

  it('silent fails -> prompt=none in a non-interactive web-auth flow with the Chromium options', async () => {
    const t = setup({ signedIn: true, silent: 'interaction' });
    await t.broker.getToken(['s']);
    expect(t.requests[0]?.prompt).toBe('none');
    expect(t.flows[0]).toMatchObject({
      interactive: false,
      abortOnLoadForNonInteractive: false,
      timeoutMsForNonInteractive: 10_000,
    });
  });

  it('prompt=none fails and not interactive -> SignInRequiredError (never opens a window by itself)', async () => {
    const t = setup({
      signedIn: true,
      silent: 'interaction',
      flow: async () => {
        throw new Error('User interaction required.');
      },
    });
    await expect(t.broker.getToken(['s'])).rejects.toBeInstanceOf(SignInRequiredError);
    expect(t.flows.every((f) => !f.interactive)).toBe(true);
  });

  it('prompt=none refused for missing consent (AADSTS65001) -> Entra\'s error, not "signed out"', async () => {
    const t = setup({
      signedIn: true,
      silent: 'interaction',
      flow: async () => {
        throw new InteractionRequiredAuthError(
          'interaction_required',
          'correlation-id',
          "AADSTS65001: The user or administrator has not consented to use the application with ID 'x'.",
        );
      },
    });
    const failure = await t.broker.getToken(['s']).catch((e: unknown) => e);
    expect(failure).not.toBeInstanceOf(SignInRequiredError);
    expect(String((failure as Error).message)).toMatch(/AADSTS65001/);
    expect(t.flows.every((f) => !f.interactive)).toBe(true);
  });

  it('viaAuthorize: skips the cache and the refresh token for a new code through prompt=none', async () => {
    const t = setup({ signedIn: true });
    await expect(t.broker.getToken(['s'], { interactive: true, viaAuthorize: true })).resolves.toMatchObject({
      accessToken: 'at',
    });
    expect(t.requests.map((r) => r.prompt)).toEqual(['none']);
    expect(t.flows.map((f) => f.interactive)).toEqual([false]);
    // An ordinary request after it comes from the cache again.
    await t.broker.getToken(['s']);
    expect(t.flows).toHaveLength(1);
  });

  it('a registration that refuses this browser (AADSTS9002326) fails once: no window to fail the same way', async () => {
    const t = setup({
      signedIn: true,
      flow: async () => {
        throw new Error(
          'invalid_request: AADSTS9002326: Cross-origin token redemption is permitted only for the Single-Page Application client-type.',
        );
      },
    });
    const failure = await t.broker.getToken(['s'], { interactive: true, viaAuthorize: true }).catch((e: unknown) => e);
    expect(String((failure as Error).message)).toMatch(/AADSTS9002326/);
    expect(t.flows.map((f) => f.interactive)).toEqual([false]);
  });

  it('while a sign-in window is open, a silent caller is told to sign in at once instead of queueing behind it', async () => {
    let closeWindow: (url: string) => void = () => {};
    const t = setup({
      signedIn: true,
      silent: 'interaction',
      flow: (details) =>
        details.interactive
          ? new Promise<string>((resolve) => {
              closeWindow = resolve;
            })
          : Promise.reject(new Error('User interaction required.')),
    });
    const signingIn = t.broker.signIn(['s']);
    await vi.waitFor(() => expect(t.flows.some((f) => f.interactive)).toBe(true));
    const flowsBefore = t.flows.length;
    await expect(t.broker.getToken(['s'])).rejects.toBeInstanceOf(SignInRequiredError);
    expect(t.flows).toHaveLength(flowsBefore);
    closeWindow('https://bjppmkdmnkjkahflgkhdahmcejhldfnh.chromiumapp.org/#code=abc&state=s');
    await expect(signingIn).resolves.toBe(account);
  });

  it('signIn opens the interactive flow; concurrent sign-ins share one window', async () => {
    const t = setup();
    const [a, b] = await Promise.all([t.broker.signIn(['s']), t.broker.signIn(['s'])]);
    expect(a).toBe(account);
    expect(b).toBe(account);
    expect(t.flows.filter((f) => f.interactive)).toHaveLength(1);
    expect(t.flows[0]?.url).toContain('/oauth2/v2.0/authorize');
  });

  it('a new app registration rebuilds MSAL and wipes the old cache', async () => {
    const t = setup({ signedIn: true });
    await t.broker.getToken(['s']);
    t.setSettings({ ...SETTINGS, tenantId: 'contoso.onmicrosoft.com' });
    await t.broker.getToken(['s']);
    expect(t.configs).toHaveLength(2);
    expect(t.configs[1]?.auth.authority).toBe('https://login.microsoftonline.com/contoso.onmicrosoft.com');
    expect(t.wipes()).toBe(1);
  });

  it('an account of another directory is refused at sign-in, and its cache entry dropped', async () => {
    const t = setup({ tokenTenant: FABRIKAM });
    const failure = await t.broker.signIn(['s']).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(WrongTenantError);
    expect(failure).toMatchObject({ accountTenantId: FABRIKAM, configuredTenant: SETTINGS.tenantId });
    expect(t.cleared.at(-1)?.tenantId).toBe(FABRIKAM);
    expect(await t.broker.account()).toBeNull();
  });

  it('a configured domain is compared by the directory id discovery names for it', async () => {
    const t = setup();
    t.setSettings({ ...SETTINGS, tenantId: 'contoso.onmicrosoft.com' });
    await expect(t.broker.signIn(['s'])).resolves.toMatchObject({ tenantId: SETTINGS.tenantId });
    expect(await t.broker.knownTenantId()).toBe(SETTINGS.tenantId);
  });
});

describe('auth broker: many tenants', () => {
  it('switches to another directory silently with its tenanted authority and that tenant’s profile of the account', async () => {
    const t = setup({ signedIn: true, echoTenant: true });
    const switched = await t.broker.switchTenant(FABRIKAM, ['s']);
    expect(switched.tenantId).toBe(FABRIKAM);
    expect(t.silentRequests.at(-1)).toMatchObject({
      authority: `https://login.microsoftonline.com/${FABRIKAM}`,
      account: { homeAccountId: 'h', tenantId: FABRIKAM },
    });
    expect(t.acting()).toBe(FABRIKAM);
    expect(await t.broker.actingTenant()).toBe(FABRIKAM);
    // Every later token is for the acting tenant, until it is switched back.
    await t.broker.getToken(['other']);
    expect(t.silentRequests.at(-1)?.authority).toBe(`https://login.microsoftonline.com/${FABRIKAM}`);
    await t.broker.switchTenant(SETTINGS.tenantId, ['s']);
    expect(t.acting()).toBeNull();
    await t.broker.getToken(['third']);
    expect(t.silentRequests.at(-1)?.authority).toBeUndefined();
  });

  it('a token of another directory than the one switched to is refused and not kept', async () => {
    const t = setup({ signedIn: true }); // answers as the configured tenant whatever it is asked
    await expect(t.broker.switchTenant(FABRIKAM, ['s'])).rejects.toBeInstanceOf(WrongTenantError);
    expect(t.acting()).toBeNull();
  });

  it('without a silent way in, a window with a login hint and the tenanted authority, only when a person asked', async () => {
    const t = setup({ signedIn: true, silent: 'interaction', flow: async () => undefined });
    await expect(t.broker.switchTenant(FABRIKAM, ['s'])).rejects.toBeTruthy();
    expect(t.flows.every((f) => !f.interactive)).toBe(true);
    await expect(t.broker.switchTenant(FABRIKAM, ['s'], { interactive: true })).rejects.toBeTruthy();
    expect(t.requests.at(-1)).toMatchObject({ authority: `https://login.microsoftonline.com/${FABRIKAM}` });
    expect((t.requests.at(-1) as { loginHint?: string }).loginHint).toBe('AlexW@contoso.onmicrosoft.com');
    expect(t.acting()).toBeNull();
  });

  it('sign-out and another app registration forget the directory switched to', async () => {
    const t = setup({ signedIn: true, echoTenant: true });
    await t.broker.switchTenant(FABRIKAM, ['s']);
    await t.broker.signOut();
    expect(t.acting()).toBeNull();
    await t.broker.switchTenant(FABRIKAM, ['s']).catch(() => undefined);
    await t.broker.settingsChanged();
    expect(t.acting()).toBeNull();
  });
});
