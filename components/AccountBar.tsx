import { i18n } from '#i18n';
import { CLOUDS } from '@/utils/clouds';
import type { SessionInfo } from '@/utils/messages';

export interface AccountBarProps {
  session: SessionInfo;
  busy: boolean;
  onSignIn: () => void;
  onSignOut: () => void;
}

export function AccountBar({ session, busy, onSignIn, onSignOut }: AccountBarProps) {
  if (!session.signedIn) {
    return (
      <div class="account-bar">
        <p class="muted">{i18n.t('panel.account.notSignedIn')}</p>
        {/* aria-disabled, not disabled, while busy: the keyboard stays on the button. */}
        <button
          type="button"
          class="btn btn-primary"
          onClick={() => !busy && onSignIn()}
          aria-disabled={busy || undefined}
          aria-busy={busy || undefined}
        >
          {busy ? i18n.t('panel.account.signingIn') : i18n.t('panel.account.signIn')}
        </button>
      </div>
    );
  }
  // The directory the account really signed in to (its token's tid), named by its domain once that is known to match.
  const tenant = session.tenantDomain ? `${session.tenantDomain} (${session.tenantId})` : session.tenantId;
  return (
    <div class="account-bar">
      <div class="account">
        <p class="account-upn" data-testid="account-upn">
          {session.username}
        </p>
        {tenant && (
          <p class="hint" data-testid="account-tenant">
            {session.cloud
              ? i18n.t('panel.account.tenantInCloud', { tenant, cloud: CLOUDS[session.cloud].label })
              : i18n.t('panel.account.tenant', { tenant })}
          </p>
        )}
      </div>
      <button type="button" class="btn" onClick={() => !busy && onSignOut()} aria-disabled={busy || undefined}>
        {i18n.t('panel.account.signOut')}
      </button>
    </div>
  );
}
