import type { ReadonlySignal } from '@preact/signals';
import { i18n } from '#i18n';
import { CLOUDS } from '@/utils/clouds';
import { formatNumber } from '@/utils/i18n/display-locale';
import type { ManagedConfig, ManagedKey, ManagedReading } from '@/utils/managed-config';
import { formatDuration } from '@/utils/ui/format';
import { formatList } from '@/utils/ui/locale-format';
import { MANAGED_REASON, SET_BY_ORGANISATION } from '@/utils/ui/organisation';

export interface OrganisationSettingsProps {
  reading: ReadonlySignal<ManagedReading>;
  /** Chromium drops a wrong-typed policy value before the extension sees it; Firefox hands everything over. */
  browserFamily: 'chromium' | 'firefox';
}

const yesNo = (value: boolean) =>
  value ? i18n.t('options.organisation.values.yesWord') : i18n.t('options.organisation.values.noWord');
const labelOf = (key: Exclude<ManagedKey, 'clientId' | 'tenantId' | 'cloud'>) => i18n.t(`options.organisation.labels.${key}`);
const noteOf = (
  key: 'cloud' | 'tenantProfiles' | 'defaultLifetimeMinutes' | 'defaultOneTime' | 'defaultStartOffsetMinutes' | 'keepHistory',
) => i18n.t(`options.organisation.notes.${key}`);
/** A count in the catalogue's language ("1,000" in English). */

/** Each key as the options page names it, its value in words, and what it does here. */
const ROWS: { [K in ManagedKey]-?: { label: string; show: (value: NonNullable<ManagedConfig[K]>) => string; note?: string } } = {
  clientId: { label: i18n.t('options.fields.clientId'), show: (value) => value },
  tenantId: { label: i18n.t('options.fields.tenantId'), show: (value) => value },
  cloud: {
    label: i18n.t('options.fields.cloud'),
    show: (value) => CLOUDS[value].label,
    note: noteOf('cloud'),
  },
  allowedTenants: { label: labelOf('allowedTenants'), show: (value) => formatList(value) },
  tenantProfiles: {
    label: labelOf('tenantProfiles'),
    show: (value) =>
      value.length === 0
        ? i18n.t('options.organisation.values.none')
        : value
            .map(({ label, tenant, clientId }) =>
              clientId
                ? i18n.t('options.organisation.values.profileWithApp', { label, tenant, clientId })
                : i18n.t('options.organisation.values.profile', { label, tenant }),
            )
            .join('; '),
    note: noteOf('tenantProfiles'),
  },
  defaultLifetimeMinutes: {
    label: labelOf('defaultLifetimeMinutes'),
    show: formatDuration,
    note: noteOf('defaultLifetimeMinutes'),
  },
  defaultOneTime: { label: labelOf('defaultOneTime'), show: yesNo, note: noteOf('defaultOneTime') },
  defaultStartOffsetMinutes: {
    label: labelOf('defaultStartOffsetMinutes'),
    show: (value) =>
      value === 0
        ? i18n.t('options.organisation.values.atOnce')
        : i18n.t('options.organisation.values.afterIssue', { duration: formatDuration(value) }),
    note: noteOf('defaultStartOffsetMinutes'),
  },
  allowEnablePolicy: {
    label: labelOf('allowEnablePolicy'),
    show: (value) => (value ? i18n.t('options.organisation.values.allowed') : i18n.t('options.organisation.values.notAllowed')),
  },
  clipboardClearSeconds: {
    label: labelOf('clipboardClearSeconds'),
    show: (value) =>
      value === 0 ? i18n.t('options.organisation.values.never') : i18n.t('options.organisation.values.seconds', value),
  },
  keepHistory: {
    label: labelOf('keepHistory'),
    show: yesNo,
    note: noteOf('keepHistory'),
  },
  historyRetentionDays: {
    label: labelOf('historyRetentionDays'),
    show: (value) => i18n.t('options.organisation.values.days', value),
  },
  historyMaxEntries: {
    label: labelOf('historyMaxEntries'),
    show: (value) => i18n.t('options.organisation.values.entries', value, { count: formatNumber(value) }),
  },
  supportContact: { label: labelOf('supportContact'), show: (value) => value },
};

/**
 * What the organisation's browser policy sets for the extension (storage.managed, validated in utils/managed-config.ts):
 * each value read-only with the reason, and one sentence for each value the extension had to ignore. Nothing when no
 * policy names the extension.
 */
export function OrganisationSettings({ reading, browserFamily }: OrganisationSettingsProps) {
  const { values, problems, unknown } = reading.value;
  const set = (Object.keys(ROWS) as ManagedKey[]).filter((key) => values[key] !== undefined);
  if (set.length === 0 && problems.length === 0 && unknown.length === 0) return null;
  const policyPage = browserFamily === 'chromium' ? i18n.t('options.organisation.policyPageChromium') : 'about:policies';
  return (
    <section class="settings organisation" aria-labelledby="organisation-title" data-testid="organisation-settings">
      <h2 id="organisation-title">{SET_BY_ORGANISATION}</h2>
      <p class="hint">
        {MANAGED_REASON} {i18n.t('options.organisation.deployed', { policyPage })}
      </p>
      {problems.length > 0 && (
        <div class="notice notice-error" data-testid="managed-problems">
          <p class="notice-text">{i18n.t('options.organisation.problems', problems.length)}</p>
          <ul class="notice-list">
            {problems.map((problem) => (
              <li key={problem.key}>{problem.sentence}</li>
            ))}
          </ul>
        </div>
      )}
      {set.length > 0 && (
        <dl class="managed-values">
          {set.map((key) => {
            const row = ROWS[key] as { label: string; show: (value: unknown) => string; note?: string };
            return (
              <div class="managed-value" key={key} data-key={key}>
                <dt>{row.label}</dt>
                <dd>
                  <span class="mono">{row.show(values[key])}</span>
                  {row.note && <span class="hint"> {row.note}</span>}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
      {unknown.length > 0 && (
        <p class="hint" data-testid="managed-unknown">
          {i18n.t('options.organisation.unknown', { keys: unknown.map((key) => `"${key}"`).join(', ') })}
        </p>
      )}
      {browserFamily === 'chromium' && <p class="hint">{i18n.t('options.organisation.wrongType', { policyPage })}</p>}
    </section>
  );
}
