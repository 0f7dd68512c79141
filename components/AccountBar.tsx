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
        <p class="muted">Not signed in.</p>
        <button type="button" class="btn btn-primary" onClick={onSignIn} disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
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
            Tenant {tenant}
          </p>
        )}
      </div>
      <button type="button" class="btn" onClick={onSignOut} disabled={busy}>
        Sign out
      </button>
    </div>
  );
}
