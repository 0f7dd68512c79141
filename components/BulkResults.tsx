import type { Ref } from 'preact';
import { i18n } from '#i18n';
import type { IssuedRow } from '@/utils/bulk/results-csv';
import { formatDateTime, passEnd } from '@/utils/ui/format-pass';
import { unusableSentence } from '@/utils/ui/pass-status';
import { CopyButton } from './CopyButton';
import { PassGroups } from './PassGroups';
import { ScrollTable } from './ScrollTable';

export interface BulkResultsProps {
  rows: readonly IssuedRow[];
  onPrint: () => void;
  onDownload: () => void;
  /** text: what was copied (the pass), for the clipboard watch. */
  onCopied: (row: IssuedRow, text: string) => void;
  onCopyFailed: (row: IssuedRow) => void;
  headingRef?: Ref<HTMLHeadingElement>;
}

/** The passes, shown once: on this page until it closes, copied one by one, printed as sheets or saved as a file. */
export function BulkResults({ rows, onPrint, onDownload, onCopied, onCopyFailed, headingRef }: BulkResultsProps) {
  return (
    <section class="card bulk-results" aria-labelledby="bulk-results-title" data-testid="bulk-results">
      <h2 id="bulk-results-title" class="bulk-heading" tabIndex={-1} ref={headingRef}>
        {i18n.t('bulk.results.heading', rows.length)}
      </h2>
      <p>{i18n.t('bulk.results.intro')}</p>
      <div class="actions">
        <button type="button" class="btn btn-primary" onClick={onPrint} aria-describedby="bulk-print-note">
          {i18n.t('bulk.results.print')}
        </button>
        <button type="button" class="btn" onClick={onDownload} aria-describedby="bulk-csv-note">
          {i18n.t('bulk.results.download')}
        </button>
      </div>
      <p id="bulk-print-note" class="hint">
        {i18n.t('bulk.results.printNote')}
      </p>
      <p id="bulk-csv-note" class="hint">
        {i18n.t('bulk.results.csvNote')}
      </p>
      <ScrollTable label={i18n.t('bulk.results.region')}>
        <table class="bulk-table" data-testid="bulk-results-table">
          <thead>
            <tr>
              <th scope="col">{i18n.t('bulk.table.user')}</th>
              <th scope="col">{i18n.t('bulk.table.pass')}</th>
              <th scope="col">{i18n.t('bulk.table.validFrom')}</th>
              <th scope="col">{i18n.t('bulk.table.validUntil')}</th>
              <th scope="col">{i18n.t('bulk.table.oneTime')}</th>
              <th scope="col">
                <span class="visually-hidden">{i18n.t('bulk.table.copy')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const { user, pass } = row;
              const unusable = pass.isUsable ? null : unusableSentence(pass);
              return (
                <tr key={row.line}>
                  <td class="bulk-user">
                    <span class="bulk-name">{user.displayName}</span>
                    <span class="hint bulk-upn">{user.userPrincipalName}</span>
                  </td>
                  <td class="bulk-pass">
                    {/* Read once, whole; the groups are for the eye. */}
                    <span class="visually-hidden">{pass.temporaryAccessPass}</span>
                    <PassGroups value={pass.temporaryAccessPass} />
                    {unusable && <span class="hint bulk-unusable">{unusable}</span>}
                  </td>
                  <td>{formatDateTime(pass.startDateTime)}</td>
                  <td>{formatDateTime(passEnd(pass.startDateTime, pass.lifetimeInMinutes))}</td>
                  <td>{i18n.t(pass.isUsableOnce ? 'bulk.table.answerYes' : 'bulk.table.answerNo')}</td>
                  <td>
                    <CopyButton
                      getText={() => pass.temporaryAccessPass}
                      label={i18n.t('bulk.table.copy')}
                      ariaLabel={i18n.t('bulk.results.copyFor', { user: user.displayName })}
                      class="btn btn-small"
                      onCopied={(text) => onCopied(row, text)}
                      onFailed={() => onCopyFailed(row)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
