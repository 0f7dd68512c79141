import { PASSWORD_METHOD_ID, type SeedPerson } from './seed';
import type { DirectoryUser } from './state';

/** A directory's member as the other directories' seeds write them: a password, no roles, signs in with the UPN. */
export function memberOf(domain: string): (seed: SeedPerson & Partial<DirectoryUser>) => DirectoryUser {
  return (seed) => {
    const [givenName = null, surname = null] = seed.displayName.split(' ');
    return {
      givenName,
      surname,
      mail: seed.userPrincipalName,
      jobTitle: null,
      officeLocation: null,
      mobilePhone: null,
      businessPhones: [],
      preferredLanguage: 'en-US',
      accountEnabled: true,
      userType: 'Member',
      creationType: null,
      externalUserState: null,
      identities: [{ signInType: 'userPrincipalName', issuer: domain, issuerAssignedId: seed.userPrincipalName }],
      roles: [],
      methods: [{ '@odata.type': '#microsoft.graph.passwordAuthenticationMethod', id: PASSWORD_METHOD_ID, password: null }],
      ...seed,
    };
  };
}
