import { useEffect, useRef } from 'preact/hooks';
import { FreshGate, GatedButton } from './GatedButton';

export interface ConfirmRowProps {
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  danger?: boolean;
}

/** A small inline "are you sure" row; Escape cancels. */
export function ConfirmRow({ message, confirmLabel, onConfirm, onCancel, busy = false, danger = false }: ConfirmRowProps) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), []);
  return (
    <fieldset
      class="confirm-row"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <legend class="confirm-message">{message}</legend>
      {/* Fresh: inert for its first half second, so a quick second click or key can't chain into it. */}
      <FreshGate>
        <GatedButton
          buttonRef={confirmRef}
          class={danger ? 'btn btn-danger' : 'btn btn-primary'}
          disabled={busy}
          onClick={onConfirm}
        >
          {confirmLabel}
        </GatedButton>
      </FreshGate>
      <button type="button" class="btn" onClick={onCancel} disabled={busy}>
        Cancel
      </button>
    </fieldset>
  );
}
