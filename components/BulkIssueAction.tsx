import { useLayoutEffect, useRef } from 'preact/hooks';
import type { SendCounts } from '@/utils/bulk/bulk-rows';
import { confirmLabel, confirmSentence } from '@/utils/bulk/words';
import { ConfirmRow } from './ConfirmRow';

export interface BulkIssueActionProps {
  /** The button's words: "Issue 26 passes…", "Issue again for 3 users…". */
  label: string;
  counts: SendCounts;
  tenant: string;
  skipped: number;
  confirming: boolean;
  /** Confirmed, and not yet under way. */
  busy: boolean;
  onAsk: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * One button, then one confirmation for the whole set (ConfirmRow: focus on Cancel, Escape cancels). A confirmation
 * that closes without a run gives the keyboard back to the button.
 */
export function BulkIssueAction(props: BulkIssueActionProps) {
  const { label, counts, tenant, skipped, confirming, busy, onAsk, onConfirm, onCancel } = props;
  const buttonRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(confirming);
  // Still here after the confirmation closed: it was cancelled, or refused before anything was sent.
  useLayoutEffect(() => {
    if (wasConfirming.current && !confirming) buttonRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);
  if (confirming) {
    return (
      <ConfirmRow
        message={confirmSentence(counts, tenant, skipped)}
        confirmLabel={confirmLabel(counts)}
        danger={counts.replace > 0 || counts.again > 0}
        busy={busy}
        onConfirm={onConfirm}
        onCancel={onCancel}
      />
    );
  }
  return (
    <div class="actions">
      <button type="button" class="btn btn-primary" ref={buttonRef} onClick={onAsk}>
        {label}
      </button>
    </div>
  );
}
