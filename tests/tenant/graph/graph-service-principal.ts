/**
 * Microsoft Graph's own service principal in the tenant (appId 00000003-0000-0000-c000-000000000000), with the delegated
 * permissions it publishes (graph-docs serviceprincipal.md: oauth2PermissionScopes, a permissionScope collection:
 * adminConsentDescription, adminConsentDisplayName, id, isEnabled, type "Admin" | "User", userConsent…, value).
 *
 * The ids are Microsoft's, the same in every tenant: microsoftgraph/microsoft-graph-devx-content
 * permissions/new/provisioningInfo.json (scheme DelegatedWork, environment public), cross-checked where it has them
 * against permissions/permissions-descriptions.json. The extension keeps its own copy of the ones it uses
 * (utils/setup/graph-permissions.ts); a unit test compares the two.
 */
import { GRAPH_APP_ID, KNOWN_GRAPH_SCOPES, needsAdminConsent } from '../sts/scopes';

type KnownScope = (typeof KNOWN_GRAPH_SCOPES)[number];

export const GRAPH_SCOPE_IDS: Readonly<Record<KnownScope, { id: string; displayName: string }>> = {
  'User.Read': { id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', displayName: 'Sign in and read user profile' },
  'User.ReadBasic.All': { id: 'b340eb25-3456-403f-be2f-af7a0d370277', displayName: "Read all users' basic profiles" },
  'User.Read.All': { id: 'a154be20-db9c-4678-8ab7-66f6cc099a59', displayName: "Read all users' full profiles" },
  'User.ReadWrite.All': { id: '204e0828-b5ca-4ad8-b9f3-f32a958e7cc4', displayName: "Read and write all users' full profiles" },
  'GroupMember.Read.All': { id: 'bc024368-1153-4739-b217-4326f2e966d0', displayName: 'Read group memberships' },
  'Group.Read.All': { id: '5f8c59db-677d-491f-a6b8-5f174b11ec1d', displayName: 'Read all groups' },
  'Directory.Read.All': { id: '06da0dbc-49e2-44d2-8312-53f166ab848a', displayName: 'Read directory data' },
  'Directory.ReadWrite.All': { id: 'c5366453-9fb0-48a5-a156-24f0c49a4b84', displayName: 'Read and write directory data' },
  'RoleManagement.Read.Directory': { id: '741c54c3-0c1e-44a1-818b-3f97ab4e8c83', displayName: 'Read directory RBAC settings' },
  'UserAuthenticationMethod.Read': {
    id: '1f6b61c5-2f65-4135-9c9f-31c0f8d32b52',
    displayName: 'Read user authentication methods',
  },
  'UserAuthenticationMethod.Read.All': {
    id: 'aec28ec7-4d02-4e8c-b864-50163aea77eb',
    displayName: "Read all users' authentication methods",
  },
  'UserAuthenticationMethod.ReadWrite': {
    id: '48971fc1-70d7-4245-af77-0beb29b53ee2',
    displayName: 'Read and write user authentication methods',
  },
  'UserAuthenticationMethod.ReadWrite.All': {
    id: 'b7887744-6746-4312-813d-72daeaee7e2d',
    displayName: "Read and write all users' authentication methods",
  },
  'UserAuthMethod-TAP.Read': {
    id: '84ded88f-26ba-49d6-b776-efec398de692',
    displayName: "Read the signed-in user's Temporary Access Pass authentication methods",
  },
  'UserAuthMethod-TAP.Read.All': {
    id: '6976c635-c9c2-41e6-a21d-e6913a155273',
    displayName: "Read all users' Temporary Access Pass methods",
  },
  'UserAuthMethod-TAP.ReadWrite': {
    id: '2424436d-902f-4651-a1c7-b3b93147c960',
    displayName: "Read and write the signed-in user's Temporary Access Pass authentication methods",
  },
  'UserAuthMethod-TAP.ReadWrite.All': {
    id: '05de4a66-e51a-4312-842a-30c8094698d2',
    displayName: "Read and write all users' Temporary Access Pass methods.",
  },
  'Policy.Read.All': { id: '572fea84-0151-49b2-9301-11cb16974376', displayName: "Read your organization's policies" },
  'Policy.Read.AuthenticationMethod': {
    id: 'a6ff13ac-1851-4993-8ca9-a671d70de2d5',
    displayName: 'Read authentication method policies',
  },
  'Policy.ReadWrite.AuthenticationMethod': {
    id: '7e823077-d88e-468f-a337-e18f1f0e6c7c',
    displayName: 'Read and write authentication method policies',
  },
  'Application.ReadWrite.All': { id: 'bdfbf15f-ee85-4955-8675-146e8e5296b5', displayName: 'Read and write all applications' },
  'DelegatedPermissionGrant.ReadWrite.All': {
    id: '41ce6ca6-6826-4807-84f1-1c82854f7ee5',
    displayName: 'Manage all delegated permission grants',
  },
  'RoleEligibilitySchedule.Read.Directory': {
    id: 'eb0788c2-6d4e-4658-8c9e-c0fb8053f03d',
    displayName: "Read all eligible role assignments for your company's directory",
  },
};

/** The object id of Graph's service principal in this tenant (each tenant has its own; [U] the value). */
export const GRAPH_SERVICE_PRINCIPAL_ID = '77777777-0000-4000-8000-000000000001';

/** oauth2PermissionScopes as Graph returns them on its service principal. */
export function graphPermissionScopes(): Record<string, unknown>[] {
  return KNOWN_GRAPH_SCOPES.map((value) => {
    const { id, displayName } = GRAPH_SCOPE_IDS[value];
    return {
      adminConsentDescription: `Allows the app to ${displayName.charAt(0).toLowerCase()}${displayName.slice(1)}, on behalf of the signed-in user.`,
      adminConsentDisplayName: displayName,
      id,
      isEnabled: true,
      type: needsAdminConsent(value) ? 'Admin' : 'User',
      userConsentDescription: null,
      userConsentDisplayName: null,
      value,
    };
  });
}

/** The delegated permission's name for its id, or null for an id Graph doesn't publish. */
export function scopeNameOf(id: string): KnownScope | null {
  const lower = id.toLowerCase();
  return (Object.keys(GRAPH_SCOPE_IDS) as KnownScope[]).find((name) => GRAPH_SCOPE_IDS[name].id === lower) ?? null;
}

export { GRAPH_APP_ID };
