import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import { formatNumber } from '@/utils/i18n/display-locale';

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
      <legend class="confirm-message">{i18n.t('history.turnOff.question', kept, { count: formatNumber(kept) })}</legend>
      <button type="button" class="btn btn-danger" aria-disabled={busy || undefined} onClick={act(() => onChoose(true))}>
        {i18n.t('history.turnOff.clear')}
      </button>
      <button type="button" class="btn" aria-disabled={busy || undefined} onClick={act(() => onChoose(false))}>
        {i18n.t('history.turnOff.keep')}
      </button>
      <button type="button" class="btn" ref={cancel} aria-disabled={busy || undefined} onClick={act(onCancel)}>
        {i18n.t('history.turnOff.cancel')}
      </button>
    </fieldset>
  );
}
