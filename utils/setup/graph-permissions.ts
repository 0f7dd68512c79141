/**
 * Microsoft Graph's delegated permissions by their permission ids, for the app registration the setup script creates.
 *
 * The ids are the same in every tenant: Microsoft Graph's service principal (appId 00000003-0000-0000-c000-000000000000)
 * publishes them as oauth2PermissionScopes. Sources, read 2026-08 (microsoftgraph/microsoft-graph-devx-content @6cbd6bb):
 * - permissions/new/provisioningInfo.json, scheme "DelegatedWork", environment "public": every id below;
 * - permissions/permissions-descriptions.json (Graph Explorer's copy of the service principal's delegatedScopesList):
 *   the same ids for User.Read, User.Read.All, GroupMember.Read.All, UserAuthenticationMethod.Read.All and
 *   Policy.ReadWrite.AuthenticationMethod (it has no entry for the TAP-only or Policy.Read.AuthenticationMethod scopes);
 * - a6ff13ac-… (Policy.Read.AuthenticationMethod) also appears in public scripts that list Graph's delegated ids.
 * UserAuthMethod-TAP.ReadWrite.All (05de4a66-…) has the one Microsoft source. The script therefore never trusts this
 * table alone: it looks every permission up by name in the tenant's own Graph service principal at run time and uses the
 * id it finds there (see setup/plan.ts); this table is what a unit test compares the simulated tenant against.
 */
import { type Permission, POLICY_WRITE_PERMISSION, SIGN_IN_PERMISSIONS } from '../auth/scopes';

/** Microsoft Graph's application id (the same in every tenant and cloud). */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

export const GRAPH_DELEGATED_PERMISSION_IDS: Readonly<Record<Permission, string>> = {
  'User.Read': 'e1fe6dd8-ba31-4d61-89e7-88639da4683d',
  'User.Read.All': 'a154be20-db9c-4678-8ab7-66f6cc099a59',
  'GroupMember.Read.All': 'bc024368-1153-4739-b217-4326f2e966d0',
  'UserAuthenticationMethod.Read.All': 'aec28ec7-4d02-4e8c-b864-50163aea77eb',
  'UserAuthMethod-TAP.ReadWrite.All': '05de4a66-e51a-4312-842a-30c8094698d2',
  'Policy.Read.AuthenticationMethod': 'a6ff13ac-1851-4993-8ca9-a671d70de2d5',
  [POLICY_WRITE_PERMISSION]: '7e823077-d88e-468f-a337-e18f1f0e6c7c',
};

/**
 * What the setup script registers and consents to: exactly the permissions the extension asks for at sign-in (one list,
 * utils/auth/scopes.ts). Policy.ReadWrite.AuthenticationMethod stays out: the extension asks for it only when an admin
 * turns the policy on (incremental consent), so no one holds it by default.
 */
export const SETUP_PERMISSIONS: readonly Permission[] = SIGN_IN_PERMISSIONS;

/**
 * What the person running the script signs in to Graph with (Connect-MgGraph -Scopes). graph-docs includes:
 * application-post-applications-permissions.md (AppRegistration.Create least, Application.ReadWrite.All higher; the latter
 * also reads applications and creates service principals, serviceprincipal-post-serviceprincipals-permissions.md) and
 * oauth2permissiongrant-post.md (DelegatedPermissionGrant.ReadWrite.All least).
 */
export const SETUP_CONNECT_SCOPES = ['Application.ReadWrite.All', 'DelegatedPermissionGrant.ReadWrite.All'] as const;
