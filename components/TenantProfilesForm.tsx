import type { ReadonlySignal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ManagedReading } from '@/utils/managed-config';
import type { EntraSettings } from '@/utils/storage';
import {
  draftProblems,
  MAX_TENANT_PROFILES,
  type ProfileDraft,
  type ProfileProblems,
  profileOf,
  sameProfile,
  type TenantProfile,
} from '@/utils/tenant-profiles';
import { useAnnouncer } from '@/utils/ui/announcer';
import { HOME_LABEL, notOfferedReason } from '@/utils/ui/offered-profiles';
import { ManagedNote } from './ManagedNote';

export interface TenantProfilesFormProps {
  load: () => Promise<TenantProfile[]>;
  save: (profiles: TenantProfile[]) => Promise<void>;
  /** The saved app registration: its tenant is the home profile, always first. */
  loadSettings: () => Promise<EntraSettings | null>;
  watchSettings: (onChange: (settings: EntraSettings | null) => void) => () => void;
  /** The organisation's managed configuration: tenantProfiles it sets replace this list, read-only. */
  managed?: ReadonlySignal<ManagedReading>;
}

type Field = keyof ProfileProblems;

const EMPTY_DRAFT: ProfileDraft = { label: '', tenant: '', clientId: '' };
const FIELDS: { key: Field; id: string; label: string; placeholder: string; hint?: string }[] = [
  {
    key: 'label',
    id: 'profile-label',
    label: i18n.t('options.profiles.fields.label'),
    placeholder: i18n.t('options.profiles.fields.labelPlaceholder'),
  },
  {
    key: 'tenant',
    id: 'profile-tenant',
    label: i18n.t('options.profiles.fields.tenant'),
    placeholder: i18n.t('options.profiles.fields.tenantPlaceholder'),
  },
  {
    key: 'clientId',
    id: 'profile-client-id',
    label: i18n.t('options.profiles.fields.clientId'),
    placeholder: '00000000-0000-0000-0000-000000000000',
    hint: i18n.t('options.profiles.fields.clientIdHint'),
  },
];

const profileLine = ({ label, tenant, clientId }: TenantProfile) =>
  clientId
    ? i18n.t('options.profiles.lineWithApp', { label, tenant, clientId })
    : i18n.t('options.profiles.line', { label, tenant });

