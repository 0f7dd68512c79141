import { i18n } from '#i18n';
import type { TapPolicy } from '@/utils/graph/types';
import type { IssueDefaults } from '@/utils/managed-config';
import type { IssueOptions } from '@/utils/messages';
import { formatDuration, formatSpan } from './format';

export type LifetimeUnit = 'hours' | 'minutes';

/** What the admin typed in the Options form; empty strings mean "use the policy's default". */
export interface IssueFormValue {
  /** datetime-local value ("2025-06-03T14:05") or "" for now. */
  start: string;
  lifetime: string;
  unit: LifetimeUnit;
  /** null until the admin touches the checkbox. */
  oneTime: boolean | null;
}

export const EMPTY_ISSUE_FORM: IssueFormValue = { start: '', lifetime: '', unit: 'hours', oneTime: null };

/** Graph's own limits when the policy cannot be read: 10 minutes to 30 days. */
const GRAPH_MIN_LIFETIME = 10;
const GRAPH_MAX_LIFETIME = 43_200;

export interface LifetimeBounds {
  min: number;
  max: number;
  defaultMinutes: number | null;
}

export function lifetimeBounds(policy: TapPolicy | null): LifetimeBounds {
  if (!policy) return { min: GRAPH_MIN_LIFETIME, max: GRAPH_MAX_LIFETIME, defaultMinutes: null };
  return {
    min: policy.minimumLifetimeInMinutes,
    max: policy.maximumLifetimeInMinutes,
    defaultMinutes: policy.defaultLifetimeInMinutes,
  };
}

/**
 * The organisation's default lifetime (managed defaultLifetimeMinutes) when the policy allows it; null when it has
 * none or the policy's bounds exclude it (then the policy's own default applies, as Graph would refuse the other).
 */
export function organisationLifetime(policy: TapPolicy | null, defaults: IssueDefaults): number | null {
  const minutes = defaults.lifetimeMinutes;
  if (minutes === undefined) return null;
  const { min, max } = lifetimeBounds(policy);
  return minutes >= min && minutes <= max ? minutes : null;
}

export type FormCheck = { ok: true; options: IssueOptions } | { ok: false; field: 'start' | 'lifetime'; message: string };

/**
 * Turns the form into the request's options (only the fields the admin set), or says what is wrong. A field left
 * alone takes the organisation's default (managed configuration) when there is one, else the policy's (not sent).
 */
export function checkIssueForm(
  value: IssueFormValue,
  policy: TapPolicy | null,
  now: number,
  defaults: IssueDefaults = {},
): FormCheck {
  const options: IssueOptions = {};
  if (value.start.trim() !== '') {
    const start = new Date(value.start);
    if (Number.isNaN(start.getTime())) return { ok: false, field: 'start', message: i18n.t('pass.options.invalidStart') };
    if (start.getTime() < now - 60_000) {
      return { ok: false, field: 'start', message: i18n.t('pass.options.startInPast') };
    }
    options.startDateTime = start.toISOString();
  } else if (defaults.startOffsetMinutes) {
    options.startDateTime = new Date(now + defaults.startOffsetMinutes * 60_000).toISOString();
  }
  if (value.lifetime.trim() !== '') {
    const amount = Number(value.lifetime);
    const minutes = value.unit === 'hours' ? amount * 60 : amount;
    const { min, max } = lifetimeBounds(policy);
    if (!Number.isFinite(minutes) || minutes <= 0 || !Number.isInteger(minutes)) {
      return { ok: false, field: 'lifetime', message: i18n.t('pass.options.wholeNumber') };
    }
    if (minutes < min || minutes > max) {
      const words = { duration: formatDuration(minutes), span: formatSpan(min, max) };
      return {
        ok: false,
        field: 'lifetime',
        message: policy ? i18n.t('pass.options.outsidePolicy', words) : i18n.t('pass.options.outsideGraph', words),
      };
    }
    options.lifetimeInMinutes = minutes;
  } else {
    const organisation = organisationLifetime(policy, defaults);
    if (organisation !== null) options.lifetimeInMinutes = organisation;
  }
  const oneTime = value.oneTime ?? defaults.oneTime ?? null;
  if (oneTime !== null && !policy?.isUsableOnce) options.isUsableOnce = oneTime;
  return { ok: true, options };
}

/** True when the admin changed anything from the defaults. */
export function isCustomised(value: IssueFormValue): boolean {
  return value.start !== '' || value.lifetime !== '' || value.oneTime !== null;
}
