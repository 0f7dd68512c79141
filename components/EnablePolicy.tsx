import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { ConfirmRow } from './ConfirmRow';

export interface EnablePolicyProps {
  busy: boolean;
  onEnable: () => void;
}

/** Turning the policy on is explicit: it asks for one extra permission at that moment. */
export function EnablePolicy({ busy, onEnable }: EnablePolicyProps) {
  const [confirming, setConfirming] = useState(false);
  if (confirming) {
    return (
      <ConfirmRow
        message={i18n.t('popup.enable.confirm')}
        confirmLabel={i18n.t('popup.enable.confirmLabel')}
        busy={busy}
        onConfirm={() => {
          setConfirming(false);
          onEnable();
        }}
        onCancel={() => setConfirming(false)}
      />
    );
  }
  return (
    <button type="button" class="btn btn-primary" onClick={() => setConfirming(true)} disabled={busy}>
      {busy ? i18n.t('popup.enable.busy') : i18n.t('popup.enable.button')}
    </button>
  );
}
