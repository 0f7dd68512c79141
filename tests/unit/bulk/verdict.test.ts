import { describe, expect, it } from 'vitest';
import type { SharedView } from '@/utils/bulk-background/shared-reads';
import type { UserRead } from '@/utils/bulk-background/user-reads';
import { bulkVerdict } from '@/utils/bulk-background/verdict';
import { GraphError } from '@/utils/graph/errors';
import type { TapPolicy, TargetUser } from '@/utils/graph/types';

const user: TargetUser = {
  id: '22222222-0000-4000-8000-000000000001',
  displayName: 'Adele Vance',
  userPrincipalName: 'AdeleV@contoso.onmicrosoft.com',
  accountEnabled: true,
  userType: 'Member',
  creationType: null,
  externalUserState: null,
  mail: null,
};
const policy = (over: Partial<TapPolicy> = {}): TapPolicy => ({
  state: 'enabled',
  defaultLifetimeInMinutes: 60,
  minimumLifetimeInMinutes: 60,
  maximumLifetimeInMinutes: 480,
  defaultLength: 8,
  isUsableOnce: false,
  includeTargets: [{ targetType: 'group', id: 'all_users' }],
  excludeTargets: [],
  ...over,
});
const shared = (p: TapPolicy): SharedView => ({
  policy: { policy: p, groups: [], unreadable: null, fetchedAt: 0, fromCache: false },
  admin: null,
});
const throttled = new GraphError({ status: 429, code: 'TooManyRequests', message: 'Too many requests', retryAfterSeconds: 2 });
const read = (over: Partial<UserRead> = {}): UserRead => ({
  ref: user.id,
  user: { ok: true, value: user },
  pass: { ok: true, value: null },
  memberships: { ok: true, value: { groups: [], roles: [], rolesOpaque: false, complete: true } },
  ...over,
});
const context = (p: TapPolicy) => ({ shared: shared(p), adminId: '11111111-0000-4000-8000-000000000001', grantedScopes: [] });

describe('bulkVerdict when a read failed', () => {
  it('groups unreadable and the policy names groups: skipped, it can’t tell', () => {
    const excluding = policy({ excludeTargets: [{ targetType: 'group', id: '33333333-0000-4000-8000-000000000001' }] });
    expect(bulkVerdict(read({ memberships: { ok: false, error: throttled } }), context(excluding))).toMatchObject({
      verdict: 'skip',
      reason: 'error',
      sentence: expect.stringMatching(/couldn’t read Adele Vance’s groups/),
    });
  });

  it('groups unreadable but the policy is for all users and names no group: nothing depends on them', () => {
    expect(bulkVerdict(read({ memberships: { ok: false, error: throttled } }), context(policy()))).toMatchObject({
      verdict: 'issue',
    });
  });

  it('the current pass unreadable: skipped, since issuing might replace one unseen', () => {
    expect(bulkVerdict(read({ pass: { ok: false, error: throttled } }), context(policy()))).toMatchObject({
      verdict: 'skip',
      reason: 'error',
      sentence: expect.stringMatching(/couldn’t read whether Adele Vance has a Temporary Access Pass now.*wait 2 seconds/),
    });
  });

  it('the user unreadable for another reason than 404: skipped with Graph’s sentence', () => {
    expect(bulkVerdict(read({ user: { ok: false, error: throttled } }), context(policy()))).toMatchObject({
      verdict: 'skip',
      reason: 'error',
      sentence: expect.stringMatching(/Microsoft Graph is busy/),
    });
  });
});
