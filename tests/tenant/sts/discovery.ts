/** Instance discovery, OpenID configuration and JWKS: what MSAL (msal-common 16.17.0) fetches when it does not use its hard-coded metadata. */
import { CLOUDS, type Cloud } from '../hosts';
import { corsHeaders, type HttpReply, type IncomingCall, jsonReply } from '../http';
import type { TenantRuntime } from '../runtime';
import { cloudOf, type TenantState } from '../state';
import { AADSTS, entraErrorReply } from './errors';
import { jwks } from './jwt';
import { acceptsTenantSegment } from './tenant-segment';
import { loginOriginOf, v2Issuer } from './tokens';

/**
 * GET /common/discovery/instance?api-version=1.1&authorization_endpoint=... (Authority.getCloudDiscoveryMetadataFromNetwork):
 * the host's own cloud and its aliases (US Gov: login.microsoftonline.us, login.usgovcloudapi.net; hosts.ts CLOUDS).
 */
export function instanceDiscovery(runtime: TenantRuntime, call: IncomingCall): HttpReply {
  const cloud = CLOUDS[runtime.hostCloud];
  return jsonReply(
    200,
    {
      tenant_discovery_endpoint: `${cloud.loginOrigin}/common/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: cloud.loginHost, preferred_cache: cloud.preferredCache, aliases: [...cloud.aliases] }],
    },
    corsHeaders(call),
  );
}

/**
 * What a directory's discovery says of where it lives. Worldwide: the values Contoso always had. US Gov (GCC High):
 * `cloud_instance_name` microsoftonline.us (graph-docs crossCloudAzureActiveDirectoryTenant.cloudInstance names the US
 * Gov cloud so), `msgraph_host` graph.microsoft.us (deployments.md), `tenant_region_scope` USGov with sub scope DODCON
 * (observed GCC High answers, as cisagov/ScubaGear's tests mock them; not in Microsoft's docs). [U] cloud_graph_host_name
 * and rbac_url for US Gov.
 */
const REGION: Record<Cloud, Record<string, string>> = {
  global: {
    tenant_region_scope: 'EU',
    cloud_instance_name: CLOUDS.global.cloudInstanceName,
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: CLOUDS.global.graphHost,
    rbac_url: 'https://pas.windows.net',
  },
  usGov: {
    tenant_region_scope: 'USGov',
    tenant_region_sub_scope: 'DODCON',
    cloud_instance_name: CLOUDS.usGov.cloudInstanceName,
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: CLOUDS.usGov.graphHost,
    rbac_url: 'https://pasff.usgovcloudapi.net',
  },
};

/**
 * GET /{tenant}/v2.0/.well-known/openid-configuration (Authority.defaultOpenIdConfigurationEndpoint). On the directory's
 * own cloud: that cloud's endpoints. A US Gov directory asked for on the worldwide host: its own (.us) configuration,
 * not "not found" — [U] widely observed of GCC High tenants at login.microsoftonline.com (what lets a client tell the
 * directory is in the US Government cloud); a worldwide directory asked for on the Gov host: AADSTS90002, as any unknown
 * directory there.
 */
export function openIdConfiguration(runtime: TenantRuntime, call: IncomingCall, tenantSegment: string): HttpReply {
  const other = runtime.otherCloudDirectory;
  if (other && runtime.hostCloud === 'global' && cloudOf(other) === 'usGov') {
    return jsonReply(200, configuration(other, cloudOf(other), tenantSegment, false), corsHeaders(call));
  }
  if (!acceptsTenantSegment(runtime.state, tenantSegment)) {
    return entraErrorReply(400, 'invalid_tenant', AADSTS.tenantNotFound(tenantSegment), corsHeaders(call));
  }
  const multi = ['common', 'organizations'].includes(tenantSegment.toLowerCase());
  return jsonReply(200, configuration(runtime.state, runtime.hostCloud, tenantSegment, multi), corsHeaders(call));
}

function configuration(directory: TenantState, cloud: Cloud, tenantSegment: string, multi: boolean): Record<string, unknown> {
  const tenantId = multi ? '{tenantid}' : directory.tenant.id;
  const base = `${loginOriginOf(cloud)}/${multi ? tenantSegment.toLowerCase() : tenantId}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: v2Issuer(tenantId, cloud),
    request_uri_parameter_supported: false,
    userinfo_endpoint: `https://${CLOUDS[cloud].graphHost}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'acr',
      'nonce',
      'preferred_username',
      'name',
      'tid',
      'ver',
      'at_hash',
      'c_hash',
      'email',
    ],
    kerberos_endpoint: `${base}/kerberos`,
    ...REGION[cloud],
  };
}

export function keys(runtime: TenantRuntime, call: IncomingCall): HttpReply {
  return jsonReply(200, jwks(runtime.signingKey), corsHeaders(call));
}
