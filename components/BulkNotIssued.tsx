import type { ComponentChildren, Ref } from 'preact';
import type { BulkRow } from '@/utils/bulk/bulk-rows';
import { ScrollTable } from './ScrollTable';

export interface BulkNotIssuedProps {
  rows: readonly BulkRow[];
  /** The run was cancelled (rather than stopped by an error): says why a row wasn't sent. */
  cancelled: boolean;
  headingRef?: Ref<HTMLHeadingElement>;
  /** Issue again for those worth it (BulkIssueAction), when there are any. */
  children?: ComponentChildren;
}

function outcomeSentence(row: BulkRow, cancelled: boolean): string {
  const outcome = row.outcome;
  if (outcome?.status === 'failed' || outcome?.status === 'unknown') return outcome.error.message;
  return cancelled ? 'Not sent: the run was cancelled before this user.' : 'Not sent: the run stopped before this user.';
}

/** The rows a run didn't issue for, each with what happened. */
export function BulkNotIssued({ rows, cancelled, headingRef, children }: BulkNotIssuedProps) {
  return (
    <section class="card bulk-not-issued" aria-labelledby="bulk-not-issued-title" data-testid="bulk-not-issued">
      <h2 id="bulk-not-issued-title" class="bulk-heading" tabIndex={-1} ref={headingRef}>
        {rows.length === 1 ? 'Not issued for 1 user' : `Not issued for ${rows.length} users`}
      </h2>
      <ScrollTable label="Users not issued a pass">
        <table class="bulk-table">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">User</th>
              <th scope="col">What happened</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.line}>
                <td>{row.line}</td>
                <td class="bulk-user">
                  <span class="bulk-name">{row.check?.user?.displayName ?? row.ref}</span>
                  {row.check?.user && <span class="hint bulk-upn">{row.check.user.userPrincipalName}</span>}
                </td>
                <td>{outcomeSentence(row, cancelled)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      {children}
    </section>
  );
}
