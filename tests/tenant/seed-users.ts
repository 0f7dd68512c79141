/**
 * Many members at once, for the bulk page's e2e and the bench (`seedUsers`, `POST /__control/seed-users`). Each is an
 * ordinary member as seed-member.ts writes them: enabled, UserType Member, no roles, a password only, no pass, signing
 * in with a UPN at the directory's domain; in the groups named (direct members), so a policy can include or exclude them.
 */
import type { SeedPerson } from './seed';
import { memberOf } from './seed-member';
import { findGroup, type TenantState } from './state';

export interface SeedUsersSpec {
  count: number;
  /** The UPN's and display name's stem: "bulk" gives bulk001@<domain>, "bulk 001". */
  prefix?: string;
  groupIds?: string[];
}

export const SEED_USERS_MAX = 1000;
const PREFIX = /^[A-Za-z][A-Za-z0-9]{0,19}$/;
/** Object ids 88888888-0000-4000-8000-<n>: never one of the seed's. */
const ID_STEM = '88888888-0000-4000-8000-';
const idOf = (n: number) => `${ID_STEM}${String(n).padStart(12, '0')}`;

/** Adds the members and returns them (id, name, UPN); throws with a sentence for a spec it can't honour. */
export function seedUsers(state: TenantState, spec: SeedUsersSpec): SeedPerson[] {
  const { count, prefix = 'bulk', groupIds = [] } = spec;
  if (!Number.isInteger(count) || count < 1 || count > SEED_USERS_MAX)
    throw new Error(`count must be a whole number from 1 to ${SEED_USERS_MAX}`);
  if (!PREFIX.test(prefix)) throw new Error('prefix must be a letter, then up to 19 letters or digits');
  const groups = groupIds.map((id) => {
    const group = findGroup(state, id);
    if (!group) throw new Error(`No group ${id}`);
    return group;
  });
  const make = memberOf(state.tenant.domain);
  // Numbering goes on after earlier calls, so ids and UPNs never collide.
  const taken = state.users.filter((user) => user.id.startsWith(ID_STEM)).length;
  const added: SeedPerson[] = [];
  for (let n = taken + 1; n <= taken + count; n += 1) {
    const number = String(n).padStart(3, '0');
    const person: SeedPerson = {
      id: idOf(n),
      displayName: `${prefix} ${number}`,
      userPrincipalName: `${prefix}${number}@${state.tenant.domain}`,
    };
    if (state.users.some((user) => user.userPrincipalName.toLowerCase() === person.userPrincipalName.toLowerCase()))
      throw new Error(`A user ${person.userPrincipalName} exists already`);
    state.users.push(make({ ...person, jobTitle: 'New hire' }));
    for (const group of groups) group.members.push(person.id);
    added.push(person);
  }
  return added;
}
