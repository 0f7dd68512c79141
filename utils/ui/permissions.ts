/** Delegated Microsoft Graph permissions the admin grants the app registration (see CONTRACTS.md). */
export const REQUIRED_PERMISSIONS: { scope: string; why: string }[] = [
  { scope: 'User.Read', why: 'Sign you in and read your profile.' },
  { scope: 'User.Read.All', why: 'Read the user you are looking at.' },
  { scope: 'GroupMember.Read.All', why: 'Check the policy’s included and excluded groups.' },
  { scope: 'UserAuthenticationMethod.Read.All', why: 'List the user’s registered methods.' },
  { scope: 'UserAuthMethod-TAP.ReadWrite.All', why: 'Create, read and delete Temporary Access Passes.' },
  { scope: 'Policy.Read.AuthenticationMethod', why: 'Read the Temporary Access Pass policy.' },
];

export const OPTIONAL_PERMISSIONS: { scope: string; why: string }[] = [
  {
    scope: 'Policy.ReadWrite.AuthenticationMethod',
    why: 'Only to turn the policy on from the popup; asked for at that moment.',
  },
];
