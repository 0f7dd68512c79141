import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { savedHistorySettings } from '@/utils/history/settings';
import { HISTORY_DAYS_BOUNDS, HISTORY_ENTRIES_BOUNDS, type HistorySettings } from '@/utils/history/types';
import { formatNumber } from '@/utils/i18n/display-locale';
import type { ManagedReading } from '@/utils/managed-config';
import { maxEntriesProblem, retentionDaysProblem } from '@/utils/ui/history-settings-validation';
import { ManagedNote } from '../ManagedNote';

export interface RetentionFormProps {
  load: () => Promise<Partial<HistorySettings> | null>;
  /** Merges into what the options page saved. */
  save: (patch: Partial<HistorySettings>) => Promise<void>;
  /** The organisation's managed configuration: the values it sets are shown read-only and win. */
  managed?: ReadonlySignal<ManagedReading>;
  announce: (sentence: string) => void;
}

type Field = 'retentionDays' | 'maxEntries';

const FIELDS: { key: Field; id: string; label: string; hint: string; bounds: { min: number; max: number } }[] = [
  {
    key: 'retentionDays',
    id: 'history-days',
    label: i18n.t('history.retention.daysLabel'),
    hint: i18n.t('history.retention.daysHint'),
    bounds: HISTORY_DAYS_BOUNDS,
  },
  {
    key: 'maxEntries',
    id: 'history-max',
    label: i18n.t('history.retention.maxLabel'),
    hint: i18n.t('history.retention.maxHint'),
    bounds: HISTORY_ENTRIES_BOUNDS,
  },
];

const PROBLEM: Record<Field, (text: string) => string | null> = {
  retentionDays: retentionDaysProblem,
  maxEntries: maxEntriesProblem,
};

/**
 * A problem leaving a field is said after a moment, unless Save (which takes the keyboard to the field, where it is read)
 * came first: a click on Save leaves the field just before it submits, and the problem would be heard twice.
 */
const LEAVE_ANNOUNCE_MS = 250;

/** How long the history keeps entries, by days and by count. */
export function RetentionForm({ load, save, managed, announce }: RetentionFormProps) {
  const [values, setValues] = useState<Record<Field, string>>({ retentionDays: '', maxEntries: '' });
  const [touched, setTouched] = useState<Record<Field, boolean>>({ retentionDays: false, maxEntries: false });
  const [submitted, setSubmitted] = useState(false);
  const [saved, setSaved] = useState(false);
  const leaving = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    void load().then((raw) => {
      const current = savedHistorySettings(raw);
      setValues({ retentionDays: String(current.retentionDays), maxEntries: String(current.maxEntries) });
    });
    return () => clearTimeout(leaving.current);
  }, [load]);

  const locked: Record<Field, number | undefined> = {
    retentionDays: managed?.value.values.historyRetentionDays,
    maxEntries: managed?.value.values.historyMaxEntries,
  };
  // A value the organisation sets is not validated here (utils/managed-config.ts did).
  const problemOf = (field: Field) => (locked[field] !== undefined ? null : PROBLEM[field](values[field]));
  const shown = (field: Field) => (touched[field] || submitted ? problemOf(field) : null);

  const leave = (field: Field) => {
    setTouched({ ...touched, [field]: true });
    const problem = problemOf(field);
    clearTimeout(leaving.current);
    if (problem) leaving.current = setTimeout(() => announce(problem), LEAVE_ANNOUNCE_MS);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    clearTimeout(leaving.current);
    setSubmitted(true);
    const first = FIELDS.find((field) => problemOf(field.key));
    if (first) {
      setSaved(false);
      const input = document.getElementById(first.id);
      // Focus moving there reads the field, "invalid" and the problem; already there (Enter), nothing would be read.
      if (input && input === document.activeElement) announce(problemOf(first.key) ?? '');
      else requestAnimationFrame(() => input?.focus());
      return;
    }
    try {
      await save({
        ...(locked.retentionDays === undefined && { retentionDays: Number(values.retentionDays) }),
        ...(locked.maxEntries === undefined && { maxEntries: Number(values.maxEntries) }),
      });
      setSaved(true);
      announce(i18n.t('history.retention.savedAnnounce'));
    } catch {
      announce(i18n.t('history.couldNotSave'));
    }
  };

  return (
    <form class="history-retention" onSubmit={submit} noValidate aria-labelledby="history-retention-title">
      <h3 id="history-retention-title">{i18n.t('history.retention.heading')}</h3>
      {FIELDS.map(({ key, id, label, hint, bounds }) => {
        const problem = shown(key);
        const isLocked = locked[key] !== undefined;
        return (
          <div class="field" key={key}>
            <label for={id}>{label}</label>
            <input
              id={id}
              type="number"
              inputMode="numeric"
              min={bounds.min}
              max={bounds.max}
              value={isLocked ? String(locked[key]) : values[key]}
              readOnly={isLocked}
              aria-invalid={problem !== null}
              aria-describedby={[problem ? `${id}-problem` : '', `${id}-hint`, isLocked ? `${id}-managed` : '']
                .filter(Boolean)
                .join(' ')}
              onInput={(e) => {
                setValues({ ...values, [key]: e.currentTarget.value });
                setSaved(false);
              }}
              onBlur={() => leave(key)}
            />
            <span id={`${id}-hint`} class="hint">
              {hint} {i18n.t('history.retention.range', { min: formatNumber(bounds.min), max: formatNumber(bounds.max) })}
            </span>
            {problem && (
              <span id={`${id}-problem`} class="field-error">
                {problem}
              </span>
            )}
            {isLocked && <ManagedNote id={`${id}-managed`} />}
          </div>
        );
      })}
      {(locked.retentionDays === undefined || locked.maxEntries === undefined) && (
        <div class="actions">
          <button type="submit" class="btn">
            {i18n.t('history.retention.save')}
          </button>
          {/* Said by the section's live region; shown here for the eye. */}
          <span class="save-status">{saved ? i18n.t('history.retention.saved') : ''}</span>
        </div>
      )}
    </form>
  );
}
