import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import { focusIfFocused } from '@/utils/ui/focus-within';
import { FreshGate, GatedButton } from './GatedButton';

export interface ConfirmRowProps {
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  danger?: boolean;
}

/**
 * A small inline "are you sure". Focus starts on Cancel, so Enter, Enter never confirms by accident; Escape cancels
 * (and stops there: the panel's own Escape handling doesn't also close something).
 */
export function ConfirmRow({ message, confirmLabel, onConfirm, onCancel, busy = false, danger = false }: ConfirmRowProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => focusIfFocused(cancelRef.current), []);
  return (
    <fieldset
      class="confirm-row"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        e.stopPropagation();
        onCancel();
      }}
    >
      <legend class="confirm-message">{message}</legend>
      {/* Fresh: inert for its first half second, so a quick second click or key can't chain into it. */}
      <FreshGate>
        <GatedButton
          class={danger ? 'btn btn-danger' : 'btn btn-primary'}
          aria-disabled={busy || undefined}
          onClick={() => {
            if (!busy) onConfirm();
          }}
        >
          {confirmLabel}
        </GatedButton>
      </FreshGate>
      <button type="button" ref={cancelRef} class="btn" onClick={onCancel} aria-disabled={busy || undefined}>
        {i18n.t('pass.confirm.cancel')}
      </button>
    </fieldset>
  );
}
