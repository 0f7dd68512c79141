/** The Microsoft hosts the tenant answers for, routed by the Host header. */
export const HOSTS = {
  login: 'login.microsoftonline.com',
  graph: 'graph.microsoft.com',
  entra: 'entra.microsoft.com',
  azurePortal: 'portal.azure.com',
  intune: 'intune.microsoft.com',
  m365Admin: 'admin.microsoft.com',
  m365AdminCloud: 'admin.cloud.microsoft',
} as const;

/** The hosts that serve an admin center page (tests/tenant/portal): the Entra-like blade shell, or the M365 one. */
export const PORTAL_PAGE_HOSTS: readonly string[] = [
  HOSTS.entra,
  HOSTS.azurePortal,
  HOSTS.intune,
  HOSTS.m365Admin,
  HOSTS.m365AdminCloud,
];

export type HostKind = 'login' | 'graph' | 'portal';

export function hostKindOf(hostHeader: string | undefined): HostKind | null {
  const host = (hostHeader ?? '').replace(/:\d+$/, '').toLowerCase();
  if (host === HOSTS.login) return 'login';
  if (host === HOSTS.graph) return 'graph';
  if (PORTAL_PAGE_HOSTS.includes(host)) return 'portal';
  return null;
}

/** Flags that send Chromium's traffic for the simulated hosts to this server and nothing anywhere else. */
export function chromiumArgsFor(port: number): string[] {
  const maps = Object.values(HOSTS).map((host) => `MAP ${host} 127.0.0.1:${port}`);
  const rules = [...maps, 'MAP * ~NOTFOUND', 'EXCLUDE localhost', 'EXCLUDE 127.0.0.1'].join(', ');
  return [`--host-resolver-rules=${rules}`, '--ignore-certificate-errors'];
}
