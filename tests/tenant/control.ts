/** The control surface for tests, the demo and the benchmark: in-process, and over HTTP at /__control/* on any host. */
import { activate, type FaultSpec } from './faults';
import { replicateNow } from './graph/replication';
import type { Cloud } from './hosts';
import { type HttpReply, type IncomingCall, jsonReply } from './http';
import type { LoggedRequest } from './request-log';
import { allDirectories, directoryNamed, type PortalShellTheme, resetRuntime, type TenantRuntime } from './runtime';
import { APP, type SeedPerson } from './seed';
import { type SeedUsersSpec, seedUsers } from './seed-users';
import { type ConditionalAccessPolicy, cloudOf, type TapPolicy, type TenantState } from './state';
import { GRAPH_APP_ID, GRAPH_RESOURCE, KNOWN_GRAPH_SCOPES } from './sts/scopes';

export interface DirectorySummary {
  id: string;
  domain: string;
  displayName: string;
  cloud: Cloud;
}

export interface TenantControl {
  /** Back to the seed: users, policy, passes, sessions, refresh tokens, faults, log, latency, consents. */
  reset(): void;
  setLatency(ms: number): void;
  injectFault(fault: FaultSpec): void;
  clearFaults(): void;
  requestLog(): LoggedRequest[];
  clearLog(): void;
  /** Any directory's live state by id or domain (Fabrikam's, Contoso US Government's), or null. */
  directory(tenant: string): TenantState | null;
  /** Every directory, home first, with the cloud it lives in (served only by that cloud's hosts). */
  directories(): DirectorySummary[];
  /** The live state (replaced by reset(): read it again after a reset). */
  readonly state: TenantState;
  setPolicy(partial: Partial<TapPolicy>): void;
  grantConsent(scopes: string[], clientId?: string): void;
  revokeConsent(scopes: string[], clientId?: string): void;
  /** Ends every IdP session (cookie) and refresh token; issued access tokens stay valid until they expire, as in Entra. */
  revokeSessions(): void;
  /** A one-time pass was used to sign in: its methodUsabilityReason becomes OneTimeUsed. */
  markTapUsed(userId: string): void;
  /** Sign-ins answer as directory `tenantId` (null: this tenant again). */
  answerForTenant(tenantId: string | null): void;
  /** The portal shell's theme on every page it serves from now on. */
  setPortalTheme(theme: PortalShellTheme): void;
  /** Serves `html` at `path` on the portal hosts (a page an attacker controls on the portal's origin). */
  servePortalPage(path: string, html: string, headers?: Record<string, string>): void;
  /** The Conditional Access policies that apply to this app's sign-ins from now on (sts/conditional-access.ts). */
  setConditionalAccess(policies: ConditionalAccessPolicy[]): void;
  /**
   * A CAE critical event for the user (e.g. "revoke sessions", password change): CAE-capable access tokens issued before
   * now get a claims challenge at once. `revokeSessions` also ends the user's sessions and refresh tokens.
   */
  raiseCaeEvent(userId: string, options?: { revokeSessions?: boolean }): void;
  /** Admin consent workflow on or off (AADSTS90095 "Approval required" instead of 90094 "Need admin approval"). */
  setAdminConsentWorkflow(on: boolean): void;
  /** Which platform the app registration lists its redirect URI under ("Web" breaks browser redemption: AADSTS9002326). */
  setRedirectPlatform(platform: 'spa' | 'web', clientId?: string): void;
  /** Reads after a write show the state from before it for `ms` (settings.replicationLagMs); 0 also replicates what is pending. */
  setReplicationLag(ms: number): void;
  /** The older refusal (400 "Converged UserCredentialPolicy…") of a pass for a user outside the policy's targets. */
  setRefuseOutOfPolicyPass(refuse: boolean): void;
  /** Directory-object pages (memberOf, transitiveMemberOf) hold at most `size` objects whatever $top says; null: as documented. */
  setDirectoryPageSize(size: number | null): void;
  /** Adds `count` ordinary members (seed-users.ts), in the groups named; returns their ids, names and UPNs. */
  seedUsers(spec: SeedUsersSpec): SeedPerson[];
}

