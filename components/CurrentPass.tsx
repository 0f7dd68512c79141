import { useState } from 'preact/hooks';
import type { TapMethod } from '@/utils/graph/types';
import { formatDateTime, passEnd } from '@/utils/ui/format';
import { describePassStatus } from '@/utils/ui/pass-status';
import { useNow } from '@/utils/ui/use-now';
import { ConfirmRow } from './ConfirmRow';

export interface CurrentPassProps {
  pass: TapMethod | null;
  onRevoke: (methodId: string) => void;
  busy: boolean;
}

export function CurrentPass({ pass, onRevoke, busy }: CurrentPassProps) {
  const now = useNow(30_000);
  const [confirming, setConfirming] = useState(false);
  if (!pass) {
    return (
      <section class="card current-pass" aria-label="Current pass">
        <p class="muted">No Temporary Access Pass.</p>
      </section>
    );
  }
  const status = describePassStatus(pass, now);
  return (
    <section class="card current-pass" aria-labelledby="current-pass-title">
      <div class="row-between">
        <h2 id="current-pass-title" class="section-title">
          Current pass
        </h2>
        <span class={`status status-${status.tone}`} data-testid="pass-status">
          {status.label}
        </span>
      </div>
      <dl class="facts">
        <dt>Starts</dt>
        <dd>{formatDateTime(pass.startDateTime)}</dd>
        <dt>Ends</dt>
        <dd>{formatDateTime(passEnd(pass.startDateTime, pass.lifetimeInMinutes))}</dd>
      </dl>
      <div class="row-between">
        {pass.isUsableOnce ? <span class="badge badge-info">One-time</span> : <span class="badge">Reusable</span>}
        {!confirming && (
          <button type="button" class="btn btn-small" onClick={() => setConfirming(true)} disabled={busy}>
            Revoke
          </button>
        )}
      </div>
      {confirming && (
        <ConfirmRow
          message="Revoke this pass? The user can no longer sign in with it."
          confirmLabel="Revoke"
          danger
          busy={busy}
          onConfirm={() => {
            setConfirming(false);
            onRevoke(pass.id);
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
