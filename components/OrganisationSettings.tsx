import type { ReadonlySignal } from '@preact/signals';
import { CLOUDS } from '@/utils/clouds';
import type { ManagedConfig, ManagedKey, ManagedReading } from '@/utils/managed-config';
import { formatDuration } from '@/utils/ui/format';
import { MANAGED_REASON, SET_BY_ORGANISATION } from '@/utils/ui/organisation';

export interface OrganisationSettingsProps {
  reading: ReadonlySignal<ManagedReading>;
  /** Chromium drops a wrong-typed policy value before the extension sees it; Firefox hands everything over. */
  browserFamily: 'chromium' | 'firefox';
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** Each key as the options page names it, its value in words, and what it does here. */
const ROWS: { [K in ManagedKey]-?: { label: string; show: (value: NonNullable<ManagedConfig[K]>) => string; note?: string } } = {
  clientId: { label: 'Application (client) ID', show: (value) => value },
  tenantId: { label: 'Directory (tenant) ID', show: (value) => value },
  cloud: {
    label: 'Microsoft cloud',
    show: (value) => CLOUDS[value].label,
    note: 'Sign-in, Microsoft Graph and the admin centers where the panel appears follow it.',
  },
  allowedTenants: { label: 'Other tenants the panel may act in', show: (value) => value.join(', ') },
  tenantProfiles: {
    label: 'Tenant profiles the popup offers',
    show: (value) =>
      value.length === 0
        ? 'None'
        : value
            .map((profile) => `${profile.label} (${profile.tenant}${profile.clientId ? `, app ${profile.clientId}` : ''})`)
            .join('; '),
    note: 'They replace the list under Tenant profiles.',
  },
  defaultLifetimeMinutes: {
    label: 'Lifetime of a new pass',
    show: formatDuration,
    note: 'Used when the lifetime field is left empty, if the tenant’s policy allows it.',
  },
  defaultOneTime: { label: 'One-time use', show: yesNo, note: 'Used when the checkbox is left alone.' },
  defaultStartOffsetMinutes: {
    label: 'A new pass starts',
    show: (value) => (value === 0 ? 'at once' : `${formatDuration(value)} after Issue`),
    note: 'Used when the start is left empty.',
  },
  allowEnablePolicy: {
    label: 'Turn the TAP policy on from the popup',
    show: (value) => (value ? 'Allowed' : 'Not allowed'),
  },
  clipboardClearSeconds: {
    label: 'Clear a copied pass from the clipboard after',
    show: (value) => (value === 0 ? 'Never' : `${value} seconds`),
  },
  keepHistory: {
    label: 'Keep a local history of issued and revoked passes',
    show: yesNo,
    note: 'Never a pass itself. It replaces the choice under History.',
  },
  historyRetentionDays: { label: 'Keep history entries for', show: (value) => `${value} ${value === 1 ? 'day' : 'days'}` },
  historyMaxEntries: { label: 'Keep at most', show: (value) => `${value.toLocaleString('en-US')} history entries` },
  supportContact: { label: 'Support contact shown with errors', show: (value) => value },
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
  const policyPage = browserFamily === 'chromium' ? 'chrome://policy (edge://policy in Edge)' : 'about:policies';
  return (
    <section class="settings organisation" aria-labelledby="organisation-title" data-testid="organisation-settings">
      <h2 id="organisation-title">{SET_BY_ORGANISATION}</h2>
      <p class="hint">
        {MANAGED_REASON} Your IT department deploys these settings with a browser policy; {policyPage} shows what the browser
        received.
      </p>
      {problems.length > 0 && (
        <div class="notice notice-error" data-testid="managed-problems">
          <p class="notice-text">
            {problems.length === 1 ? 'One value in the policy' : `${problems.length} values in the policy`} can’t be used. Tell
            whoever deploys the extension:
          </p>
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
          The policy also sets {unknown.map((key) => `"${key}"`).join(', ')}, which this version doesn’t know; ignored.
        </p>
      )}
      {browserFamily === 'chromium' && (
        <p class="hint">
          A value of the wrong type (text where a number or true/false belongs) never reaches the extension in Chrome or Edge, so
          it isn’t listed here: {policyPage} names it.
        </p>
      )}
    </section>
  );
}
