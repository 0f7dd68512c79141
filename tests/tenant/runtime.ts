/** Everything one running tenant holds: the directory state plus the test machinery (faults, log, latency, keys). */
import type { ActiveFault } from './faults';
import type { Cloud } from './hosts';
import type { LoggedRequest } from './request-log';
import { createSeedState } from './seed';
import { createFabrikamState } from './seed-fabrikam';
import { createUsGovState } from './seed-usgov';
import { cloudOf, type TenantState } from './state';
import { createSigningKey, type SigningKey } from './sts/jwt';

export interface PendingAuthorization {
  clientId: string;
  redirectUri: string;
  responseMode: 'fragment' | 'query';
  state: string | null;
  nonce: string | null;
  codeChallenge: string;
  scopes: string[];
  loginHint: string | null;
  prompt: string | null;
  tenantSegment: string;
  /** Set once an account was picked. */
  userId?: string;
  /** The claims request parameter (JSON), as sent. */
  claims?: string | null;
  /** 'adminConsent': the /adminconsent endpoint (grant the registration's permissions for everyone), not a sign-in. */
  kind?: 'authorize' | 'adminConsent';
}

export interface TenantRuntime {
  /** The home directory (Contoso): the one every single-tenant rule and switch acts on. */
  state: TenantState;
  /**
   * Other directories the same sign-in service and Graph answer for (Fabrikam worldwide; Contoso US Government in the
   * US Gov cloud), chosen per request (requestView).
   */
  others: TenantState[];
  /** Set on a directoryView only: the home directory, which `state` then isn't. */
  homeState?: TenantState;
  /** The cloud of the host the request came to ('global' on the runtime itself; set on a requestView). */
  hostCloud: Cloud;
  /**
   * Set on a requestView only: the directory the request named when it lives in another cloud than the host's (`state`
   * is then the host cloud's default directory, which doesn't accept that name: AADSTS90002).
   */
  otherCloudDirectory?: TenantState;
  faults: ActiveFault[];
  log: LoggedRequest[];
  latencyMs: number;
  /** The latency given at start; reset returns to it. */
  initialLatencyMs: number;
  /** The signing key of the cloud answering (a view of a US Gov directory carries that cloud's key). */
  signingKey: SigningKey;
  /**
   * One token service per cloud, each with its own key: [U] graph-docs concepts/deployments.md says access tokens of one
   * national cloud "are not interchangeable" with another's; separate keys are how this tenant makes them so.
   */
  signingKeys: Record<Cloud, SigningKey>;
  pending: Map<string, PendingAuthorization>;
  origin: string;
  /**
   * Test switch: the sign-in service answers as another directory (tid, client_info). [U] No documented case for a
   * tenanted authority; stands for a misrouted sign-in or a domain that names another directory.
   */
  tokenTenantId: string | null;
  /** The theme the portal shell shows (the classes it puts on <body>). */
  portalTheme: PortalShellTheme;
  /** Extra pages on the portal hosts (hostile pages for the attacks spec), by path, with their own headers. */
  extraPages: Map<string, { html: string; headers: Record<string, string> }>;
  /** Test switch: directory-object pages hold at most this many objects whatever $top asks (null: as documented). */
  directoryPageSize: number | null;
}

export type PortalShellTheme = 'light' | 'dark' | 'highContrastDark' | 'highContrastLight';

/** The tid the sign-in service puts in tokens and client_info. */
export function tokenTenantId(runtime: TenantRuntime): string {
  return runtime.tokenTenantId ?? runtime.state.tenant.id;
}

const createOthers = () => [createFabrikamState(), createUsGovState()];

export function createRuntime(latencyMs: number): TenantRuntime {
  const signingKeys = { global: createSigningKey(), usGov: createSigningKey() };
  return {
    state: createSeedState(),
    others: createOthers(),
    hostCloud: 'global',
    faults: [],
    log: [],
    latencyMs,
    initialLatencyMs: latencyMs,
    signingKey: signingKeys.global,
    signingKeys,
    pending: new Map(),
    origin: '',
    tokenTenantId: null,
    portalTheme: 'light',
    extraPages: new Map(),
    directoryPageSize: null,
  };
}

export function resetRuntime(runtime: TenantRuntime): void {
  runtime.state = createSeedState();
  runtime.others = createOthers();
  runtime.faults = [];
  runtime.log = [];
  runtime.latencyMs = runtime.initialLatencyMs;
  runtime.pending.clear();
  runtime.tokenTenantId = null;
  runtime.portalTheme = 'light';
  runtime.extraPages.clear();
  runtime.directoryPageSize = null;
}

/** The directory a host of `cloud` answers for when the request names none (common, organizations, no segment). */
export function defaultDirectoryOf(runtime: TenantRuntime, cloud: Cloud): TenantState {
  const home = runtime.homeState ?? runtime.state;
  if (cloud === 'global') return home;
  return runtime.others.find((directory) => cloudOf(directory) === cloud) ?? home;
}

/**
 * The runtime as a request to a host of `hostCloud` sees it: the directory `named` (id or domain) if it lives in that
 * cloud, otherwise the cloud's default directory (which then refuses the name). A directory is served only by its
 * cloud's hosts (graph-docs concepts/deployments.md, "network-isolated instances").
 */
export function requestView(runtime: TenantRuntime, hostCloud: Cloud, named: string | null): TenantRuntime {
  const found = named ? directoryNamed(runtime, named) : null;
  const inCloud = found && cloudOf(found) === hostCloud ? found : null;
  const directory = inCloud ?? defaultDirectoryOf(runtime, hostCloud);
  const other = found && !inCloud ? found : undefined;
  if (directory === runtime.state && hostCloud === 'global' && !other) return runtime;
  return Object.create(runtime, {
    state: { value: directory, enumerable: true },
    homeState: { value: runtime.homeState ?? runtime.state },
    hostCloud: { value: hostCloud, enumerable: true },
    otherCloudDirectory: { value: other, enumerable: true },
    signingKey: { value: runtime.signingKeys[hostCloud], enumerable: true },
  }) as TenantRuntime;
}

/** Every directory: the home one first. */
export function allDirectories(runtime: TenantRuntime): TenantState[] {
  return [runtime.homeState ?? runtime.state, ...runtime.others];
}

/** The directory a tenant id or domain names, or null. */
export function directoryNamed(runtime: TenantRuntime, tenant: string): TenantState | null {
  const lower = tenant.toLowerCase();
  return allDirectories(runtime).find((d) => d.tenant.id === lower || d.tenant.domain === lower) ?? null;
}

/**
 * The runtime as one directory sees it: the same machinery (faults, log, keys, pending sign-ins) with that directory as
 * `state`, so every rule written for the home directory answers for the other one unchanged. The home directory is
 * the runtime itself.
 */
export function directoryView(runtime: TenantRuntime, directory: TenantState | null): TenantRuntime {
  if (!directory || directory === runtime.state) return runtime;
  return Object.create(runtime, {
    state: { value: directory, enumerable: true },
    homeState: { value: runtime.state },
  }) as TenantRuntime;
}
