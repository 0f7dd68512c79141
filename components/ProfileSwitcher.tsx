import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { focusIfFocused } from '@/utils/ui/focus-within';
import type { OfferedProfile } from '@/utils/ui/offered-profiles';
import { ConfirmRow } from './ConfirmRow';

export interface ProfileSwitcherProps {
  /** Home first (utils/ui/offered-profiles.ts). */
  profiles: OfferedProfile[];
  /** The tenant the extension acts in now (the switched-to one, else the configured one). */
  current: string;
  busy: boolean;
  onSwitchTenant: (tenant: string) => Promise<void>;
  /** A profile with its own app registration: saved as the settings, which signs out (asked first, here). */
  onUseRegistration: (profile: OfferedProfile) => Promise<void>;
}

const optionText = ({ label, tenant, clientId }: OfferedProfile) =>
  clientId ? i18n.t('popup.profiles.optionOtherApp', { label, tenant }) : i18n.t('popup.profiles.option', { label, tenant });

const indexOfCurrent = (profiles: OfferedProfile[], current: string) =>
  Math.max(
    0,
    profiles.findIndex((profile) => !profile.clientId && profile.tenant === current.toLowerCase()),
  );

/** The popup's choice of directory: a native select and one Switch button, nothing switched without it. */
export function ProfileSwitcher({ profiles, current, busy, onSwitchTenant, onUseRegistration }: ProfileSwitcherProps) {
  const [selected, setSelected] = useState(() => indexOfCurrent(profiles, current));
  const [confirming, setConfirming] = useState<OfferedProfile | null>(null);
  const [requested, setRequested] = useState<OfferedProfile | null>(null);
  useEffect(() => setSelected(indexOfCurrent(profiles, current)), [profiles, current]);
  // Cancel or Escape: the keyboard goes back to the Switch button that asked (not wherever the popup's rescue puts it).
  const switchButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (confirming || !refocus.current) return;
    refocus.current = false;
    focusIfFocused(switchButton.current);
  }, [confirming]);

  const choice = profiles[selected];
  const isCurrent = !!choice && !choice.clientId && choice.tenant === current.toLowerCase();
  // Said once, when the switch it asked for shows in what the popup acts in.
  const status =
    requested && !requested.clientId && requested.tenant === current.toLowerCase()
      ? i18n.t('popup.profiles.now', { label: requested.label, tenant: requested.tenant })
      : '';

  const switchTo = () => {
    if (busy || !choice || isCurrent) return;
    if (choice.clientId) {
      setConfirming(choice);
      return;
    }
    setRequested(choice);
    void onSwitchTenant(choice.tenant);
  };

  return (
    <section class="profiles" aria-labelledby="profiles-title" data-testid="profile-switcher">
      <h2 id="profiles-title" class="section-title">
        {i18n.t('popup.profiles.title')}
      </h2>
      <div class="profile-row">
        <label for="profile-select">{i18n.t('popup.profiles.actIn')}</label>
        <select
          id="profile-select"
          value={String(selected)}
          onChange={(e) => {
            setSelected(Number(e.currentTarget.value));
            setConfirming(null);
          }}
        >
          {profiles.map((profile, index) => (
            <option key={`${profile.tenant}|${profile.clientId ?? ''}`} value={String(index)}>
              {optionText(profile)}
            </option>
          ))}
        </select>
        <button
          type="button"
          ref={switchButton}
          class="btn"
          aria-disabled={busy || isCurrent || undefined}
          aria-describedby={isCurrent ? 'profile-current' : undefined}
          onClick={switchTo}
        >
          {i18n.t('popup.profiles.switch')}
        </button>
      </div>
      {isCurrent && (
        <p id="profile-current" class="hint">
          {i18n.t('popup.profiles.current')}
        </p>
      )}
      {confirming && (
        <ConfirmRow
          message={i18n.t('popup.profiles.confirm', {
            label: confirming.label,
            clientId: confirming.clientId ?? '',
            tenant: confirming.tenant,
          })}
          confirmLabel={i18n.t('popup.profiles.confirmLabel')}
          busy={busy}
          onConfirm={() => {
            setConfirming(null);
            void onUseRegistration(confirming);
          }}
          onCancel={() => {
            refocus.current = true;
            setConfirming(null);
          }}
        />
      )}
      <span role="status" class="visually-hidden" data-testid="profile-status">
        {status}
      </span>
    </section>
  );
}
