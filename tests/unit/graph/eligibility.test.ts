import { describe, expect, it } from 'vitest';
import { type EligibilityInput, evaluateEligibility, externalKind, isExternalGuest } from '@/utils/graph/eligibility';
import { ROLE } from '@/utils/graph/roles';
import type { TapPolicy, TargetUser } from '@/utils/graph/types';
import type { Memberships } from '@/utils/graph/users';

const ADMIN = '11111111-0000-4000-8000-000000000003';
const EXCLUDED = '33333333-0000-4000-8000-000000000001';
const PILOT = '33333333-0000-4000-8000-000000000002';

const user = (over: Partial<TargetUser> = {}): TargetUser => ({
  id: '22222222-0000-4000-8000-000000000001',
  displayName: 'Adele Vance',
  userPrincipalName: 'AdeleV@contoso.onmicrosoft.com',
  accountEnabled: true,
  userType: 'Member',
  creationType: null,
  externalUserState: null,
  mail: null,
  ...over,
});

const policy = (over: Partial<TapPolicy> = {}): TapPolicy => ({
  state: 'enabled',
  defaultLifetimeInMinutes: 60,
  minimumLifetimeInMinutes: 60,
  maximumLifetimeInMinutes: 480,
  defaultLength: 8,
  isUsableOnce: false,
  includeTargets: [{ targetType: 'group', id: 'all_users' }],
  excludeTargets: [{ targetType: 'group', id: EXCLUDED }],
  ...over,
});

const members = (groups: string[] = [], roles: [string, string][] = []): Memberships => ({
  groups: groups.map((id) => ({
    id,
    displayName: id === EXCLUDED ? 'TAP Excluded' : id === PILOT ? 'Pilot TAP users' : 'Other',
  })),
  roles: roles.map(([roleTemplateId, displayName]) => ({ id: `r-${roleTemplateId}`, roleTemplateId, displayName })),
  rolesOpaque: false,
  complete: true,
});

const authAdmin = members([], [[ROLE.authenticationAdministrator, 'Authentication Administrator']]);

const input = (over: Partial<EligibilityInput> = {}): EligibilityInput => ({
  user: user(),
  adminId: ADMIN,
  policy: policy(),
  policyGroups: [{ id: PILOT, displayName: 'Pilot TAP users' }],
  target: members(),
  admin: authAdmin,
  ...over,
});

