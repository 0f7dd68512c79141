import { graphScope } from '../clouds';

/** Delegated permissions asked for at sign-in (admin consent expected for all of them). */
export const SIGN_IN_PERMISSIONS = [
  'User.Read',
  'User.Read.All',
  'GroupMember.Read.All',
  'UserAuthenticationMethod.Read.All',
  'UserAuthMethod-TAP.ReadWrite.All',
  'Policy.Read.AuthenticationMethod',
] as const;

/** Asked for only when the admin turns the policy on (incremental consent). */
export const POLICY_WRITE_PERMISSION = 'Policy.ReadWrite.AuthenticationMethod';

export type Permission = (typeof SIGN_IN_PERMISSIONS)[number] | typeof POLICY_WRITE_PERMISSION;

export const SIGN_IN_SCOPES: string[] = SIGN_IN_PERMISSIONS.map((p) => graphScope(p));
export const POLICY_WRITE_SCOPES: string[] = [graphScope(POLICY_WRITE_PERMISSION)];

/** The permission each kind of Graph call depends on, to tell "consent missing" from "role missing" on a 403. */
export const PERMISSION_FOR = {
  readUser: 'User.Read.All',
  readMemberships: 'GroupMember.Read.All',
  readMethods: 'UserAuthenticationMethod.Read.All',
  writeTap: 'UserAuthMethod-TAP.ReadWrite.All',
  readPolicy: 'Policy.Read.AuthenticationMethod',
  writePolicy: POLICY_WRITE_PERMISSION,
} as const satisfies Record<string, Permission>;

/** True when a granted scope list (as MSAL reports it, qualified or not) contains the permission. */
export function hasPermission(granted: readonly string[], permission: string): boolean {
  const wanted = permission.toLowerCase();
  // Policy.ReadWrite covers Policy.Read; UserAuthenticationMethod.ReadWrite.All is a superset of the TAP-only scope.
  return granted.some((scope) => {
    const name = (scope.split('/').pop() ?? '').toLowerCase();
    if (name === wanted) return true;
    if (wanted === 'policy.read.authenticationmethod') return name === 'policy.readwrite.authenticationmethod';
    if (wanted === 'userauthmethod-tap.readwrite.all') return name === 'userauthenticationmethod.readwrite.all';
    if (wanted === 'userauthenticationmethod.read.all') return name === 'userauthenticationmethod.readwrite.all';
    return false;
  });
}
