/**
 * The Microsoft hosts the tenant answers for, routed by the Host header, in two clouds: worldwide ('global') and the US
 * Government cloud ('usGov', GCC High / L4). graph-docs concepts/deployments.md: Azure US Government signs in at
 * https://login.microsoftonline.us, its portal is https://portal.azure.us, "Microsoft Graph for US Government L4" is
 * https://graph.microsoft.us; the national clouds are "physical and logical network-isolated instances".
 */
export const HOSTS = {
  login: 'login.microsoftonline.com',
  graph: 'graph.microsoft.com',
  entra: 'entra.microsoft.com',
  azurePortal: 'portal.azure.com',
  intune: 'intune.microsoft.com',
  m365Admin: 'admin.microsoft.com',
  m365AdminCloud: 'admin.cloud.microsoft',
  /** US Government: sign-in (deployments.md "App registration and token service root endpoints"). */
  loginUsGov: 'login.microsoftonline.us',
  /** US Government L4 Graph (deployments.md "Microsoft Graph and Graph Explorer service root endpoints"). */
  graphUsGov: 'graph.microsoft.us',
  /** [U] The Gov Entra admin center; not in deployments.md (observed as the GCC High Entra admin center's host). */
  entraUsGov: 'entra.microsoft.us',
  /** The Azure Government portal (deployments.md). */
  azurePortalUsGov: 'portal.azure.us',
  /** [U] The Gov Intune admin center (observed host for GCC High). */
  intuneUsGov: 'intune.microsoft.us',
} as const;

export type Cloud = 'global' | 'usGov';
export type HostKind = 'login' | 'graph' | 'portal';

/** Every simulated host: what it serves and in which cloud. */
const HOST_TABLE: Record<string, { kind: HostKind; cloud: Cloud }> = {
  [HOSTS.login]: { kind: 'login', cloud: 'global' },
  [HOSTS.graph]: { kind: 'graph', cloud: 'global' },
  [HOSTS.entra]: { kind: 'portal', cloud: 'global' },
  [HOSTS.azurePortal]: { kind: 'portal', cloud: 'global' },
  [HOSTS.intune]: { kind: 'portal', cloud: 'global' },
  [HOSTS.m365Admin]: { kind: 'portal', cloud: 'global' },
  [HOSTS.m365AdminCloud]: { kind: 'portal', cloud: 'global' },
  [HOSTS.loginUsGov]: { kind: 'login', cloud: 'usGov' },
  [HOSTS.graphUsGov]: { kind: 'graph', cloud: 'usGov' },
  [HOSTS.entraUsGov]: { kind: 'portal', cloud: 'usGov' },
  [HOSTS.azurePortalUsGov]: { kind: 'portal', cloud: 'usGov' },
  [HOSTS.intuneUsGov]: { kind: 'portal', cloud: 'usGov' },
};

/** The hosts that serve an admin center page (tests/tenant/portal): the Entra-like blade shell, or the M365 one. */
export const PORTAL_PAGE_HOSTS: readonly string[] = Object.keys(HOST_TABLE).filter((host) => HOST_TABLE[host]?.kind === 'portal');

/** Each cloud's sign-in and Graph endpoints and what its OpenID discovery names it. */
export interface CloudEndpoints {
  loginHost: string;
  /** https://<loginHost> */
  loginOrigin: string;
  graphHost: string;
  /** The Graph resource a qualified scope names (https://graph.microsoft.us/User.Read in US Gov). */
  graphResource: string;
  /** OpenID discovery `cloud_instance_name`. */
  cloudInstanceName: string;
  /** Instance discovery (/common/discovery/instance): the sign-in host aliases of the cloud. */
  aliases: string[];
  preferredCache: string;
}

export const CLOUDS: Record<Cloud, CloudEndpoints> = {
  global: {
    loginHost: HOSTS.login,
    loginOrigin: `https://${HOSTS.login}`,
    graphHost: HOSTS.graph,
    graphResource: `https://${HOSTS.graph}`,
    cloudInstanceName: 'microsoftonline.com',
    aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
    preferredCache: 'login.windows.net',
  },
  usGov: {
    loginHost: HOSTS.loginUsGov,
    loginOrigin: `https://${HOSTS.loginUsGov}`,
    graphHost: HOSTS.graphUsGov,
    graphResource: `https://${HOSTS.graphUsGov}`,
    // crossCloudAzureActiveDirectoryTenant.cloudInstance (graph-docs): "microsoftonline.us" names the US Gov cloud.
    cloudInstanceName: 'microsoftonline.us',
    // msal-common's built-in instance metadata lists these two for the US Gov cloud (AuthorityMetadata.ts). [U] that the
    // network answer is the same.
    aliases: ['login.microsoftonline.us', 'login.usgovcloudapi.net'],
    preferredCache: 'login.microsoftonline.us',
  },
};

/** A Host header without its port, lower-cased. */
export function hostNameOf(hostHeader: string | undefined): string {
  return (hostHeader ?? '').replace(/:\d+$/, '').toLowerCase();
}

export function hostKindOf(hostHeader: string | undefined): HostKind | null {
  return HOST_TABLE[hostNameOf(hostHeader)]?.kind ?? null;
}

/** The cloud a simulated host belongs to, or null for a host this server doesn't answer for. */
export function cloudOfHost(hostHeader: string | undefined): Cloud | null {
  return HOST_TABLE[hostNameOf(hostHeader)]?.cloud ?? null;
}

/** Flags that send Chromium's traffic for the simulated hosts to this server and nothing anywhere else. */
export function chromiumArgsFor(port: number): string[] {
  const maps = Object.values(HOSTS).map((host) => `MAP ${host} 127.0.0.1:${port}`);
  const rules = [...maps, 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(', ');
  return [`--host-resolver-rules=${rules}`, '--ignore-certificate-errors'];
}
