import { chunksOf } from '../chunks';
import { type BatchItem, type BatchRequest, itemResult, MAX_BATCH_SIZE, sendBatch } from '../graph/batch';
import type { GraphClient } from '../graph/client';
import type { GraphError } from '../graph/errors';
import { completeMemberships } from '../graph/memberships';
import { tapCollectionUrl, toCurrentPass } from '../graph/tap';
import type { TapMethod, TargetUser } from '../graph/types';
import { type Memberships, toMemberships, toTargetUser, transitiveMemberOfUrl, userUrl } from '../graph/users';
import type { Limiter } from './limiter';

type Read<T> = { ok: true; value: T } | { ok: false; error: GraphError };

/** What Graph said about one reference of a list: the user, their current pass, their groups and roles. */
export interface UserRead {
  ref: string;
  user: Read<TargetUser>;
  pass: Read<TapMethod | null>;
  memberships: Read<Memberships>;
}

function mapped<T, U>(item: BatchItem | undefined, to: (body: T) => U): Read<U> {
  const result = itemResult<T>(item);
  return result.ok ? { ok: true, value: to(result.value) } : result;
}

/**
 * The panel's reads for each reference, without the methods a list doesn't show: three GETs a user, packed twenty to a
 * $batch (json-batching.md's limit), the batches side by side. A UPN is resolved by Graph like an object id (graph-docs
 * user-get.md: "{id | userPrincipalName}"). A batch that fails as a whole fails the check: reads are safe to send again.
 */
export async function readUsers(client: GraphClient, refs: string[], inFlight: Limiter): Promise<UserRead[]> {
  const requests: BatchRequest[] = refs.flatMap((ref, n): BatchRequest[] => [
    { id: `user${n}`, method: 'GET', url: userUrl(ref) },
    { id: `pass${n}`, method: 'GET', url: tapCollectionUrl(ref) },
    { id: `groups${n}`, method: 'GET', url: transitiveMemberOfUrl(ref) },
  ]);
  const answers = await Promise.all(chunksOf(requests, MAX_BATCH_SIZE).map((batch) => inFlight(() => sendBatch(client, batch))));
  const items = new Map(answers.flatMap((answer) => [...answer]));
  return refs.map((ref, n) => ({
    ref,
    user: mapped(items.get(`user${n}`), toTargetUser),
    pass: mapped(items.get(`pass${n}`), toCurrentPass),
    memberships: mapped(items.get(`groups${n}`), toMemberships),
  }));
}

/**
 * A user in more groups than one page holds: the same second round the panel makes (memberships.ts), for the policy's
 * groups and the user's roles. Never throws; what stays unsettled stays incomplete, which the verdict treats as unknown.
 */
export async function completeUserMemberships(
  client: GraphClient,
  read: UserRead,
  policyGroupIds: string[],
  inFlight: Limiter,
): Promise<UserRead> {
  if (!read.memberships.ok || read.memberships.value.complete) return read;
  const target = read.memberships.value;
  const completed = await inFlight(() =>
    completeMemberships(client, { userRef: read.ref, target, admin: null, policyGroupIds }),
  ).catch(() => null);
  return completed?.target ? { ...read, memberships: { ok: true, value: completed.target } } : read;
}
