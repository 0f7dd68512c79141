import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { i18n } from '#i18n';
import { cloudOf } from '@/utils/clouds';
import { useAnnouncer } from '@/utils/ui/announcer';
import { ENABLE_POLICY_OFF_SENTENCE } from '@/utils/ui/enable-policy-words';
import { policyBladeUrl } from '@/utils/ui/links';
import type { PopupStore } from '@/utils/ui/popup-store';
import { useNow } from '@/utils/ui/use-now';
import { AccountBar } from './AccountBar';
import { EnablePolicy } from './EnablePolicy';
import { ErrorNotice } from './ErrorNotice';
import { LookupBox } from './LookupBox';
import { NotConfigured } from './NotConfigured';
import { PolicySummary } from './PolicySummary';
import { ProfileSwitcher } from './ProfileSwitcher';

export interface PopupAppProps {
  store: PopupStore;
  parsePrincipal: (text: string) => string | null;
  onOpenOptions: () => void;
  /** Called after the panel window opened (the popup closes itself). */
  onLookedUp: () => void;
  /** What this browser doesn't let the extension reach, under the account (the entrypoint passes it). */
  hostAccess?: ComponentChildren;
  /** Opens the bulk page in a tab (the popup carries none of it). */
  onOpenBulk?: () => void;
  /** The last few history entries, at the end (the entrypoint passes it). */
  recent?: ComponentChildren;
}

export function PopupApp({ store, parsePrincipal, onOpenOptions, onLookedUp, hostAccess, onOpenBulk, recent }: PopupAppProps) {
  const now = useNow(30_000);
  useEffect(() => {
    void store.init();
  }, [store]);

  const session = store.session.value;
  const view = store.policy.value;
  const busy = store.busy.value;
  const tenant = (session?.signedIn ? (session.tenantDomain ?? session.tenantId) : null) ?? session?.configuredTenant ?? null;
  const policyError = store.policyError.value;
  // Said once, then cleared like the panel's sentences: a screen reader browsing the popup later finds nothing stale.
  const status = useAnnouncer();

  /** Back to the configured tenant: said once, and the keyboard goes to the profile choice, not to Sign out. */
  const backHome = async (home: string) => {
    status.announce('');
    await store.switchTenant(home);
    if (store.session.value?.actingTenant) return; // not switched: the error notice says why
    status.announce(i18n.t('popup.acting.now', { tenant: home }));
    const focused = document.activeElement;
    if (!focused || focused === document.body || focused.closest('.account-bar')) {
      document.getElementById('profile-select')?.focus();
    }
  };

  if (session && !session.configured) {
    return (
      <main class="popup">
        <h1 class="popup-title">{i18n.t('popup.title')}</h1>
        <NotConfigured onOpenOptions={onOpenOptions} />
        {hostAccess}
      </main>
    );
  }

  return (
    <main class="popup">
      <h1 class="popup-title">{i18n.t('popup.title')}</h1>
      {session ? (
        <AccountBar
          session={session}
          busy={busy === 'signIn' || busy === 'signOut'}
          onSignIn={() => void store.signIn()}
          onSignOut={() => void store.signOut()}
        />
      ) : (
        <div class="account-bar" aria-busy="true" />
      )}
      {hostAccess}
      {session?.signedIn && session.actingTenant && session.configuredTenant && (
        <p class="hint" data-testid="acting-tenant">
          {i18n.t('popup.acting.notice', { tenant: tenant ?? '', configured: session.configuredTenant })}{' '}
          <button
            type="button"
            class="btn btn-subtle"
            aria-disabled={busy === 'signIn' ? 'true' : undefined}
            onClick={() => session.configuredTenant && void backHome(session.configuredTenant)}
          >
            {i18n.t('popup.acting.backTo', { tenant: session.configuredTenant })}
          </button>
        </p>
      )}
      {session?.signedIn && store.profiles.value.length > 1 && (
        <ProfileSwitcher
          profiles={store.profiles.value}
          current={session.actingTenant ?? session.configuredTenant ?? ''}
          busy={busy !== null}
          onSwitchTenant={(target) => store.switchTenant(target)}
          onUseRegistration={(profile) => store.useRegistration(profile)}
        />
      )}
      {view && <PolicySummary view={view} now={now} />}
      {/* Not a live region: it comes and goes around every refresh, and a switch is said once, below. */}
      {store.refreshing.value && <p class="hint">{i18n.t('popup.checking')}</p>}
      <p class="visually-hidden" role="status" data-testid="popup-status">
        {status.text.value}
      </p>
      {policyError && <ErrorNotice error={policyError} onRetry={() => void store.refreshPolicy()} />}
      {session?.signedIn &&
        view?.policy?.state === 'disabled' &&
        !view.pending &&
        // The organisation's policy may keep this change in the admin center (managed allowEnablePolicy: false).
        (session.enablePolicyAllowed !== false ? (
          <EnablePolicy busy={busy === 'enable'} onEnable={() => void store.enablePolicy()} />
        ) : (
          <p class="hint" data-testid="enable-policy-managed">
            {ENABLE_POLICY_OFF_SENTENCE}
          </p>
        ))}
      {store.actionError.value && <ErrorNotice error={store.actionError.value} />}
      <a class="policy-link" href={policyBladeUrl(tenant, cloudOf(session).portalHost)} target="_blank" rel="noreferrer">
        {i18n.t('popup.policyLink')}
      </a>
      {session?.signedIn && (
        <LookupBox
          parse={parsePrincipal}
          busy={busy === 'lookup'}
          onLookup={async (userRef) => {
            if (await store.lookup(userRef)) onLookedUp();
          }}
        />
      )}
      {session && onOpenBulk && (
        <button type="button" class="btn" onClick={onOpenBulk}>
          {i18n.t('popup.bulk')}
        </button>
      )}
      {recent}
    </main>
  );
}
