import { useState } from 'preact/hooks';
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
        message="Turn on Temporary Access Pass for the tenant? Microsoft will ask you to grant one extra permission (Policy.ReadWrite.AuthenticationMethod)."
        confirmLabel="Turn on"
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
      {busy ? 'Turning on…' : 'Turn on Temporary Access Pass'}
    </button>
  );
}
