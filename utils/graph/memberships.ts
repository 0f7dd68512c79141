/**
 * Memberships too long for one page. Why not follow @odata.nextLink: each page needs the previous page's $skiptoken, so a
 * user in N pages costs N - 1 more round trips one after another, and a role can sit on any of them. Instead the first
 * view reads both lists at the maximum page size ($top=999, one page for nearly everyone, so the first view stays one
 * $batch), and only when a list still has a nextLink does one more $batch answer what the verdict needs, whatever the
 * count: checkMemberGroups (transitive, ≤ 20 ids a call; graph-docs: directoryobject-checkmembergroups.md) for the groups
 * the policy names, and the directory roles alone (OData cast, a handful). It can't join the first $batch: when the cached
 * policy is stale, its group ids aren't known until that batch answers. Anything left unsettled stays incomplete, which
 * eligibility treats as unknown (Graph then decides at issue time).
 */
import { chunksOf } from '../chunks';
import { type BatchItem, type BatchRequest, itemResult, MAX_BATCH_SIZE, sendBatch } from './batch';
import type { GraphClient } from './client';
import { groupUrl } from './policy';
import type { GroupRef } from './types';
import { checkMemberGroupsUrl, directoryRolesUrl, type Memberships, toMemberships } from './users';

export const CHECK_MEMBER_GROUPS_MAX_IDS = 20;

const ID = {
  targetRoles: 'targetRoles',
  myRoles: 'myRoles',
  groups: (n: number) => `groups${n}`,
  name: (n: number) => `name${n}`,
} as const;

/** The roles from a cast page, or null when unreadable. */
function rolesFrom(item: BatchItem | undefined): Memberships | null {
  const result = itemResult(item);
  return result.ok ? toMemberships(result.value) : null;
}

export interface MembershipInput {
  userRef: string;
  target: Memberships | null;
  admin: Memberships | null;
  /** Object ids of the groups the policy names (include and exclude); empty when the policy is unknown or off. */
  policyGroupIds: string[];
  /** Groups whose display names are known already (the policy's, the first page's). */
  knownNames?: GroupRef[];
}

export interface CompletedMemberships {
  target: Memberships | null;
  admin: Memberships | null;
  /** Names of policy groups read in the same round (a group beyond the first page has no name from the list). */
  groupNames: GroupRef[];
}

/** At most one $batch, only when a list was cut short; never throws (a failed round leaves the lists incomplete). */
export async function completeMemberships(
  client: GraphClient,
  { userRef, target, admin, policyGroupIds, knownNames = [] }: MembershipInput,
): Promise<CompletedMemberships> {
  const targetOpen = !!target && !target.complete;
  const adminOpen = !!admin && !admin.complete;
  if (!targetOpen && !adminOpen) return { target, admin, groupNames: [] };

  const requests: BatchRequest[] = [];
  if (adminOpen) requests.push({ id: ID.myRoles, method: 'GET', url: directoryRolesUrl('me') });
  let groupChunks: string[][] = [];
  let allChecked = true;
  let unnamed: string[] = [];
  if (targetOpen) {
    requests.push({ id: ID.targetRoles, method: 'GET', url: directoryRolesUrl(userRef) });
    const ids = [...new Set(policyGroupIds.map((id) => id.toLowerCase()))];
    groupChunks = chunksOf(ids, CHECK_MEMBER_GROUPS_MAX_IDS);
    const room = MAX_BATCH_SIZE - requests.length;
    allChecked = groupChunks.length <= room; // more than 360 policy groups: the rest stays unknown
    groupChunks = groupChunks.slice(0, room);
    for (const [n, groupIds] of groupChunks.entries()) {
      requests.push({
        id: ID.groups(n),
        method: 'POST',
        url: checkMemberGroupsUrl(userRef),
        body: { groupIds },
        headers: { 'Content-Type': 'application/json' },
      });
    }
    // Names for the sentence, in the spare room of the same round (not worth a round of their own).
    const named = new Set(knownNames.filter((g) => g.displayName).map((g) => g.id.toLowerCase()));
    unnamed = ids.filter((id) => !named.has(id)).slice(0, MAX_BATCH_SIZE - requests.length);
    for (const [n, id] of unnamed.entries()) requests.push({ id: ID.name(n), method: 'GET', url: groupUrl(id) });
  }

  let items: Map<string, BatchItem>;
  try {
    items = await sendBatch(client, requests);
  } catch {
    return { target, admin, groupNames: [] };
  }
  const groupNames: GroupRef[] = unnamed.flatMap((id, n) => {
    const result = itemResult<{ displayName?: unknown }>(items.get(ID.name(n)));
    return result.ok && typeof result.value?.displayName === 'string' ? [{ id, displayName: result.value.displayName }] : [];
  });

  let nextAdmin = admin;
  if (admin && adminOpen) {
    const roles = rolesFrom(items.get(ID.myRoles));
    if (roles) nextAdmin = { ...admin, roles: roles.roles, rolesOpaque: roles.rolesOpaque, complete: roles.complete };
  }

  let nextTarget = target;
  if (target && targetOpen) {
    const roles = rolesFrom(items.get(ID.targetRoles));
    const confirmed: string[] = [];
    let groupsKnown = allChecked;
    groupChunks.forEach((_, n) => {
      const result = itemResult<{ value?: unknown }>(items.get(ID.groups(n)));
      if (result.ok && Array.isArray(result.value?.value)) confirmed.push(...result.value.value.map(String));
      else groupsKnown = false;
    });
    const groups = new Map<string, GroupRef>(target.groups.map((g) => [g.id.toLowerCase(), g]));
    for (const id of confirmed) {
      const name = groupNames.find((g) => g.id === id.toLowerCase())?.displayName ?? null;
      if (!groups.has(id.toLowerCase())) groups.set(id.toLowerCase(), { id, displayName: name });
    }
    nextTarget = {
      groups: [...groups.values()],
      roles: roles ? roles.roles : target.roles,
      rolesOpaque: roles ? roles.rolesOpaque : target.rolesOpaque,
      complete: !!roles?.complete && groupsKnown,
    };
  }
  return { target: nextTarget, admin: nextAdmin, groupNames };
}
