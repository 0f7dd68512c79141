import { PERMISSION_FOR } from '../auth/scopes';
import type { ErrorInfo, PanelState, PolicyView } from '../messages';
import { type BatchRequest, itemResult, sendBatch } from './batch';
import type { GraphClient } from './client';
import { evaluateEligibility } from './eligibility';
import { type GraphAction, toErrorInfo } from './error-info';
import { AppError, type GraphError } from './errors';
import { completeMemberships } from './memberships';
import { toMethodSummaries } from './methods';
import {
  isFresh,
  POLICY_URL,
  type PolicyStore,
  resolveGroupNames,
  targetGroupIds,
  toTapPolicy,
  unreadablePolicy,
} from './policy';
import { methodsUrl, tapCollectionUrl, toCurrentPass } from './tap';
import type { GroupRef } from './types';
import { MY_MEMBER_OF_URL, toMemberships, toTargetUser, transitiveMemberOfUrl, userUrl } from './users';

export interface PanelStateDeps {
  client: GraphClient;
  policyStore: PolicyStore;
  /** Object id of the signed-in admin. */
  adminId: string | null;
  now?: () => number;
}

const ID = { user: 'user', pass: 'pass', methods: 'methods', memberOf: 'memberOf', me: 'me', policy: 'policy' } as const;

/**
 * Everything the panel shows, in one $batch: the user, their pass, their methods, their groups and roles,
 * the admin's roles, and the policy when the cached copy is older than five minutes. A second only when a membership
 * list doesn't fit one page (memberships.ts).
 */
export async function loadPanelState(userRef: string, deps: PanelStateDeps): Promise<PanelState> {
  const { client, policyStore } = deps;
  const now = deps.now?.() ?? Date.now();
  const cached = await policyStore.getValue();
  const readPolicy = !isFresh(cached, now);
  const requests: BatchRequest[] = [
    { id: ID.user, method: 'GET', url: userUrl(userRef) },
    { id: ID.pass, method: 'GET', url: tapCollectionUrl(userRef) },
    { id: ID.methods, method: 'GET', url: methodsUrl(userRef) },
    { id: ID.memberOf, method: 'GET', url: transitiveMemberOfUrl(userRef) },
    { id: ID.me, method: 'GET', url: MY_MEMBER_OF_URL },
    ...(readPolicy ? [{ id: ID.policy, method: 'GET' as const, url: POLICY_URL }] : []),
  ];
  const items = await sendBatch(client, requests);
  const context = (action: GraphAction, permission: string) => ({ action, permission, grantedScopes: client.grantedScopes() });

  const userResult = itemResult<Record<string, unknown>>(items.get(ID.user));
  if (!userResult.ok) throw new AppError(toErrorInfo(userResult.error, context('readUser', PERMISSION_FOR.readUser)));
  const user = toTargetUser(userResult.value);

  const passResult = itemResult(items.get(ID.pass));
  const methodsResult = itemResult(items.get(ID.methods));
  const memberOf = itemResult(items.get(ID.memberOf));
  const me = itemResult(items.get(ID.me));
  let target = memberOf.ok ? toMemberships(memberOf.value) : null;
  let admin = me.ok ? toMemberships(me.value) : null;

  let policy: PolicyView;
  if (!readPolicy && cached) {
    policy = { ...cached, fromCache: true };
  } else {
    policy = policyFromItem(itemResult<Record<string, unknown>>(items.get(ID.policy)), cached, now, client.grantedScopes());
    if (!policy.fromCache && isDefinite(policy)) await policyStore.setValue(policy);
  }

  // A list cut short by paging (@odata.nextLink): at most one more round trip settles the roles and the policy's groups.
  let pagedNames: GroupRef[] = [];
  if ((target && !target.complete) || (admin && !admin.complete)) {
    const policyGroupIds = policy.policy?.state === 'enabled' ? targetGroupIds(policy.policy) : [];
    const knownNames = mergeGroups(policy.groups, target?.groups ?? []);
    ({
      target,
      admin,
      groupNames: pagedNames,
    } = await completeMemberships(client, {
      userRef,
      target,
      admin,
      policyGroupIds,
      knownNames,
    }));
  }

  const knownGroups = (): GroupRef[] => mergeGroups(mergeGroups(policy.groups, pagedNames), target?.groups ?? []);
  let eligibility = evaluateEligibility({
    user,
    adminId: deps.adminId,
    policy: policy.policy,
    policyGroups: knownGroups(),
    target,
    admin,
  });
  // Name the included groups only when the verdict needs them and they aren't known yet (a second round trip). "Not
  // included" is a warning (a pass can still be issued), so it is looked for there as well as among the refusals.
  const unnamed = [...eligibility.reasons, ...eligibility.warnings].some(
    (r) => r.reason === 'notIncluded' && r.groups?.some((g) => !g.displayName),
  );
  if (unnamed && policy.policy) {
    const groups = await resolveGroupNames(client, targetGroupIds(policy.policy), knownGroups()).catch(() => null);
    if (groups) {
      policy = { ...policy, groups };
      if (!policy.fromCache && isDefinite(policy)) await policyStore.setValue(policy);
      eligibility = evaluateEligibility({
        user,
        adminId: deps.adminId,
        policy: policy.policy,
        policyGroups: groups,
        target,
        admin,
      });
    }
  }

  return {
    user,
    currentPass: passResult.ok ? toCurrentPass(passResult.value) : null,
    methods: methodsResult.ok ? toMethodSummaries(methodsResult.value) : [],
    policy,
    eligibility,
    adminRoles: (admin?.roles ?? []).map((r) => r.displayName),
    passUnreadable: passResult.ok ? null : unreadableNote(passResult.error, context('readMethods', PERMISSION_FOR.readMethods)),
    methodsUnreadable: methodsResult.ok
      ? null
      : unreadableNote(methodsResult.error, context('readMethods', PERMISSION_FOR.readMethods)),
  };
}

/** Only a definite answer is kept: a throttled or failed read must not stand in for the policy for minutes. */
function isDefinite(view: PolicyView): boolean {
  return !view.unreadable || view.unreadable.kind === 'forbidden' || view.unreadable.kind === 'consentRequired';
}

function unreadableNote(error: GraphError, ctx: Parameters<typeof toErrorInfo>[1]): ErrorInfo {
  return toErrorInfo(error, ctx);
}

function mergeGroups(a: GroupRef[], b: GroupRef[]): GroupRef[] {
  const byId = new Map<string, GroupRef>();
  for (const g of [...a, ...b]) {
    const prev = byId.get(g.id.toLowerCase());
    if (!prev || (!prev.displayName && g.displayName)) byId.set(g.id.toLowerCase(), g);
  }
  return [...byId.values()];
}

function policyFromItem(
  result: ReturnType<typeof itemResult<Record<string, unknown>>>,
  cached: PolicyView | null,
  now: number,
  grantedScopes: readonly string[],
): PolicyView {
  if (result.ok) {
    const policy = toTapPolicy(result.value);
    const ids = targetGroupIds(policy);
    const groups = ids.map((id) => cached?.groups.find((g) => g.id === id) ?? { id, displayName: null });
    return { policy, groups, unreadable: null, fetchedAt: now, fromCache: false };
  }
  const info = unreadablePolicy(result.error, { permission: PERMISSION_FOR.readPolicy, grantedScopes });
  if (info.kind !== 'forbidden' && info.kind !== 'consentRequired' && cached) return { ...cached, fromCache: true }; // a blip: keep the last good copy
  return { policy: null, groups: [], unreadable: info, fetchedAt: now, fromCache: false };
}
