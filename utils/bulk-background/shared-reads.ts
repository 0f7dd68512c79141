import type { GraphClient } from '../graph/client';
import { AppError } from '../graph/errors';
import { completeMemberships } from '../graph/memberships';
import { fetchPolicyView, type PolicyStore } from '../graph/policy';
import { type Memberships, MY_MEMBER_OF_URL, toMemberships } from '../graph/users';
import type { PolicyView } from '../messages';
import type { Limiter } from './limiter';

/** Every row's verdict waits for these: ahead of the rows' own batches. */
const FIRST = { first: true };

/** What every row of a list is checked against: the policy (with its groups' names) and the signed-in admin's roles. */
export interface SharedView {
  policy: PolicyView;
  /** Null when Graph wouldn't list them: the verdicts then claim nothing about roles (Graph decides at issue time). */
  admin: Memberships | null;
}

/**
 * The policy the panel reads (fetchPolicyView) and the admin's transitive memberships, side by side in one round trip;
 * a second only when the policy names groups not named before, or the admin's list doesn't fit a page. A definite view
 * goes to the policy store, where bulkIssue (and the panel) validate options against it.
 */
export async function readShared(
  client: GraphClient,
  policyStore: PolicyStore,
  inFlight: Limiter,
  now: number,
): Promise<SharedView> {
  const previous = await policyStore.getValue();
  const [policy, firstPage] = await Promise.all([
    inFlight(() => fetchPolicyView(client, previous, now), FIRST).catch((error: unknown) => {
      // A blip (throttled, a 5xx) keeps the last good copy, as the panel does; with none, the check can't go on.
      if (previous && error instanceof AppError && error.info.kind !== 'signedOut') return { ...previous, fromCache: true };
      throw error;
    }),
    inFlight(() => client.request('GET', MY_MEMBER_OF_URL), FIRST).then(toMemberships, () => null),
  ]);
  if (!policy.fromCache) await policyStore.setValue(policy);
  let admin = firstPage;
  if (admin && !admin.complete) {
    const completed = await inFlight(
      () => completeMemberships(client, { userRef: 'me', target: null, admin: firstPage, policyGroupIds: [] }),
      FIRST,
    );
    admin = completed.admin;
  }
  return { policy, admin };
}
