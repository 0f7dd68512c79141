import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { formatNumber } from '@/utils/i18n/display-locale';
import { ConfirmRow } from '../ConfirmRow';

export interface ClearHistoryProps {
  total: number;
  /** Resolves once cleared (the caller moves the keyboard on) or failed (it stays here, on Clear). */
  onClear: () => Promise<boolean>;
}

/** "Clear history…" and its inline confirmation, which starts on Cancel; backing out returns to the button. */
export function ClearHistory({ total, onClear }: ClearHistoryProps) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const backToButton = useRef(false);
  useEffect(() => {
    if (asking || !backToButton.current) return;
    backToButton.current = false;
    button.current?.focus();
  }, [asking]);

  const close = () => {
    backToButton.current = true;
    setAsking(false);
  };

  if (asking) {
    return (
      <ConfirmRow
        message={i18n.t('history.clear.confirm', total, { count: formatNumber(total) })}
        confirmLabel={i18n.t('history.clear.confirmButton')}
        danger
        busy={busy}
        onCancel={close}
        onConfirm={async () => {
          setBusy(true);
          const cleared = await onClear();
          setBusy(false);
          if (!cleared) close();
        }}
      />
    );
  }
  return (
    <button type="button" class="btn" ref={button} onClick={() => setAsking(true)}>
      {i18n.t('history.clear.button')}
    </button>
  );
}
