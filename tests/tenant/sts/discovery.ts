/** Instance discovery, OpenID configuration and JWKS: what MSAL (msal-common 16.17.0) fetches when it does not use its hard-coded metadata. */
import { corsHeaders, type HttpReply, type IncomingCall, jsonReply } from '../http';
import type { TenantRuntime } from '../runtime';
import { AADSTS, entraErrorReply } from './errors';
import { jwks } from './jwt';
import { acceptsTenantSegment } from './tenant-segment';
import { LOGIN_ORIGIN, v2Issuer } from './tokens';

/** GET /common/discovery/instance?api-version=1.1&authorization_endpoint=... (Authority.getCloudDiscoveryMetadataFromNetwork) */
export function instanceDiscovery(call: IncomingCall): HttpReply {
  return jsonReply(
    200,
    {
      tenant_discovery_endpoint: `${LOGIN_ORIGIN}/common/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [
        {
          preferred_network: 'login.microsoftonline.com',
          preferred_cache: 'login.windows.net',
          aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
        },
      ],
    },
    corsHeaders(call),
  );
}

/** GET /{tenant}/v2.0/.well-known/openid-configuration (Authority.defaultOpenIdConfigurationEndpoint) */
export function openIdConfiguration(runtime: TenantRuntime, call: IncomingCall, tenantSegment: string): HttpReply {
  if (!acceptsTenantSegment(runtime.state, tenantSegment)) {
    return entraErrorReply(400, 'invalid_tenant', AADSTS.tenantNotFound(tenantSegment), corsHeaders(call));
  }
  const multi = ['common', 'organizations'].includes(tenantSegment.toLowerCase());
  const tenantId = multi ? '{tenantid}' : runtime.state.tenant.id;
  const base = `${LOGIN_ORIGIN}/${multi ? tenantSegment.toLowerCase() : tenantId}`;
  return jsonReply(
    200,
    {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: v2Issuer(tenantId),
      request_uri_parameter_supported: false,
      userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
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
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
      rbac_url: 'https://pas.windows.net',
    },
    corsHeaders(call),
  );
}

export function keys(runtime: TenantRuntime, call: IncomingCall): HttpReply {
  return jsonReply(200, jwks(runtime.signingKey), corsHeaders(call));
}
