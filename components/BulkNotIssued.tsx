import type { ComponentChildren, Ref } from 'preact';
import { i18n } from '#i18n';
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
  return cancelled ? i18n.t('bulk.notIssued.cancelled') : i18n.t('bulk.notIssued.stopped');
}

/** The rows a run didn't issue for, each with what happened. */
export function BulkNotIssued({ rows, cancelled, headingRef, children }: BulkNotIssuedProps) {
  return (
    <section class="card bulk-not-issued" aria-labelledby="bulk-not-issued-title" data-testid="bulk-not-issued">
      <h2 id="bulk-not-issued-title" class="bulk-heading" tabIndex={-1} ref={headingRef}>
        {i18n.t('bulk.notIssued.heading', rows.length)}
      </h2>
      <ScrollTable label={i18n.t('bulk.notIssued.region')}>
        <table class="bulk-table">
          <thead>
            <tr>
              <th scope="col">{i18n.t('bulk.table.line')}</th>
              <th scope="col">{i18n.t('bulk.table.user')}</th>
              <th scope="col">{i18n.t('bulk.table.whatHappened')}</th>
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
