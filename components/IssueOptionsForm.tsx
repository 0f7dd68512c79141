import { useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { TapPolicy } from '@/utils/graph/types';
import type { IssueDefaults } from '@/utils/managed-config';
import { formatDuration, formatRange } from '@/utils/ui/format';
import type { FormCheck, IssueFormValue, LifetimeUnit } from '@/utils/ui/issue-options';
import { lifetimeBounds, organisationLifetime } from '@/utils/ui/issue-options';

export interface IssueOptionsFormProps {
  policy: TapPolicy | null;
  value: IssueFormValue;
  onChange: (next: IssueFormValue) => void;
  check: FormCheck;
  /** Issue was pressed with a problem: show every problem, not only those of fields left. */
  submitted?: boolean;
  /** A field with a problem was left: say it once (the panel's live region). */
  onProblem?: (message: string) => void;
  /** What an untouched field means, when the organisation's managed configuration sets it. */
  defaults?: IssueDefaults;
}

type Field = 'start' | 'lifetime';

/**
 * Start, lifetime and one-time use; empty fields keep the policy's defaults and are not sent. A problem is described
 * by the field (aria-invalid, aria-describedby) and said once when the field is left or Issue is pressed, never on
 * every keystroke.
 */
export function IssueOptionsForm({
  policy,
  value,
  onChange,
  check,
  submitted = false,
  onProblem,
  defaults = {},
}: IssueOptionsFormProps) {
  const [touched, setTouched] = useState<Record<Field, boolean>>({ start: false, lifetime: false });
  const bounds = lifetimeBounds(policy);
  const forcedOnce = policy?.isUsableOnce === true;
  const problemOf = (field: Field) => (!check.ok && check.field === field ? check.message : null);
  const shown = (field: Field) => (touched[field] || submitted ? problemOf(field) : null);
  const set = (patch: Partial<IssueFormValue>) => onChange({ ...value, ...patch });
  const leave = (field: Field) => {
    setTouched({ ...touched, [field]: true });
    const problem = problemOf(field);
    if (problem) onProblem?.(problem);
  };
  // An untouched field takes the organisation's default (managed configuration) when it fits the policy, else the
  // policy's (the options page says so beside the organisation's value).
  const organisationMinutes = organisationLifetime(policy, defaults);
  const defaultMinutes = organisationMinutes ?? bounds.defaultMinutes;
  const range = formatRange(bounds.min, bounds.max);
  const lifetimeHint = !defaultMinutes
    ? i18n.t('pass.options.lifetimeRange', { range })
    : organisationMinutes !== null
      ? i18n.t('pass.options.lifetimeOrganisationDefault', { duration: formatDuration(defaultMinutes), range })
      : i18n.t('pass.options.lifetimePolicyDefault', { duration: formatDuration(defaultMinutes), range });
  const startHint = defaults.startOffsetMinutes
    ? i18n.t('pass.options.startOffset', { duration: formatDuration(defaults.startOffsetMinutes) })
    : i18n.t('pass.options.startNow');
  const oneTime = forcedOnce || (value.oneTime ?? defaults.oneTime ?? false);
  const oneTimeByOrganisation = !forcedOnce && value.oneTime === null && defaults.oneTime !== undefined;
  const unitMax = value.unit === 'hours' ? bounds.max / 60 : bounds.max;
  const unitMin = value.unit === 'hours' ? bounds.min / 60 : bounds.min;
  const startProblem = shown('start');
  const lifetimeProblem = shown('lifetime');

  return (
    <fieldset class="issue-options">
      <legend class="visually-hidden">{i18n.t('pass.options.legend')}</legend>
      <div class="field">
        <label for="tap-start">{i18n.t('pass.options.start')}</label>
        <input
          id="tap-start"
          type="datetime-local"
          value={value.start}
          aria-invalid={startProblem !== null}
          aria-describedby={startProblem ? 'tap-start-problem tap-start-hint' : 'tap-start-hint'}
          onInput={(e) => set({ start: e.currentTarget.value })}
          onBlur={() => leave('start')}
        />
        <span id="tap-start-hint" class="hint">
          {startHint}
        </span>
        {startProblem && (
          <span id="tap-start-problem" class="field-error">
            {startProblem}
          </span>
        )}
      </div>
      <div class="field">
        <label for="tap-lifetime">{i18n.t('pass.options.lifetime')}</label>
        <div class="field-inline">
          <input
            id="tap-lifetime"
            type="number"
            inputMode="numeric"
            min={unitMin}
            max={unitMax}
            step="any"
            placeholder={defaultMinutes ? String(value.unit === 'hours' ? defaultMinutes / 60 : defaultMinutes) : ''}
            value={value.lifetime}
            aria-invalid={lifetimeProblem !== null}
            aria-describedby={lifetimeProblem ? 'tap-lifetime-problem tap-lifetime-hint' : 'tap-lifetime-hint'}
            onInput={(e) => set({ lifetime: e.currentTarget.value })}
            onBlur={() => leave('lifetime')}
          />
          <select
            aria-label={i18n.t('pass.options.lifetimeUnit')}
            value={value.unit}
            onChange={(e) => set({ unit: e.currentTarget.value as LifetimeUnit })}
          >
            <option value="hours">{i18n.t('pass.options.hours')}</option>
            <option value="minutes">{i18n.t('pass.options.minutes')}</option>
          </select>
        </div>
        <span id="tap-lifetime-hint" class="hint">
          {lifetimeHint}
        </span>
        {lifetimeProblem && (
          <span id="tap-lifetime-problem" class="field-error">
            {lifetimeProblem}
          </span>
        )}
      </div>
      <div class="field field-check">
        <input
          id="tap-once"
          type="checkbox"
          checked={oneTime}
          disabled={forcedOnce}
          aria-describedby={forcedOnce || oneTimeByOrganisation ? 'tap-once-hint' : undefined}
          onChange={(e) => set({ oneTime: e.currentTarget.checked })}
        />
        <label for="tap-once">{i18n.t('pass.options.oneTime')}</label>
        {(forcedOnce || oneTimeByOrganisation) && (
          <span id="tap-once-hint" class="hint">
            {' '}
            {forcedOnce ? i18n.t('pass.options.oneTimeRequired') : i18n.t('pass.options.oneTimeOrganisation')}
          </span>
        )}
      </div>
    </fieldset>
  );
}