/** The directories the popup offers to switch between, besides the configured one. */
export function TenantProfilesForm({ load, save, loadSettings, watchSettings, managed }: TenantProfilesFormProps) {
  const [profiles, setProfiles] = useState<TenantProfile[]>([]);
  const [settings, setSettings] = useState<EntraSettings | null>(null);
  const [draft, setDraft] = useState<ProfileDraft>(EMPTY_DRAFT);
  const [problems, setProblems] = useState<ProfileProblems>({});
  // "Added …" / "Removed …" said once, then cleared; a failure stays until the next change (utils/ui/announcer.ts).
  const status = useAnnouncer();

  useEffect(() => {
    void load().then(setProfiles);
  }, [load]);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, [loadSettings, watchSettings]);

  const values = managed?.value.values ?? {};
  const managedProfiles = values.tenantProfiles;
  const shown = managedProfiles ?? profiles;
  const homeTenant = values.tenantId ?? settings?.tenantId;
  const effective = homeTenant ? { clientId: values.clientId ?? settings?.clientId ?? '', tenantId: homeTenant } : null;

  const persist = async (next: TenantProfile[], done: string) => {
    try {
      await save(next);
      setProfiles(next);
      status.announce(done);
      return true;
    } catch {
      status.hold(i18n.t('options.status.saveFailed'));
      return false;
    }
  };

  const add = async (e: Event) => {
    e.preventDefault();
    const found = draftProblems(draft);
    const profile = Object.keys(found).length === 0 ? profileOf(draft) : null;
    if (profile && profiles.some((kept) => sameProfile(kept, profile))) {
      found.tenant = i18n.t('options.profiles.duplicate');
    }
    if (profile && profiles.length >= MAX_TENANT_PROFILES && !found.tenant) {
      found.label = i18n.t('options.profiles.full', { max: MAX_TENANT_PROFILES });
    }
    setProblems(found);
    const first = FIELDS.find((field) => found[field.key]);
    if (first || !profile) {
      // The problem is read with the field it is under: no separate announcement.
      status.announce('');
      requestAnimationFrame(() => document.getElementById(first?.id ?? 'profile-label')?.focus());
      return;
    }
    if (await persist([...profiles, profile], i18n.t('options.profiles.added', { label: profile.label }))) setDraft(EMPTY_DRAFT);
  };

  const remove = (profile: TenantProfile) => {
    void persist(
      profiles.filter((kept) => !sameProfile(kept, profile)),
      i18n.t('options.profiles.removed', { label: profile.label }),
    ).then(() => requestAnimationFrame(() => document.getElementById('profiles-title')?.focus()));
  };

  return (
    <section class="settings profiles" aria-labelledby="profiles-title">
      <h2 id="profiles-title" tabIndex={-1}>
        {i18n.t('options.profiles.title')}
      </h2>
      <p class="hint" id="profiles-hint">
        {i18n.t('options.profiles.hint', { home: HOME_LABEL })}
      </p>
      <ul class="profile-list" aria-labelledby="profiles-title" data-testid="profile-list">
        <li class="profile-item">
          <span>
            {homeTenant !== undefined
              ? i18n.t('options.profiles.homeSaved', { home: HOME_LABEL, tenant: homeTenant })
              : i18n.t('options.profiles.homeUnsaved', { home: HOME_LABEL })}
          </span>
        </li>
        {shown.map((profile) => {
          const reason = notOfferedReason(profile, effective, values);
          return (
            <li class="profile-item" key={`${profile.tenant}|${profile.clientId ?? ''}`}>
              <span>
                {profileLine(profile)}
                {reason && <span class="hint"> {reason}</span>}
              </span>
              {!managedProfiles && (
                <button
                  type="button"
                  class="btn btn-subtle"
                  // Two profiles may share a label: the tenant tells their buttons apart.
                  aria-label={i18n.t('options.profiles.removeLabel', { label: profile.label, tenant: profile.tenant })}
                  onClick={() => remove(profile)}
                >
                  {i18n.t('options.profiles.remove')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {managedProfiles ? (
        <ManagedNote id="profiles-managed" />
      ) : (
        <form class="profile-add" onSubmit={add} noValidate aria-labelledby="profile-add-title">
          <h3 id="profile-add-title">{i18n.t('options.profiles.addTitle')}</h3>
          {FIELDS.map((field) => {
            const problem = problems[field.key];
            const describedBy = [problem ? `${field.id}-problem` : '', field.hint ? `${field.id}-hint` : '']
              .filter(Boolean)
              .join(' ');
            return (
              <div class="field" key={field.key}>
                <label for={field.id}>{field.label}</label>
                <input
                  id={field.id}
                  type="text"
                  spellcheck={false}
                  autocomplete="off"
                  placeholder={field.placeholder}
                  value={draft[field.key]}
                  aria-invalid={problem !== undefined}
                  aria-describedby={describedBy || undefined}
                  onInput={(e) => {
                    setDraft({ ...draft, [field.key]: e.currentTarget.value });
                    status.announce('');
                  }}
                />
                {field.hint && (
                  <span id={`${field.id}-hint`} class="hint">
                    {field.hint}
                  </span>
                )}
                {problem && (
                  <span id={`${field.id}-problem`} class="field-error">
                    {problem}
                  </span>
                )}
              </div>
            );
          })}
          <div class="actions">
            <button type="submit" class="btn">
              {i18n.t('options.profiles.add')}
            </button>
          </div>
        </form>
      )}
      <span role="status" class="save-status" data-testid="profiles-status">
        {status.text.value}
      </span>
    </section>
  );
}
