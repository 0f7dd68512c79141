import { accountObjectId } from '../../auth/broker';
import { readShared } from '../../bulk-background/shared-reads';
import { completeUserMemberships, readUsers } from '../../bulk-background/user-reads';
import { bulkVerdict, skipRepeats } from '../../bulk-background/verdict';
import { targetGroupIds } from '../../graph/policy';
import type { TapPolicy } from '../../graph/types';
import type { BulkCheckRow } from '../../messages';
import type { BackgroundServices } from '../services';

/**
 * Resolves and checks up to BULK_CHUNK references for the bulk page: each user, their pass and their groups through
 * $batch, against the policy and the admin's roles read once for the whole list (bulk-services.ts), with the panel's
 * verdicts; a user the policy wouldn't let sign in is skipped (verdict.ts says why). The users a row may be issued for are
 * recorded with the issue guard, so bulkIssue acts only on users Graph resolved in this session.
 */
export async function bulkCheck(
  req: { refs: string[] },
  services: BackgroundServices,
): Promise<{ rows: BulkCheckRow[]; policy: TapPolicy | null }> {
  const { graph, bulk } = services;
  const account = await services.broker.account();
  const adminId = account ? accountObjectId(account) : null;
  // Another admin, or the same one in another directory, never gets these roles.
  const adminKey = `${account?.tenantId ?? ''}/${adminId ?? ''}`.toLowerCase();
  const [shared, firstReads] = await Promise.all([
    bulk.shared.get(adminKey, () => readShared(graph, services.policyStore, bulk.inFlight, services.now())),
    readUsers(graph, req.refs, bulk.inFlight),
  ]);
  const policy = shared.policy.policy;
  const groupIds = policy?.state === 'enabled' ? targetGroupIds(policy) : [];
  const reads = await Promise.all(firstReads.map((read) => completeUserMemberships(graph, read, groupIds, bulk.inFlight)));
  const context = { shared, adminId, grantedScopes: graph.grantedScopes() };
  const rows = skipRepeats(reads.map((read) => bulkVerdict(read, context)));

  // Only rows that will be issued: a skipped user (a guest, an excluded one) is never made issuable by a list.
  const issuable = rows.filter((row) => row.verdict !== 'skip');
  await services.guard.recordResolvedAll(
    issuable.flatMap((row) =>
      row.user
        ? [
            {
              id: row.user.id,
              passId: row.currentPass?.id ?? null,
              names: { displayName: row.user.displayName, userPrincipalName: row.user.userPrincipalName },
            },
          ]
        : [],
    ),
  );
  const count = (verdict: BulkCheckRow['verdict']) => rows.filter((row) => row.verdict === verdict).length;
  services.log(`bulkCheck: ${rows.length} refs: ${count('issue')} issue, ${count('replace')} replace, ${count('skip')} skip`);
  return { rows, policy };
}
