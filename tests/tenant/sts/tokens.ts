/** Builds the id token, access token, client_info and the /token JSON for a signed-in user. */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { activeRoleIds } from '../graph/role-scope';
import { CLOUDS, type Cloud } from '../hosts';
import { type TenantRuntime, tokenTenantId } from '../runtime';
import { type AppRegistration, cloudOf, type DirectoryUser } from '../state';
import { base64url, signJwt } from './jwt';
import { GRAPH_APP_ID } from './scopes';

/** The worldwide sign-in origin; a US Gov directory's is CLOUDS.usGov.loginOrigin (loginOriginOf). */
export const LOGIN_ORIGIN = CLOUDS.global.loginOrigin;

/** The sign-in origin of the cloud a directory lives in. */
export function loginOriginOf(cloud: Cloud): string {
  return CLOUDS[cloud].loginOrigin;
}

/** v2.0 issuer on the directory's cloud's login host (a Gov directory: https://login.microsoftonline.us/<tid>/v2.0). */
export function v2Issuer(tenantId: string, cloud: Cloud = 'global'): string {
  return `${loginOriginOf(cloud)}/${tenantId}/v2.0`;
}

/**
 * Graph access tokens are v1.0 tokens: worldwide iss https://sts.windows.net/<tid>/ (entra-docs access-tokens.md,
 * v1.0). [U] US Gov: https://login.microsoftonline.us/<tid>/ (sts.windows.net is the worldwide service's name).
 */
export function graphTokenIssuer(tenantId: string, cloud: Cloud = 'global'): string {
  return cloud === 'global' ? `https://sts.windows.net/${tenantId}/` : `${loginOriginOf(cloud)}/${tenantId}/`;
}

/** Accepted `aud` values for a cloud's Graph: its resource URI (https://graph.microsoft.us in US Gov) or Graph's app id. */
export function graphAudiences(cloud: Cloud): string[] {
  const resource = CLOUDS[cloud].graphResource;
  return [resource, GRAPH_APP_ID, `${resource}/`];
}

/** Worldwide Graph's accepted `aud` values. */
export const GRAPH_AUDIENCES = graphAudiences('global');

export function clientInfo(user: DirectoryUser, tenantId: string): string {
  return base64url(JSON.stringify({ uid: user.id, utid: tenantId }));
}

/** Pairwise subject: stable per user and app, as in Entra. */
function pairwiseSub(userId: string, clientId: string): string {
  return createHash('sha256').update(`${userId}|${clientId}`).digest('base64url').slice(0, 43);
}

export interface TokenSet {
  accessToken: string;
  idToken: string;
  expiresIn: number;
}

export function issueTokens(
  runtime: TenantRuntime,
  args: {
    user: DirectoryUser;
    app: AppRegistration;
    graphScopes: string[];
    nonce: string | null;
    sessionId: string | null;
    /** From the claims request: "CP1" makes the token CAE-capable (claims-challenge.md, xms_cc). */
    clientCapabilities?: string[];
  },
): TokenSet {
  const { state, signingKey } = runtime;
  const now = Math.floor(Date.now() / 1000);
  const expiresIn = state.settings.accessTokenLifetimeSeconds;
  const tid = tokenTenantId(runtime);
  const cloud = cloudOf(state);
  const accessClaims = {
    aud: GRAPH_APP_ID,
    iss: graphTokenIssuer(tid, cloud),
    iat: now,
    nbf: now,
    exp: now + expiresIn,
    acr: '1',
    amr: ['pwd', 'mfa'],
    app_displayname: args.app.displayName,
    appid: args.app.clientId,
    appidacr: '0',
    family_name: args.user.surname,
    given_name: args.user.givenName,
    idtyp: 'user',
    name: args.user.displayName,
    oid: args.user.id,
    preferred_username: args.user.userPrincipalName,
    scp: args.graphScopes.join(' '),
    sid: args.sessionId,
    sub: pairwiseSub(args.user.id, GRAPH_APP_ID),
    tid,
    unique_name: args.user.userPrincipalName,
    upn: args.user.userPrincipalName,
    uti: randomBytes(16).toString('base64url'),
    ver: '1.0',
    wids: activeRoleIds(state, args.user),
    xms_tcdt: 1_600_000_000,
    ...(args.clientCapabilities?.length && { xms_cc: args.clientCapabilities }),
  };
  const idClaims: Record<string, unknown> = {
    aud: args.app.clientId,
    iss: v2Issuer(tid, cloud),
    iat: now,
    nbf: now,
    exp: now + 3600,
    name: args.user.displayName,
    oid: args.user.id,
    preferred_username: args.user.userPrincipalName,
    rh: randomBytes(12).toString('base64url'),
    sid: args.sessionId,
    sub: pairwiseSub(args.user.id, args.app.clientId),
    tid,
    uti: randomBytes(16).toString('base64url'),
    ver: '2.0',
  };
  if (args.nonce) idClaims.nonce = args.nonce;
  return {
    accessToken: signJwt(signingKey, accessClaims),
    idToken: signJwt(signingKey, idClaims),
    expiresIn,
  };
}

export function newRefreshToken(): string {
  return `1.AR${randomBytes(48).toString('base64url')}`;
}

export function newOpaqueId(): string {
  return randomUUID();
}
