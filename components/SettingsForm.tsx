import { useEffect, useState } from 'preact/hooks';
import type { EntraSettings } from '@/utils/storage';
import { clientIdProblem, tenantIdProblem } from '@/utils/ui/settings-validation';

export interface SettingsFormProps {
  load: () => Promise<EntraSettings | null>;
  save: (settings: EntraSettings) => Promise<void>;
}

type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

/** The app registration the extension signs in with, validated before it is stored. */
export function SettingsForm({ load, save }: SettingsFormProps) {
  const [clientId, setClientId] = useState('');
  const [tenantId, setTenantId] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>('idle');

  useEffect(() => {
    void load().then((current) => {
      if (!current) return;
      setClientId(current.clientId);
      setTenantId(current.tenantId);
    });
  }, [load]);

  const clientProblem = submitted ? clientIdProblem(clientId) : null;
  const tenantProblem = submitted ? tenantIdProblem(tenantId) : null;

  const submit = async (e: Event) => {
    e.preventDefault();
    setSubmitted(true);
    if (clientIdProblem(clientId) || tenantIdProblem(tenantId)) {
      setSaveState('idle');
      // The first field with a problem gets the focus: a screen reader reads its label, "invalid" and the problem.
      const first = clientIdProblem(clientId) ? 'client-id' : 'tenant-id';
      requestAnimationFrame(() => document.getElementById(first)?.focus());
      return;
    }
    setSaveState('saving');
    try {
      await save({ clientId: clientId.trim().toLowerCase(), tenantId: tenantId.trim().toLowerCase() });
      setSaveState('saved');
    } catch {
      setSaveState('failed');
    }
  };

  const edit = (set: (v: string) => void) => (e: Event) => {
    set((e.currentTarget as HTMLInputElement).value);
    setSaveState('idle');
  };

  return (
    <form class="settings" onSubmit={submit} noValidate>
      <div class="field">
        <label for="client-id">Application (client) ID</label>
        <input
          id="client-id"
          type="text"
          spellcheck={false}
          autocomplete="off"
          placeholder="00000000-0000-0000-0000-000000000000"
          value={clientId}
          aria-invalid={clientProblem !== null}
          aria-describedby={clientProblem ? 'client-id-problem' : undefined}
          onInput={edit(setClientId)}
        />
        {clientProblem && (
          <span id="client-id-problem" class="field-error">
            {clientProblem}
          </span>
        )}
      </div>
      <div class="field">
        <label for="tenant-id">Directory (tenant) ID</label>
        <input
          id="tenant-id"
          type="text"
          spellcheck={false}
          autocomplete="off"
          placeholder="contoso.onmicrosoft.com or a GUID"
          value={tenantId}
          aria-invalid={tenantProblem !== null}
          aria-describedby={tenantProblem ? 'tenant-id-problem' : undefined}
          onInput={edit(setTenantId)}
        />
        {tenantProblem && (
          <span id="tenant-id-problem" class="field-error">
            {tenantProblem}
          </span>
        )}
      </div>
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={saveState === 'saving'}>
          Save
        </button>
        <span role="status" class="save-status">
          {saveState === 'saved' ? 'Saved' : saveState === 'failed' ? 'Could not save. Try again.' : ''}
        </span>
      </div>
    </form>
  );
}
