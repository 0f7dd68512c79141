import { type Permission, POLICY_WRITE_PERMISSION, SIGN_IN_PERMISSIONS } from '../auth/scopes';

/** Why the extension needs each delegated permission, as the options page says it. */
const WHY: Record<Permission, string> = {
  'User.Read': 'Sign you in and read your profile.',
  'User.Read.All': 'Read the user you are looking at.',
  'GroupMember.Read.All': 'Check the policy’s included and excluded groups.',
  'UserAuthenticationMethod.Read.All': 'List the user’s registered methods.',
  'UserAuthMethod-TAP.ReadWrite.All': 'Create, read and delete Temporary Access Passes.',
  'Policy.Read.AuthenticationMethod': 'Read the Temporary Access Pass policy.',
  [POLICY_WRITE_PERMISSION]: 'Only to turn the policy on from the popup; asked for at that moment.',
};

/**
 * Delegated Microsoft Graph permissions the admin grants the app registration: the ones the extension signs in with
 * (utils/auth/scopes.ts), in that order. The setup script registers the same list (utils/setup/graph-permissions.ts).
 */
export const REQUIRED_PERMISSIONS: { scope: Permission; why: string }[] = SIGN_IN_PERMISSIONS.map((scope) => ({
  scope,
  why: WHY[scope],
}));

export const OPTIONAL_PERMISSIONS: { scope: Permission; why: string }[] = [
  { scope: POLICY_WRITE_PERMISSION, why: WHY[POLICY_WRITE_PERMISSION] },
];
