import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ManagedReading } from '@/utils/managed-config';
import { MAX_CLIPBOARD_CLEAR_SECONDS, type Preferences } from '@/utils/storage';
import { useAnnouncer } from '@/utils/ui/announcer';
import { ManagedNote } from './ManagedNote';

export interface PreferencesFormProps {
  load: () => Promise<Preferences>;
  save: (preferences: Preferences) => Promise<void>;
  /** The organisation's managed configuration: clipboard seconds it sets are shown read-only and win. */
  managed?: ReadonlySignal<ManagedReading>;
}

/** How the panel treats a copied pass. */
export function PreferencesForm({ load, save, managed }: PreferencesFormProps) {
  const [seconds, setSeconds] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // "Saved" is said once, then cleared (utils/ui/announcer.ts).
  const status = useAnnouncer();

  useEffect(() => {
    void load().then((current) => setSeconds(String(current.clipboardClearSeconds)));
  }, [load]);

  const managedSeconds = managed?.value.values.clipboardClearSeconds;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (managedSeconds !== undefined) return;
    const value = Number(seconds);
    if (seconds.trim() === '' || !Number.isInteger(value) || value < 0 || value > MAX_CLIPBOARD_CLEAR_SECONDS) {
      setProblem(i18n.t('options.preferences.problem', { max: MAX_CLIPBOARD_CLEAR_SECONDS }));
      status.announce('');
      requestAnimationFrame(() => document.getElementById('clipboard-seconds')?.focus());
      return;
    }
    setProblem(null);
    await save({ clipboardClearSeconds: value });
    status.announce(i18n.t('options.status.saved'));
  };

  return (
    <form class="settings" onSubmit={submit} noValidate aria-labelledby="preferences-title">
      <h2 id="preferences-title">{i18n.t('options.preferences.title')}</h2>
      <div class="field">
        <label for="clipboard-seconds">{i18n.t('options.preferences.label')}</label>
        <input
          id="clipboard-seconds"
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_CLIPBOARD_CLEAR_SECONDS}
          value={managedSeconds !== undefined ? String(managedSeconds) : seconds}
          readOnly={managedSeconds !== undefined}
          aria-invalid={problem !== null}
          aria-describedby={[
            problem ? 'clipboard-seconds-problem' : '',
            'clipboard-seconds-hint',
            managedSeconds !== undefined ? 'clipboard-seconds-managed' : '',
          ]
            .filter(Boolean)
            .join(' ')}
          onInput={(e) => {
            setSeconds(e.currentTarget.value);
            status.announce('');
          }}
        />
        <span id="clipboard-seconds-hint" class="hint">
          {i18n.t('options.preferences.hint')}
        </span>
        {problem && (
          <span id="clipboard-seconds-problem" class="field-error">
            {problem}
          </span>
        )}
        {managedSeconds !== undefined && <ManagedNote id="clipboard-seconds-managed" />}
      </div>
      {managedSeconds === undefined && (
        <div class="actions">
          <button type="submit" class="btn">
            {i18n.t('options.preferences.save')}
          </button>
          <span role="status" class="save-status">
            {status.text.value}
          </span>
        </div>
      )}
    </form>
  );
}
