import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import type { IssuedTap } from '@/utils/graph/types';
import { formatCountdown, formatDateTime, passEnd } from '@/utils/ui/format-pass';
import { buildInstructions } from '@/utils/ui/instructions';
import { unusableSentence } from '@/utils/ui/pass-status';
import { spellOut } from '@/utils/ui/spell-out';
import { useNow } from '@/utils/ui/use-now';
import { CopyButton } from './CopyButton';
import { PassGroups } from './PassGroups';

export interface PassDisplayProps {
  tap: IssuedTap;
  userPrincipalName: string;
  /** Names the card for screen readers: "Temporary Access Pass for Adele Vance". */
  displayName: string;
  /** Focus lands on the card when the pass arrives. */
  cardRef?: Ref<HTMLElement>;
  /** A copy failed (the browser refused the clipboard). */
  onCopyFailed?: () => void;
  /** Something holding the pass reached the clipboard (a Copy button, or a manual copy of the value). */
  onCopied?: (text: string) => void;
  onDone: () => void;
}

/**
 * The new pass, shown once. Read visually in groups of four with digits, letters and symbols told apart; read by a
 * screen reader once, whole; spelled out on request for the phone; copied exactly.
 */
export function PassDisplay(props: PassDisplayProps) {
  const { tap, userPrincipalName, displayName, cardRef, onCopied, onCopyFailed, onDone } = props;
  const now = useNow(1000);
  const [spelled, setSpelled] = useState(false);
  const start = new Date(tap.startDateTime).getTime();
  const end = passEnd(tap.startDateTime, tap.lifetimeInMinutes);
  // Graph created it but says it can't be used to sign in (e.g. the user is outside the policy): no instructions to send.
  const unusable = tap.isUsable ? null : unusableSentence(tap);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset groups form controls; this card is read, not filled in
    <section
      class="card pass-display"
      role="group"
      aria-label={`Temporary Access Pass for ${displayName}`}
      tabIndex={-1}
      ref={cardRef}
      data-testid="pass-card"
    >
      <div class="row-between">
        <h2 class="section-title">New Temporary Access Pass</h2>
        {unusable && <span class="status status-off">Can't be used to sign in</span>}
        {tap.isUsableOnce && <span class="badge badge-info">One-time</span>}
      </div>
      {unusable ? (
        <>
          <p class="notice notice-warn" data-testid="pass-unusable">
            {unusable}
          </p>
          <p class="hint">Shown only once. Keep it only if the user will be able to use it before it expires.</p>
        </>
      ) : (
        <p class="hint">Shown only once. Copy it now or read it to the user.</p>
      )}
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
        <span class="visually-hidden">{tap.temporaryAccessPass}</span>
        <PassGroups value={tap.temporaryAccessPass} />
      </p>
      {spelled && (
        <p
          class="pass-spelled"
          data-testid="pass-spelled"
          onCopy={(event) => {
            // The reading is the pass in words: a manual copy of it is cleared from the clipboard like the value.
            const text = document.getSelection()?.toString() ?? '';
            if (!text || !event.clipboardData) return;
            event.clipboardData.setData('text/plain', text);
            event.preventDefault();
            onCopied?.(text);
          }}
        >
          {spellOut(tap.temporaryAccessPass)}
        </p>
      )}
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
          onFailed={onCopyFailed}
          gated
        />
        {!unusable && (
          <CopyButton
            getText={() => buildInstructions(tap, userPrincipalName)}
            label="Copy instructions"
            class="btn"
            onCopied={onCopied}
            onFailed={onCopyFailed}
            gated
          />
        )}
        <button type="button" class="btn" aria-pressed={spelled} onClick={() => setSpelled(!spelled)}>
          Spell out
        </button>
        <button type="button" class="btn btn-subtle" onClick={onDone}>
          Done
        </button>
      </div>
    </section>
  );
}
