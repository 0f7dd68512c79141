import { i18n } from '#i18n';
import { type Permission, POLICY_WRITE_PERMISSION, SIGN_IN_PERMISSIONS } from '../auth/scopes';

/** Why the extension needs each delegated permission, as the options page says it. */
const WHY: Record<Permission, string> = {
  'User.Read': i18n.t('panel.permissions.userRead'),
  'User.Read.All': i18n.t('panel.permissions.userReadAll'),
  'GroupMember.Read.All': i18n.t('panel.permissions.groupMemberReadAll'),
  'UserAuthenticationMethod.Read.All': i18n.t('panel.permissions.authMethodsReadAll'),
  'UserAuthMethod-TAP.ReadWrite.All': i18n.t('panel.permissions.tapReadWriteAll'),
  'Policy.Read.AuthenticationMethod': i18n.t('panel.permissions.policyRead'),
  [POLICY_WRITE_PERMISSION]: i18n.t('panel.permissions.policyWrite'),
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
