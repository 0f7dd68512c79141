import type { IssuedTap } from '@/utils/graph/types';
import { formatCountdown, formatDateTime, groupForReading, passEnd } from '@/utils/ui/format';
import { buildInstructions } from '@/utils/ui/instructions';
import { useNow } from '@/utils/ui/use-now';
import { CopyButton } from './CopyButton';

export interface PassDisplayProps {
  tap: IssuedTap;
  userPrincipalName: string;
  /** Something holding the pass reached the clipboard (a Copy button, or a manual copy of the value). */
  onCopied?: (text: string) => void;
  onDone: () => void;
}

/** The new pass, shown once: grouped for reading aloud, copied exactly. */
export function PassDisplay({ tap, userPrincipalName, onCopied, onDone }: PassDisplayProps) {
  const now = useNow(1000);
  const start = new Date(tap.startDateTime).getTime();
  const end = passEnd(tap.startDateTime, tap.lifetimeInMinutes);
  return (
    <section class="card pass-display" aria-labelledby="pass-title">
      <div class="row-between">
        <h2 id="pass-title" class="section-title">
          New Temporary Access Pass
        </h2>
        {tap.isUsableOnce && <span class="badge badge-info">One-time</span>}
      </div>
      <p class="hint">Shown only once. Copy it now or read it to the user.</p>
      <p
        class="pass-value"
        data-testid="pass-value"
        onCopy={(event) => {
          // A manual copy of the value gives the pass exactly, not the grouping's spaces and line breaks.
          const selection = document.getSelection();
          if (!selection || selection.isCollapsed || !event.clipboardData) return;
          if (!event.currentTarget.contains(selection.anchorNode) || !event.currentTarget.contains(selection.focusNode)) return;
          event.clipboardData.setData('text/plain', tap.temporaryAccessPass);
          event.preventDefault();
          onCopied?.(tap.temporaryAccessPass);
        }}
      >
        {groupForReading(tap.temporaryAccessPass).map((group, index) => (
          <span key={index} class="pass-group">
            {group}
          </span>
        ))}
      </p>
      <dl class="facts">
        <dt>Valid from</dt>
        <dd>{formatDateTime(start)}</dd>
        <dt>Expires at</dt>
        <dd>{formatDateTime(end)}</dd>
      </dl>
      <p class="countdown" data-testid="pass-countdown">
        {formatCountdown(start, end, now)}
      </p>
      <div class="actions">
        <CopyButton
          getText={() => tap.temporaryAccessPass}
          label="Copy"
          ariaLabel="Copy pass"
          class="btn btn-primary"
          onCopied={onCopied}
          gated
        />
        <CopyButton
          getText={() => buildInstructions(tap, userPrincipalName)}
          label="Copy instructions"
          class="btn"
          onCopied={onCopied}
          gated
        />
        <button type="button" class="btn btn-subtle" onClick={onDone}>
          Done
        </button>
      </div>
    </section>
  );
}
