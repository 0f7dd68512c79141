import type { Ref } from 'preact';
import { i18n } from '#i18n';
import type { BulkRow, CheckCounts } from '@/utils/bulk/bulk-rows';
import { verdictOf } from '@/utils/bulk/bulk-rows';
import { checkSummary, optionsSentence, rowSentence, VERDICT_LABEL } from '@/utils/bulk/words';
import type { TapPolicy } from '@/utils/graph/types';
import { formatDuration } from '@/utils/ui/format';
import { ScrollTable } from './ScrollTable';

export interface BulkCheckTableProps {
  rows: readonly BulkRow[];
  counts: CheckCounts;
  /** Lines not used (invalid, the same user again): listed above the table. */
  unused?: number;
  policy: TapPolicy | null;
  /** Before anything was issued, the table says so. */
  issuedAny: boolean;
  headingRef?: Ref<HTMLHeadingElement>;
}

function defaultsSentence(policy: TapPolicy): string {
  const duration = formatDuration(policy.defaultLifetimeInMinutes);
  return policy.isUsableOnce
    ? i18n.t('bulk.check.defaultsOnce', { duration })
    : i18n.t('bulk.check.defaultsReusable', { duration });
}

/** What the check found for every line: who it is, what Issue will do, and why when it won't. */
export function BulkCheckTable({ rows, counts, unused = 0, policy, issuedAny, headingRef }: BulkCheckTableProps) {
  return (
    <section class="bulk-section" aria-labelledby="bulk-check-title">
      <h2 id="bulk-check-title" class="bulk-heading" tabIndex={-1} ref={headingRef}>
        {i18n.t('bulk.check.heading')}
      </h2>
      <p class="bulk-summary" data-testid="bulk-summary">
        {i18n.t('bulk.check.summary', { summary: checkSummary(counts, unused) })}
        {issuedAny ? '' : ` ${i18n.t('bulk.check.nothingYet')}`}
      </p>
      {policy && <p class="hint">{defaultsSentence(policy)}</p>}
      <ScrollTable label={i18n.t('bulk.check.region')}>
        <table class="bulk-table" data-testid="bulk-check-table">
          <thead>
            <tr>
              <th scope="col">{i18n.t('bulk.table.line')}</th>
              <th scope="col">{i18n.t('bulk.table.user')}</th>
              <th scope="col">{i18n.t('bulk.table.askedFor')}</th>
              <th scope="col">{i18n.t('bulk.table.verdict')}</th>
              <th scope="col">{i18n.t('bulk.table.why')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const verdict = verdictOf(row);
              const user = row.check?.user;
              return (
                <tr key={row.line} data-verdict={verdict}>
                  <td>{row.line}</td>
                  <td class="bulk-user">
                    {user ? (
                      <>
                        <span class="bulk-name">{user.displayName}</span>
                        <span class="hint bulk-upn">{user.userPrincipalName}</span>
                      </>
                    ) : (
                      <span class="bulk-upn">{row.ref}</span>
                    )}
                  </td>
                  <td>{optionsSentence(row.options)}</td>
                  <td>
                    <span class={`bulk-verdict bulk-verdict-${verdict}`}>{VERDICT_LABEL[verdict]}</span>
                  </td>
                  <td>{rowSentence(row)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