function shortScope(scope: string): string {
  const name = scope.replace(new RegExp(`^(${GRAPH_RESOURCE}|${GRAPH_APP_ID})/`, 'i'), '');
  return KNOWN_GRAPH_SCOPES.find((known) => known.toLowerCase() === name.toLowerCase()) ?? name;
}

export function createControl(runtime: TenantRuntime): TenantControl {
  return {
    reset: () => resetRuntime(runtime),
    setLatency: (ms) => {
      runtime.latencyMs = Math.max(0, ms);
    },
    injectFault: (fault) => {
      runtime.faults.push(activate(fault));
    },
    clearFaults: () => {
      runtime.faults = [];
    },
    requestLog: () => runtime.log.map((entry) => ({ ...entry })),
    clearLog: () => {
      runtime.log = [];
    },
    get state() {
      return runtime.state;
    },
    directory: (tenant) => directoryNamed(runtime, tenant),
    directories: () =>
      allDirectories(runtime).map((d) => ({
        id: d.tenant.id,
        domain: d.tenant.domain,
        displayName: d.tenant.displayName,
        cloud: cloudOf(d),
      })),
    setPolicy: (partial) => {
      runtime.state.policy = { ...runtime.state.policy, ...partial };
    },
    grantConsent: (scopes, clientId = APP.clientId) => {
      const current = runtime.state.consents[clientId] ?? [];
      const added = scopes.map(shortScope).filter((scope) => !current.includes(scope));
      runtime.state.consents[clientId] = [...current, ...added];
    },
    revokeConsent: (scopes, clientId = APP.clientId) => {
      const removed = new Set(scopes.map((scope) => shortScope(scope).toLowerCase()));
      runtime.state.consents[clientId] = (runtime.state.consents[clientId] ?? []).filter(
        (scope) => !removed.has(scope.toLowerCase()),
      );
    },
    revokeSessions: () => {
      runtime.state.sessions = {};
      runtime.state.refreshTokens = {};
    },
    answerForTenant: (tenantId) => {
      runtime.tokenTenantId = tenantId;
    },
    setPortalTheme: (theme) => {
      runtime.portalTheme = theme;
    },
    servePortalPage: (path, html, headers = {}) => {
      runtime.extraPages.set(path, { html, headers });
    },
    setConditionalAccess: (policies) => {
      runtime.state.conditionalAccess = policies.map((policy) => ({ ...policy }));
    },
    raiseCaeEvent: (userId, options = {}) => {
      const id = userId.toLowerCase();
      // Second resolution: a token issued in this very second is still older than the event.
      runtime.state.caeRevokedBefore = { ...runtime.state.caeRevokedBefore, [id]: Math.floor(Date.now() / 1000) + 1 };
      if (!options.revokeSessions) return;
      for (const [key, session] of Object.entries(runtime.state.sessions))
        if (session.userId === id) delete runtime.state.sessions[key];
      for (const [key, token] of Object.entries(runtime.state.refreshTokens))
        if (token.userId === id) delete runtime.state.refreshTokens[key];
    },
    setAdminConsentWorkflow: (on) => {
      runtime.state.settings.adminConsentWorkflow = on;
    },
    setRedirectPlatform: (platform, clientId = APP.clientId) => {
      const app = runtime.state.apps.find((candidate) => candidate.clientId === clientId);
      if (!app) throw new Error(`No app registration ${clientId}`);
      const uris = [...new Set([...app.spaRedirectUris, ...app.webRedirectUris])];
      app.spaRedirectUris = platform === 'spa' ? uris : [];
      app.webRedirectUris = platform === 'web' ? uris : [];
    },
    setReplicationLag: (ms) => {
      runtime.state.settings.replicationLagMs = Math.max(0, ms);
      if (ms <= 0) replicateNow(runtime.state);
    },
    setRefuseOutOfPolicyPass: (refuse) => {
      runtime.state.settings.refuseOutOfPolicyPass = refuse;
    },
    setDirectoryPageSize: (size) => {
      runtime.directoryPageSize = size === null ? null : Math.max(1, Math.floor(size));
    },
    seedUsers: (spec) => seedUsers(runtime.state, spec),
    markTapUsed: (userId) => {
      const record = runtime.state.passes[userId.toLowerCase()];
      if (!record) throw new Error(`No Temporary Access Pass for user ${userId}`);
      record.used = true;
    },
  };
}