describe('evaluateEligibility', () => {
  it.each<[string, Partial<EligibilityInput>, string | null, RegExp | null]>([
    ['ordinary member', {}, null, null],
    ['policy disabled', { policy: policy({ state: 'disabled' }) }, 'policyDisabled', /turned off/],
    [
      'external guest',
      { user: user({ userType: 'Guest', creationType: 'Invitation', externalUserState: 'Accepted' }) },
      'externalGuest',
      /external guest/,
    ],
    [
      'external guest who has not redeemed the invitation',
      { user: user({ userType: 'Guest', creationType: 'Invitation', externalUserState: 'PendingAcceptance' }) },
      'externalGuest',
      /external guest/,
    ],
    [
      'external member (B2B, UserType Member)',
      {
        user: user({
          userPrincipalName: 'dana_northwind.com#EXT#@contoso.onmicrosoft.com',
          creationType: 'Invitation',
          externalUserState: 'Accepted',
        }),
      },
      'externalMember',
      /external member.*another organization's account.*home organization's admins can issue one there/,
    ],
    [
      'external member known only by its #EXT# UPN',
      { user: user({ userPrincipalName: 'kai_tailspin.com#EXT#@contoso.onmicrosoft.com' }) },
      'externalMember',
      /external member/,
    ],
    ['internal guest is fine', { user: user({ userType: 'Guest', creationType: null }) }, null, null],
    [
      'in the included group',
      { policy: policy({ includeTargets: [{ targetType: 'group', id: PILOT }] }), target: members([PILOT]) },
      null,
      null,
    ],
    [
      'membership unknown: no claim about inclusion',
      { policy: policy({ includeTargets: [{ targetType: 'group', id: PILOT }] }), target: { ...members(), complete: false } },
      null,
      null,
    ],
    ['self', { user: user({ id: ADMIN }) }, 'self', /yourself/],
    [
      'auth admin vs admin target',
      { target: members([], [[ROLE.userAdministrator, 'User Administrator']]) },
      'roleCannotActOnAdmin',
      /User Administrator.*Privileged Authentication Administrator or Global Administrator/,
    ],
    [
      'auth admin vs Directory Readers target is fine',
      { target: members([], [[ROLE.directoryReaders, 'Directory Readers']]) },
      null,
      null,
    ],
    [
      'privileged auth admin vs admin target',
      {
        admin: members([], [[ROLE.privilegedAuthenticationAdministrator, 'Privileged Authentication Administrator']]),
        target: members([], [[ROLE.userAdministrator, 'User Administrator']]),
      },
      null,
      null,
    ],
    ['global admin', { admin: members([], [[ROLE.globalAdministrator, 'Global Administrator']]) }, null, null],
    // No issuing role listed is no proof (a role scoped to an administrative unit never shows): Graph's 403 decides.
    ['global reader: no verdict, Graph decides', { admin: members([], [[ROLE.globalReader, 'Global Reader']]) }, null, null],
    ['no role listed: no verdict, Graph decides', { admin: members() }, null, null],
    ['admin roles unreadable: no verdict on roles', { admin: null }, null, null],
    ['admin roles opaque: no verdict on roles', { admin: { ...members(), rolesOpaque: true } }, null, null],
    ['policy unreadable: no policy verdict', { policy: null, target: members([EXCLUDED]) }, null, null],
  ])('%s', (_name, over, reason, sentence) => {
    const result = evaluateEligibility(input(over));
    expect(result.canIssue).toBe(reason === null);
    if (reason === null) {
      expect(result.reasons).toEqual([]);
      return;
    }
    expect(result.reasons[0]?.reason).toBe(reason);
    if (sentence) expect(result.reasons[0]?.sentence).toMatch(sentence);
  });

  it.each<[string, Partial<EligibilityInput>, string, RegExp]>([
    [
      'excluded by group',
      { target: members([EXCLUDED]) },
      'excluded',
      /is in “TAP Excluded”, which the Temporary Access Pass policy excludes\. You can issue a pass, but Adele Vance can't sign in with it until you remove the user from that group/,
    ],
    [
      'not in the included group',
      { policy: policy({ includeTargets: [{ targetType: 'group', id: PILOT }] }) },
      'notIncluded',
      /isn't in the group .*\(“Pilot TAP users”\)\. You can issue a pass, but Adele Vance can't sign in with it until you add the user to it or widen the policy/,
    ],
    [
      'disabled account',
      { user: user({ accountEnabled: false }) },
      'accountDisabled',
      /account is disabled, so the user can't sign in at all\. You can issue a pass now.*won't work until an administrator enables the account again/,
    ],
  ])('%s: a warning, Issue stays possible', (_name, over, reason, sentence) => {
    const result = evaluateEligibility(input(over));
    expect(result.canIssue).toBe(true);
    expect(result.reasons).toEqual([]);
    expect(result.warnings[0]?.reason).toBe(reason);
    expect(result.warnings[0]?.sentence).toMatch(sentence);
  });

  it('names the excluded and the included groups in the warnings', () => {
    const excluded = evaluateEligibility(input({ target: members([EXCLUDED]) }));
    expect(excluded.warnings[0]?.groups).toEqual([{ id: EXCLUDED, displayName: 'TAP Excluded' }]);
    const other = '33333333-0000-4000-8000-000000000009';
    const outside = evaluateEligibility(
      input({
        policy: policy({
          includeTargets: [
            { targetType: 'group', id: PILOT },
            { targetType: 'group', id: other },
          ],
        }),
      }),
    );
    expect(outside.warnings[0]?.groups).toEqual([
      { id: PILOT, displayName: 'Pilot TAP users' },
      { id: other, displayName: null },
    ]);
    expect(outside.warnings[0]?.sentence).toMatch(
      /any of the groups .*\(“Pilot TAP users” and a group\).*add the user to one of them/,
    );
  });

  it('a policy that is off blocks, and then says nothing about groups', () => {
    const result = evaluateEligibility(input({ policy: policy({ state: 'disabled' }), target: members([EXCLUDED]) }));
    expect(result).toMatchObject({ canIssue: false, warnings: [] });
    expect(result.reasons.map((r) => r.reason)).toEqual(['policyDisabled']);
  });

  it('no warnings while something blocks (an external member who is also disabled)', () => {
    const result = evaluateEligibility(
      input({ user: user({ accountEnabled: false, userPrincipalName: 'x_fabrikam.com#EXT#@contoso.onmicrosoft.com' }) }),
    );
    expect(result.canIssue).toBe(false);
    expect(result.warnings).toEqual([]);
  });
});

describe('externalKind / isExternalGuest', () => {
  it.each<[string, Partial<TargetUser>, 'guest' | 'member' | null]>([
    ['member', {}, null],
    ['internal guest', { userType: 'Guest' }, null],
    ['external guest', { userType: 'Guest', creationType: 'Invitation', externalUserState: 'Accepted' }, 'guest'],
    ['pending invitee', { userType: 'Guest', externalUserState: 'PendingAcceptance' }, 'guest'],
    ['external member', { creationType: 'Invitation', externalUserState: 'Accepted' }, 'member'],
    ['#EXT# UPN only (lower case too)', { userPrincipalName: 'kai_tailspin.com#ext#@contoso.onmicrosoft.com' }, 'member'],
  ])('%s', (_name, over, kind) => {
    expect(externalKind(user(over))).toBe(kind);
    expect(isExternalGuest(user(over))).toBe(kind !== null);
  });
});
