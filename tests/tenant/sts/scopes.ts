/**
 * Scope parsing the way the v2.0 endpoint does it: bare names and https://graph.microsoft.com/... both mean Graph. In US
 * Gov the Graph resource is https://graph.microsoft.us: graph-docs sdks/national-clouds.md, "Any permission scope value
 * (including the .default scope) that contains the Microsoft Graph domain MUST use the domain of the Microsoft Graph
 * service root endpoint for the national cloud deployment. The shortened permission scope names, such as User.Read …, are
 * also valid." Another cloud's Graph domain is an unknown resource there (AADSTS500011).
 */
import { CLOUDS, type Cloud } from '../hosts';

/** Worldwide Graph's resource; per cloud: CLOUDS[cloud].graphResource. */
export const GRAPH_RESOURCE = CLOUDS.global.graphResource;
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const OIDC_SCOPES = ['openid', 'profile', 'offline_access', 'email'] as const;

/** Delegated Graph permissions this tenant knows (canonical spelling). Unknown names → AADSTS70011. */
export const KNOWN_GRAPH_SCOPES = [
  'User.Read',
  'User.ReadBasic.All',
  'User.Read.All',
  'User.ReadWrite.All',
  'GroupMember.Read.All',
  'Group.Read.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
  'RoleManagement.Read.Directory',
  'UserAuthenticationMethod.Read',
  'UserAuthenticationMethod.Read.All',
  'UserAuthenticationMethod.ReadWrite',
  'UserAuthenticationMethod.ReadWrite.All',
  'UserAuthMethod-TAP.Read',
  'UserAuthMethod-TAP.Read.All',
  'UserAuthMethod-TAP.ReadWrite',
  'UserAuthMethod-TAP.ReadWrite.All',
  'Policy.Read.All',
  'Policy.Read.AuthenticationMethod',
  'Policy.ReadWrite.AuthenticationMethod',
  // What the setup script signs in to Graph with (graph-docs application-post, oauth2permissiongrant-post), and the
  // narrowest scope that reads one's own eligible roles (unifiedroleeligibilityscheduleinstance-filterbycurrentuser.md).
  'Application.ReadWrite.All',
  'DelegatedPermissionGrant.ReadWrite.All',
  'RoleEligibilitySchedule.Read.Directory',
] as const;

/**
 * Delegated scopes a user may consent to for themselves: graph-docs permissions-reference.md marks these "Admin consent
 * required: No"; every other scope this tenant knows needs an administrator. The tenant's user consent setting is the
 * default "apps from verified publishers or registered in this organization, for selected (low-impact) permissions"
 * (entra-docs: configure-user-consent.md).
 */
export const USER_CONSENTABLE_SCOPES: readonly string[] = ['User.Read', 'User.ReadBasic.All'];

export const needsAdminConsent = (scope: string): boolean =>
  !USER_CONSENTABLE_SCOPES.some((known) => known.toLowerCase() === scope.toLowerCase());

export interface RequestedScope {
  /** As the client wrote it (echoed back in the token response's `scope`). */
  original: string;
  /** Canonical short Graph name, or null for OIDC scopes. */
  graph: string | null;
  /** ".default": every consented scope. */
  isDefault: boolean;
}

export type ScopeParse =
  | { ok: true; scopes: RequestedScope[] }
  | { ok: false; error: 'invalid_scope' | 'invalid_resource'; description: string };

export function parseScopes(raw: string | null, tenantName: string, cloud: Cloud = 'global'): ScopeParse {
  const scopes: RequestedScope[] = [];
  const resource = CLOUDS[cloud].graphResource;
  for (const original of (raw ?? '').split(/\s+/).filter(Boolean)) {
    const lower = original.toLowerCase();
    if ((OIDC_SCOPES as readonly string[]).includes(lower)) {
      scopes.push({ original, graph: null, isDefault: false });
      continue;
    }
    let name = original;
    for (const prefix of [`${resource}/`, `${GRAPH_APP_ID}/`]) {
      if (lower.startsWith(prefix.toLowerCase())) name = original.slice(prefix.length);
    }
    if (name.includes('/')) {
      const resource = name.slice(0, name.lastIndexOf('/'));
      return {
        ok: false,
        error: 'invalid_resource',
        description: `AADSTS500011: The resource principal named ${resource} was not found in the tenant named ${tenantName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
      };
    }
    if (name.toLowerCase() === '.default') {
      scopes.push({ original, graph: null, isDefault: true });
      continue;
    }
    const known = KNOWN_GRAPH_SCOPES.find((scope) => scope.toLowerCase() === name.toLowerCase());
    if (!known) {
      return {
        ok: false,
        error: 'invalid_scope',
        description: `AADSTS70011: The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope ${original} is not valid.`,
      };
    }
    scopes.push({ original, graph: known, isDefault: false });
  }
  return { ok: true, scopes };
}

/** The Graph scopes a request asks for, expanding ".default" to what is consented. */
export function graphScopesOf(scopes: RequestedScope[], consented: string[]): string[] {
  const names = new Set<string>();
  for (const scope of scopes) {
    if (scope.graph) names.add(scope.graph);
    if (scope.isDefault) for (const name of consented) names.add(name);
  }
  return [...names];
}

export function missingConsent(requestedGraph: string[], consented: string[]): string[] {
  const lower = new Set(consented.map((scope) => scope.toLowerCase()));
  return requestedGraph.filter((scope) => !lower.has(scope.toLowerCase()));
}
