/**
 * The one-paste setup as data: the Microsoft Graph requests that create the app registration, in order. The PowerShell
 * and Azure CLI scripts are rendered from this plan (powershell.ts, azure-cli.ts), and the tenant tests send exactly its
 * requests, so what the scripts do and what is tested can't drift apart.
 *
 * Requests (graph-docs v1.0):
 *  1. GET  /servicePrincipals?$filter=appId eq '00000003-…'   Microsoft Graph's service principal: its object id (the
 *     grant's resourceId) and its oauth2PermissionScopes, where each permission's id is looked up by name.
 *  2. GET  /applications?$filter=displayName eq '…'           stops if a registration of that name exists already.
 *  3. POST /applications                                      single-page application, this tenant only, the permissions.
 *     (Azure CLI: `az ad app create` has no SPA option, so 3 carries no spa and 3b PATCHes spa.redirectUris:
 *     PATCH /applications(appId='…') {spa: {redirectUris}}.)
 *  4. POST /servicePrincipals {appId}                         the app's service principal in this tenant.
 *  5. POST /oauth2PermissionGrants {clientId, consentType: AllPrincipals, resourceId, scope}: admin consent for everyone.
 */
import { CLOUDS, type Cloud, type CloudName, cloudOf } from '../clouds';
import { GRAPH_APP_ID, SETUP_PERMISSIONS } from './graph-permissions';

export type SetupVariant = 'powershell' | 'azureCli';

/**
 * The app registration's name the setup form starts with (a name in the tenant, not a sentence: the same in every
 * language). Here, not in input.ts: the e2e specs import it without the extension's catalogue.
 */
export const DEFAULT_DISPLAY_NAME = 'Entra TAP';

export interface SetupInput {
  /** The app registration's display name. */
  displayName: string;
  /** Redirect URIs for the SPA platform: this browser's first, then any other store's the admin listed. */
  redirectUris: string[];
  /** The directory to sign in to (a GUID or verified domain), when the options know it. */
  tenant?: string | null;
  /** The cloud the directory lives in (the saved settings' cloud); absent: worldwide. */
  cloud?: CloudName;
}

/** Values a later request takes from an earlier answer. */
export type PlanRef =
  | { $ref: 'graphServicePrincipalId' }
  | { $ref: 'applicationObjectId' }
  | { $ref: 'appId' }
  | { $ref: 'servicePrincipalId' }
  | { $ref: 'permissionId'; permission: string };

export type PlanValue = string | number | boolean | null | PlanRef | PlanValue[] | { [key: string]: PlanValue };

export interface PlanStep {
  id: 'findGraph' | 'findExisting' | 'createApplication' | 'setSpaRedirectUris' | 'createServicePrincipal' | 'grantConsent';
  method: 'GET' | 'POST' | 'PATCH';
  /** Under the cloud's Graph v1.0 root (graphV1Url), with the query unencoded (requestUrl encodes it). */
  path: string | { template: string; ref: PlanRef };
  query?: Record<string, string>;
  body?: PlanValue;
  /** What the step's answer provides to later steps (JSON paths into the response body). */
  provides?: Partial<Record<PlanRef['$ref'], string>>;
  /** findExisting: the collection must be empty, else the script stops. */
  expectEmpty?: true;
}

export interface SetupPlan {
  variant: SetupVariant;
  input: SetupInput;
  /** The cloud the requests go to (input.cloud, worldwide when absent). */
  cloud: Cloud;
  permissions: readonly string[];
  steps: PlanStep[];
}

/** OData string literal: single quotes doubled (OData ABNF, SQUOTE-in-string). */
export const odataString = (value: string) => `'${value.replace(/'/g, "''")}'`;

const ref = <R extends PlanRef>(r: R): R => r;

