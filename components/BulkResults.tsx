import type { Ref } from 'preact';
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
        {rows.length === 1 ? '1 pass issued' : `${rows.length} passes issued`}
      </h2>
      <p>
        Shown only here, until you close this page: nothing of them is saved. Hand each pass to the person or their manager after
        verifying who they are; don’t email it. A copied pass is cleared from the clipboard after the delay set in the options,
        and when you close this page.
      </p>
      <div class="actions">
        <button type="button" class="btn btn-primary" onClick={onPrint} aria-describedby="bulk-print-note">
          Print handover sheets
        </button>
        <button type="button" class="btn" onClick={onDownload} aria-describedby="bulk-csv-note">
          Download CSV
        </button>
      </div>
      <p id="bulk-print-note" class="hint">
        Print opens the print dialog: one page per user with the pass and sign-in steps.
      </p>
      <p id="bulk-csv-note" class="hint">
        The file holds working credentials: store it encrypted, share it with no one else, and delete it after the handover. Open
        it as text; a spreadsheet may take a pass that starts with = + - or @ for a formula.
      </p>
      <ScrollTable label="Issued passes">
        <table class="bulk-table" data-testid="bulk-results-table">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Pass</th>
              <th scope="col">Valid from</th>
              <th scope="col">Valid until</th>
              <th scope="col">One-time</th>
              <th scope="col">
                <span class="visually-hidden">Copy</span>
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
                  <td>{pass.isUsableOnce ? 'Yes' : 'No'}</td>
                  <td>
                    <CopyButton
                      getText={() => pass.temporaryAccessPass}
                      label="Copy"
                      ariaLabel={`Copy the pass for ${user.displayName}`}
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
