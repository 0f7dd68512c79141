import type { RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { focusIfFocused } from '@/utils/ui/focus-within';
import { ConfirmRow } from './ConfirmRow';
import { GatedButton } from './GatedButton';

export interface IssueBarProps {
  hasPass: boolean;
  /** Not eligible: Issue is disabled, and describedBy says why. */
  disabled: boolean;
  /** The options have a problem: Issue looks disabled, and pressing it says what and goes to the field. */
  invalid?: boolean;
  busy: boolean;
  describedBy?: string;
  optionsOpen: boolean;
  customised: boolean;
  onToggleOptions: () => void;
  onIssue: () => void;
  buttonRef: RefObject<HTMLButtonElement | null>;
  optionsRef?: RefObject<HTMLButtonElement | null>;
  /** A portal panel that never arms (GateNotice windowOnly): the primary action opens this user in a window instead. */
  onIssueInWindow?: () => void;
}

/** The primary action; when a pass exists it says so and asks before replacing it. */
export function IssueBar(props: IssueBarProps) {
  const {
    hasPass,
    disabled,
    invalid,
    busy,
    describedBy,
    optionsOpen,
    customised,
    onToggleOptions,
    onIssue,
    buttonRef,
    optionsRef,
    onIssueInWindow,
  } = props;
  const [confirming, setConfirming] = useState(false);
  // Cancel, Escape or Replace: focus goes back to the Issue button that opened the question.
  const refocus = useRef(false);
  useEffect(() => {
    if (confirming || !refocus.current) return;
    refocus.current = false;
    focusIfFocused(buttonRef.current);
  }, [confirming, buttonRef]);
  const close = () => {
    refocus.current = true;
    setConfirming(false);
  };
  const click = () => {
    if (busy) return;
    if (invalid)
      onIssue(); // says what is wrong; issues nothing
    else if (hasPass) setConfirming(true);
    else onIssue();
  };
  if (confirming) {
    return (
      <div class="issue-bar">
        <ConfirmRow
          message={i18n.t('pass.issue.replaceQuestion')}
          confirmLabel={i18n.t('pass.issue.replace')}
          onConfirm={() => {
            close();
            onIssue();
          }}
          onCancel={close}
        />
      </div>
    );
  }
  return (
    <div class="issue-bar">
      <div class="actions">
        {onIssueInWindow ? (
          // Opening a window acts for nobody, so it needs no gate; the window asks again, where no page can cover it.
          <button
            type="button"
            ref={buttonRef}
            class="btn btn-primary"
            aria-describedby={describedBy ? `${describedBy} window-only` : 'window-only'}
            disabled={disabled}
            onClick={onIssueInWindow}
          >
            {hasPass ? i18n.t('pass.issue.replaceInWindow') : i18n.t('pass.issue.issueInWindow')}
          </button>
        ) : (
          <GatedButton
            buttonRef={buttonRef}
            class="btn btn-primary"
            aria-label={hasPass ? i18n.t('pass.issue.issueReplaceLabel') : i18n.t('pass.issue.issue')}
            aria-describedby={describedBy}
            aria-busy={busy}
            aria-disabled={busy || invalid || undefined}
            disabled={disabled}
            onClick={click}
          >
            {busy && <span class="spinner" aria-hidden="true" />}
            {hasPass ? i18n.t('pass.issue.issueReplace') : i18n.t('pass.issue.issue')}
          </GatedButton>
        )}
        {!onIssueInWindow && (
          <button
            type="button"
            ref={optionsRef}
            class="btn btn-subtle"
            aria-expanded={optionsOpen}
            aria-controls="issue-options"
            onClick={onToggleOptions}
          >
            {customised ? i18n.t('pass.issue.optionsChanged') : i18n.t('pass.issue.options')}
          </button>
        )}
      </div>
    </div>
  );
}