/** The requests that set up the registration for one script variant. */
export function setupPlan(input: SetupInput, variant: SetupVariant): SetupPlan {
  const permissions = [...SETUP_PERMISSIONS];
  const redirectUris = [...new Set(input.redirectUris)];
  const requiredResourceAccess: PlanValue = [
    {
      resourceAppId: GRAPH_APP_ID,
      resourceAccess: permissions.map((permission) => ({ id: ref({ $ref: 'permissionId', permission }), type: 'Scope' })),
    },
  ];
  const application: { [key: string]: PlanValue } = {
    displayName: input.displayName,
    // Without it Graph registers the app for every organization and personal accounts (application-post-applications.md
    // sample: AzureADandPersonalMicrosoftAccount). One tenant only.
    signInAudience: 'AzureADMyOrg',
    ...(variant === 'powershell' && { spa: { redirectUris } }),
    requiredResourceAccess,
    // az ad app create always writes web.implicitGrantSettings; false for both: the extension uses the code flow with
    // PKCE and needs no token from the authorization endpoint (entra-docs v2-oauth2-implicit-grant-flow.md: not
    // recommended for SPAs).
    ...(variant === 'azureCli' && {
      web: { implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false } },
    }),
  };
  const steps: PlanStep[] = [
    {
      id: 'findGraph',
      method: 'GET',
      path: '/servicePrincipals',
      query: { $filter: `appId eq ${odataString(GRAPH_APP_ID)}`, $select: 'id,appId,oauth2PermissionScopes' },
      provides: { graphServicePrincipalId: 'value.0.id', permissionId: 'value.0.oauth2PermissionScopes' },
    },
    {
      id: 'findExisting',
      method: 'GET',
      path: '/applications',
      query: { $filter: `displayName eq ${odataString(input.displayName)}`, $select: 'id,appId' },
      expectEmpty: true,
    },
    {
      id: 'createApplication',
      method: 'POST',
      path: '/applications',
      body: application,
      provides: { applicationObjectId: 'id', appId: 'appId' },
    },
    ...(variant === 'azureCli'
      ? [
          {
            id: 'setSpaRedirectUris',
            method: 'PATCH',
            // application-update.md: PATCH /applications(appId='{appId}') addresses it by its appId.
            path: { template: "/applications(appId='{}')", ref: ref({ $ref: 'appId' }) },
            body: { spa: { redirectUris } },
          } satisfies PlanStep,
        ]
      : []),
    {
      id: 'createServicePrincipal',
      method: 'POST',
      path: '/servicePrincipals',
      body: { appId: ref({ $ref: 'appId' }) },
      provides: { servicePrincipalId: 'id' },
    },
    {
      id: 'grantConsent',
      method: 'POST',
      path: '/oauth2PermissionGrants',
      body: {
        clientId: ref({ $ref: 'servicePrincipalId' }),
        consentType: 'AllPrincipals',
        resourceId: ref({ $ref: 'graphServicePrincipalId' }),
        scope: permissions.join(' '),
      },
    },
  ];
  return { variant, input: { ...input, redirectUris }, cloud: cloudOf(input), permissions, steps };
}

/**
 * The Graph root the app registration APIs are called at in a cloud: its own Graph host, always v1.0. (The China cloud's
 * beta-only rule, clouds.ts graphVersion, is about the TAP APIs; applications, servicePrincipals and
 * oauth2PermissionGrants are v1.0 there as everywhere.)
 */
export const graphV1Url = (cloud: Cloud) => `https://${cloud.graphHost}/v1.0`;

/** The worldwide root: https://graph.microsoft.com/v1.0. */
export const GRAPH_V1_URL = graphV1Url(CLOUDS.global);

/** The absolute URL of a step in a cloud (worldwide unless given), with its query encoded and its path's reference filled in. */
export function requestUrl(step: PlanStep, resolve: (r: PlanRef) => string = refName, cloud: Cloud = CLOUDS.global): string {
  const path = typeof step.path === 'string' ? step.path : step.path.template.replace('{}', resolve(step.path.ref));
  const query = step.query
    ? `?${Object.entries(step.query)
        .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
        .join('&')}`
    : '';
  return `${graphV1Url(cloud)}${path}${query}`;
}

/** A readable placeholder for a reference (for docs and tests). */
export const refName = (r: PlanRef) => (r.$ref === 'permissionId' ? `{permissionId:${r.permission}}` : `{${r.$ref}}`);

export const isRef = (v: unknown): v is PlanRef =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { $ref?: unknown }).$ref === 'string';

/** The body with every reference replaced (what goes on the wire once the earlier answers are known). */
export function resolveValue(value: PlanValue, resolve: (r: PlanRef) => string): unknown {
  if (isRef(value)) return resolve(value);
  if (Array.isArray(value)) return value.map((item) => resolveValue(item, resolve));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveValue(item as PlanValue, resolve)]));
  }
  return value;
}

/**
 * The managed-configuration keys the scripts print (public/managed_schema.json): the two ids, and the cloud when it is
 * not worldwide (absent means worldwide, so a worldwide script prints only the ids).
 */
export const MANAGED_CONFIG_KEYS = { clientId: 'clientId', tenantId: 'tenantId', cloud: 'cloud' } as const;
