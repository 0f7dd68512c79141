import { useEffect, useRef } from 'preact/hooks';
import { entriesWords } from '@/utils/ui/history-words';

export interface TurnOffChoiceProps {
  kept: number;
  busy: boolean;
  onChoose: (clear: boolean) => void;
  onCancel: () => void;
}

/** Turning the history off with entries kept: clear them too, keep them, or don't turn it off. Starts on Cancel. */
export function TurnOffChoice({ kept, busy, onChoose, onCancel }: TurnOffChoiceProps) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  const act = (run: () => void) => () => {
    if (!busy) run();
  };
  return (
    <fieldset
      class="confirm-row"
      data-testid="history-turn-off"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onCancel();
      }}
    >
      <legend class="confirm-message">
        Turn off the history? It keeps {entriesWords(kept)}: clear them too, or keep them until you clear them.
      </legend>
      <button type="button" class="btn btn-danger" aria-disabled={busy || undefined} onClick={act(() => onChoose(true))}>
        Turn off and clear
      </button>
      <button type="button" class="btn" aria-disabled={busy || undefined} onClick={act(() => onChoose(false))}>
        Turn off, keep entries
      </button>
      <button type="button" class="btn" ref={cancel} aria-disabled={busy || undefined} onClick={act(onCancel)}>
        Cancel
      </button>
    </fieldset>
  );
}
