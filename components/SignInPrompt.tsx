import { i18n } from '#i18n';
export interface SignInPromptProps {
  onSignIn: () => void;
  busy: boolean;
  /** Why a new sign-in is needed, when Entra said (e.g. multifactor authentication now required). */
  reason?: string | null;
}

export function SignInPrompt({ onSignIn, busy, reason }: SignInPromptProps) {
  return (
    <div class="prompt">
      {reason ? <p class="sign-in-reason">{reason}</p> : <p>{i18n.t('panel.signIn.prompt')}</p>}
      {/* aria-disabled, not disabled, while busy: focus stays on the button instead of falling to the page. */}
      <button
        type="button"
        class="btn btn-primary"
        onClick={() => {
          if (!busy) onSignIn();
        }}
        aria-disabled={busy || undefined}
        aria-busy={busy}
      >
        {busy ? i18n.t('panel.account.signingIn') : i18n.t('panel.account.signIn')}
      </button>
    </div>
  );
}
