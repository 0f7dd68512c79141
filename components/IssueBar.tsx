import type { Ref } from 'preact';
import { useState } from 'preact/hooks';
import { ConfirmRow } from './ConfirmRow';
import { GatedButton } from './GatedButton';

export interface IssueBarProps {
  hasPass: boolean;
  disabled: boolean;
  busy: boolean;
  describedBy?: string;
  optionsOpen: boolean;
  customised: boolean;
  onToggleOptions: () => void;
  onIssue: () => void;
  buttonRef?: Ref<HTMLButtonElement>;
}

/** The primary action; when a pass exists it says so and asks before replacing it. */
export function IssueBar(props: IssueBarProps) {
  const { hasPass, disabled, busy, describedBy, optionsOpen, customised, onToggleOptions, onIssue, buttonRef } = props;
  const [confirming, setConfirming] = useState(false);
  const click = () => {
    if (hasPass) setConfirming(true);
    else onIssue();
  };
  if (confirming) {
    return (
      <div class="issue-bar">
        <ConfirmRow
          message="This replaces the current pass. Continue?"
          confirmLabel="Replace"
          onConfirm={() => {
            setConfirming(false);
            onIssue();
          }}
          onCancel={() => setConfirming(false)}
        />
      </div>
    );
  }
  return (
    <div class="issue-bar">
      <div class="actions">
        <GatedButton
          buttonRef={buttonRef}
          class="btn btn-primary"
          aria-label={hasPass ? 'Issue TAP (replaces the current pass)' : 'Issue TAP'}
          aria-describedby={describedBy}
          aria-busy={busy}
          disabled={disabled || busy}
          onClick={click}
        >
          {busy && <span class="spinner" aria-hidden="true" />}
          {hasPass ? 'Issue TAP (replace)' : 'Issue TAP'}
        </GatedButton>
        <button
          type="button"
          class="btn btn-subtle"
          aria-expanded={optionsOpen}
          aria-controls="issue-options"
          onClick={onToggleOptions}
        >
          {customised ? 'Options (changed)' : 'Options'}
        </button>
      </div>
    </div>
  );
}
