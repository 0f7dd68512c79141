import type { TapPolicy } from '@/utils/graph/types';
import { formatDuration, formatRange } from '@/utils/ui/format';
import type { FormCheck, IssueFormValue, LifetimeUnit } from '@/utils/ui/issue-options';
import { lifetimeBounds } from '@/utils/ui/issue-options';

export interface IssueOptionsFormProps {
  policy: TapPolicy | null;
  value: IssueFormValue;
  onChange: (next: IssueFormValue) => void;
  check: FormCheck;
}

/** Start, lifetime and one-time use; empty fields keep the policy's defaults and are not sent. */
export function IssueOptionsForm({ policy, value, onChange, check }: IssueOptionsFormProps) {
  const bounds = lifetimeBounds(policy);
  const forcedOnce = policy?.isUsableOnce === true;
  const problem = check.ok ? null : check;
  const set = (patch: Partial<IssueFormValue>) => onChange({ ...value, ...patch });
  const lifetimeHint = `${bounds.defaultMinutes ? `Default ${formatDuration(bounds.defaultMinutes)}, ` : ''}${formatRange(bounds.min, bounds.max)}.`;
  const unitMax = value.unit === 'hours' ? bounds.max / 60 : bounds.max;
  const unitMin = value.unit === 'hours' ? bounds.min / 60 : bounds.min;

  return (
    <fieldset class="issue-options">
      <legend class="visually-hidden">Pass options</legend>
      <div class="field">
        <label for="tap-start">Start date and time</label>
        <input
          id="tap-start"
          type="datetime-local"
          value={value.start}
          aria-invalid={problem?.field === 'start'}
          aria-describedby="tap-start-hint"
          onInput={(e) => set({ start: e.currentTarget.value })}
        />
        <span id="tap-start-hint" class="hint">
          {problem?.field === 'start' ? <span class="field-error">{problem.message}</span> : 'Empty starts the pass now.'}
        </span>
      </div>
      <div class="field">
        <label for="tap-lifetime">Lifetime</label>
        <div class="field-inline">
          <input
            id="tap-lifetime"
            type="number"
            inputMode="numeric"
            min={unitMin}
            max={unitMax}
            step="any"
            placeholder={
              bounds.defaultMinutes ? String(value.unit === 'hours' ? bounds.defaultMinutes / 60 : bounds.defaultMinutes) : ''
            }
            value={value.lifetime}
            aria-invalid={problem?.field === 'lifetime'}
            aria-describedby="tap-lifetime-hint"
            onInput={(e) => set({ lifetime: e.currentTarget.value })}
          />
          <select
            aria-label="Lifetime unit"
            value={value.unit}
            onChange={(e) => set({ unit: e.currentTarget.value as LifetimeUnit })}
          >
            <option value="hours">hours</option>
            <option value="minutes">minutes</option>
          </select>
        </div>
        <span id="tap-lifetime-hint" class="hint">
          {problem?.field === 'lifetime' ? (
            <span class="field-error" role="alert">
              {problem.message}
            </span>
          ) : (
            lifetimeHint
          )}
        </span>
      </div>
      <div class="field field-check">
        <input
          id="tap-once"
          type="checkbox"
          checked={forcedOnce || value.oneTime === true}
          disabled={forcedOnce}
          onChange={(e) => set({ oneTime: e.currentTarget.checked })}
        />
        <label for="tap-once">One-time use</label>
        {forcedOnce && <span class="hint"> Required by the policy.</span>}
      </div>
    </fieldset>
  );
}