/** HTTP face of the control: JSON in, JSON out. */
export function handleControl(control: TenantControl, call: IncomingCall): HttpReply {
  const action = call.url.pathname.replace(/^\/__control\/?/, '');
  let body: Record<string, unknown> = {};
  try {
    body = call.body ? (JSON.parse(call.body) as Record<string, unknown>) : {};
  } catch {
    return jsonReply(400, { error: 'body must be JSON' });
  }
  const done = jsonReply(200, { ok: true });
  const route = `${call.method} ${action}`;
  switch (route) {
    case 'POST reset':
      control.reset();
      return done;
    case 'POST latency':
      control.setLatency(Number(body.ms ?? 0));
      return done;
    case 'POST fault':
      control.injectFault(body as FaultSpec);
      return done;
    case 'DELETE fault':
      control.clearFaults();
      return done;
    case 'GET log':
      return jsonReply(200, control.requestLog());
    case 'DELETE log':
      control.clearLog();
      return done;
    case 'GET state':
      return jsonReply(200, control.state);
    case 'GET directories':
      return jsonReply(200, control.directories());
    case 'GET policy':
      return jsonReply(200, control.state.policy);
    case 'POST policy':
    case 'PATCH policy':
      control.setPolicy(body as Partial<TapPolicy>);
      return jsonReply(200, control.state.policy);
    case 'POST consent':
      control.grantConsent((body.grant as string[] | undefined) ?? []);
      control.revokeConsent((body.revoke as string[] | undefined) ?? []);
      return jsonReply(200, control.state.consents);
    case 'POST revoke-sessions':
      control.revokeSessions();
      return done;
    case 'POST conditional-access':
      control.setConditionalAccess((body.policies as ConditionalAccessPolicy[] | undefined) ?? []);
      return done;
    case 'POST cae-event':
      control.raiseCaeEvent(String(body.userId ?? ''), { revokeSessions: body.revokeSessions === true });
      return done;
    case 'POST replication-lag':
      control.setReplicationLag(Number(body.ms ?? 0));
      return done;
    case 'POST refuse-out-of-policy-pass':
      control.setRefuseOutOfPolicyPass(body.refuse !== false);
      return done;
    case 'POST page-size':
      control.setDirectoryPageSize(body.size === null || body.size === undefined ? null : Number(body.size));
      return done;
    case 'POST seed-users':
      try {
        return jsonReply(200, control.seedUsers(body as unknown as SeedUsersSpec));
      } catch (error) {
        return jsonReply(400, { error: (error as Error).message });
      }
    case 'POST tap-used':
      try {
        control.markTapUsed(String(body.userId ?? ''));
        return done;
      } catch (error) {
        return jsonReply(404, { error: (error as Error).message });
      }
    default:
      return jsonReply(404, {
        error: `unknown control route ${route}`,
        routes: [
          'POST reset',
          'POST latency {ms}',
          'POST|DELETE fault',
          'GET|DELETE log',
          'GET state',
          'GET directories',
          'GET|POST policy',
          'POST consent {grant,revoke}',
          'POST revoke-sessions',
          'POST conditional-access {policies}',
          'POST cae-event {userId,revokeSessions}',
          'POST tap-used {userId}',
          'POST replication-lag {ms}',
          'POST refuse-out-of-policy-pass {refuse}',
          'POST page-size {size|null}',
          'POST seed-users {count,prefix?,groupIds?}',
        ],
      });
  }
}
