/** Microsoft cloud endpoints (Graph "National cloud deployments"). Only Global ships now; the others keep the seams honest. */
export type CloudName = 'global' | 'usGovL4' | 'usGovL5' | 'china';

export interface Cloud {
  name: CloudName;
  /** Sign-in host, used for the MSAL authority. */
  loginHost: string;
  /** Graph host; requests go to https://<graphHost>/v1.0. */
  graphHost: string;
  /** Entra admin center host, for deep links. */
  portalHost: string;
}

export const CLOUDS: Readonly<Record<CloudName, Cloud>> = {
  global: {
    name: 'global',
    loginHost: 'login.microsoftonline.com',
    graphHost: 'graph.microsoft.com',
    portalHost: 'entra.microsoft.com',
  },
  usGovL4: {
    name: 'usGovL4',
    loginHost: 'login.microsoftonline.us',
    graphHost: 'graph.microsoft.us',
    portalHost: 'entra.microsoft.us',
  },
  usGovL5: {
    name: 'usGovL5',
    loginHost: 'login.microsoftonline.us',
    graphHost: 'dod-graph.microsoft.us',
    portalHost: 'entra.microsoft.us',
  },
  // The v1.0 TAP APIs are not offered in the China cloud (Graph docs' national-cloud tables).
  china: {
    name: 'china',
    loginHost: 'login.chinacloudapi.cn',
    graphHost: 'microsoftgraph.chinacloudapi.cn',
    portalHost: 'entra.microsoftonline.cn',
  },
};

/** The cloud this build talks to. */
export const CURRENT_CLOUD: Cloud = CLOUDS.global;

export const graphBaseUrl = (cloud: Cloud = CURRENT_CLOUD) => `https://${cloud.graphHost}`;
export const authorityFor = (tenantId: string, cloud: Cloud = CURRENT_CLOUD) => `https://${cloud.loginHost}/${tenantId}`;
/** Graph scopes are fully qualified with the cloud's Graph resource. */
export const graphScope = (name: string, cloud: Cloud = CURRENT_CLOUD) => `https://${cloud.graphHost}/${name}`;
