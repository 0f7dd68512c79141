import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { CLOUD_NAMES, CLOUDS, type Cloud, type CloudName } from '@/utils/clouds';
import type { ManagedReading } from '@/utils/managed-config';
import type { EntraSettings } from '@/utils/storage';
import { useAnnouncer } from '@/utils/ui/announcer';
import { clientIdProblem, tenantIdProblem } from '@/utils/ui/settings-validation';
import { ManagedNote } from './ManagedNote';

export interface SettingsFormProps {
  load: () => Promise<EntraSettings | null>;
  save: (settings: EntraSettings) => Promise<void>;
  /** The organisation's managed configuration: an id it sets is shown read-only and wins over the saved one. */
  managed?: ReadonlySignal<ManagedReading>;
  /**
   * Asks the browser for what a national cloud needs (its admin centers, sign-in and Graph hosts, `scripting`). Called
   * inside the Save click, before anything is awaited: browsers only ask during the gesture.
   */
  requestCloudAccess?: (cloud: Cloud) => Promise<boolean>;
}

type SaveState = 'idle' | 'saving';

/** The app registration the extension signs in with, validated before it is stored. */
export function SettingsForm({ load, save, managed, requestCloudAccess }: SettingsFormProps) {
  const [clientId, setClientId] = useState('');
  const [tenantId, setTenantId] = useState('');
  const [cloud, setCloud] = useState<CloudName>('global');
  const [submitted, setSubmitted] = useState(false);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  // "Saved" is said once and cleared (utils/ui/announcer.ts); a failure or a missing grant stays until the next Save.
  const status = useAnnouncer();

  useEffect(() => {
    void load().then((current) => {
      if (!current) return;
      setClientId(current.clientId);
      setTenantId(current.tenantId);
      setCloud(current.cloud ?? 'global');
    });
  }, [load]);

  // An id the organisation sets is shown instead of the saved one and not validated here (utils/managed-config.ts did).
  const managedClientId = managed?.value.values.clientId;
  const managedTenantId = managed?.value.values.tenantId;
  // The cloud belongs to the directory: a tenant the organisation sets comes with its cloud (worldwide if it names none).
  const managedCloud = managed?.value.values.cloud ?? (managedTenantId !== undefined ? 'global' : undefined);
  const clientIdError = (value: string) => (managedClientId ? null : clientIdProblem(value));
  const tenantIdError = (value: string) => (managedTenantId ? null : tenantIdProblem(value));
  const clientProblem = submitted ? clientIdError(clientId) : null;
  const tenantProblem = submitted ? tenantIdError(tenantId) : null;
  const describedBy = (problem: string | null, problemId: string, isManaged: boolean, managedId: string) =>
    [problem ? problemId : '', isManaged ? managedId : ''].filter(Boolean).join(' ') || undefined;

  const submit = async (e: Event) => {
    e.preventDefault();
    // Busy: aria-disabled, not disabled, so the keyboard stays on Save while the browser's permission prompt is open.
    if (saveState === 'saving') return;
    setSubmitted(true);
    if (clientIdError(clientId) || tenantIdError(tenantId)) {
      setSaveState('idle');
      status.announce('');
      // The first field with a problem gets the focus: a screen reader reads its label, "invalid" and the problem.
      const first = clientIdError(clientId) ? 'client-id' : 'tenant-id';
      requestAnimationFrame(() => document.getElementById(first)?.focus());
      return;
    }
    const chosen = CLOUDS[managedCloud ?? cloud];
    let access: Promise<boolean> | null = null;
    if (chosen.name !== 'global' && !managedCloud && requestCloudAccess) {
      access = requestCloudAccess(chosen).catch(() => false);
    }
    setSaveState('saving');
    status.announce('');
    try {
      await save({
        clientId: clientId.trim().toLowerCase(),
        tenantId: tenantId.trim().toLowerCase(),
        ...(cloud !== 'global' && { cloud }),
      });
      if (access && !(await access)) {
        status.hold(i18n.t('options.settings.savedNoAccess', { cloud: chosen.label }));
      } else status.announce(i18n.t('options.status.saved'));
    } catch {
      status.hold(i18n.t('options.status.saveFailed'));
    }
    setSaveState('idle');
  };

  const edit = (set: (v: string) => void) => (e: Event) => {
    set((e.currentTarget as HTMLInputElement).value);
    setSaveState('idle');
    status.announce('');
  };

  return (
    <form class="settings" onSubmit={submit} noValidate aria-labelledby="registration-title">
      <h2 id="registration-title">{i18n.t('options.settings.title')}</h2>
      <div class="field">
        <label for="client-id">{i18n.t('options.fields.clientId')}</label>
        <input
          id="client-id"
          type="text"
          spellcheck={false}
          autocomplete="off"
          placeholder="00000000-0000-0000-0000-000000000000"
          value={managedClientId ?? clientId}
          readOnly={managedClientId !== undefined}
          aria-invalid={clientProblem !== null}
          aria-describedby={describedBy(clientProblem, 'client-id-problem', managedClientId !== undefined, 'client-id-managed')}
          onInput={edit(setClientId)}
        />
        {managedClientId !== undefined && <ManagedNote id="client-id-managed" />}
        {clientProblem && (
          <span id="client-id-problem" class="field-error">
            {clientProblem}
          </span>
        )}
      </div>
      <div class="field">
        <label for="tenant-id">{i18n.t('options.fields.tenantId')}</label>
        <input
          id="tenant-id"
          type="text"
          spellcheck={false}
          autocomplete="off"
          placeholder={i18n.t('options.settings.tenantIdPlaceholder')}
          value={managedTenantId ?? tenantId}
          readOnly={managedTenantId !== undefined}
          aria-invalid={tenantProblem !== null}
          aria-describedby={describedBy(tenantProblem, 'tenant-id-problem', managedTenantId !== undefined, 'tenant-id-managed')}
          onInput={edit(setTenantId)}
        />
        {managedTenantId !== undefined && <ManagedNote id="tenant-id-managed" />}
        {tenantProblem && (
          <span id="tenant-id-problem" class="field-error">
            {tenantProblem}
          </span>
        )}
      </div>
      <div class="field">
        <label for="cloud">{i18n.t('options.fields.cloud')}</label>
        {managedCloud !== undefined ? (
          // Read-only like the managed ids (a disabled select would be skipped by Tab, its note never heard).
          <input id="cloud" type="text" readOnly value={CLOUDS[managedCloud].label} aria-describedby="cloud-hint cloud-managed" />
        ) : (
          <select
            id="cloud"
            value={cloud}
            aria-describedby="cloud-hint"
            onChange={(e) => {
              setCloud((e.currentTarget as HTMLSelectElement).value as CloudName);
              setSaveState('idle');
              status.announce('');
            }}
          >
            {CLOUD_NAMES.map((name) => (
              <option key={name} value={name}>
                {CLOUDS[name].label}
              </option>
            ))}
          </select>
        )}
        <span id="cloud-hint" class="hint">
          {i18n.t('options.settings.cloudHint')}
        </span>
        {managedCloud !== undefined && <ManagedNote id="cloud-managed" />}
      </div>
      {/* Nothing to save when the organisation sets every field. */}
      {(managedClientId === undefined || managedTenantId === undefined || managedCloud === undefined) && (
        <div class="actions">
          <button type="submit" class="btn btn-primary" aria-disabled={saveState === 'saving' || undefined}>
            {i18n.t('options.settings.save')}
          </button>
          <span role="status" class="save-status">
            {status.text.value}
          </span>
        </div>
      )}
    </form>
  );
}
