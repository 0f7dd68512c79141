export interface SignInPromptProps {
  onSignIn: () => void;
  busy: boolean;
  /** Why a new sign-in is needed, when Entra said (e.g. multifactor authentication now required). */
  reason?: string | null;
}

export function SignInPrompt({ onSignIn, busy, reason }: SignInPromptProps) {
  return (
    <div class="prompt">
      {reason ? (
        <p class="sign-in-reason">{reason}</p>
      ) : (
        <p>Sign in with your Microsoft Entra admin account to see and issue Temporary Access Passes.</p>
      )}
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
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </div>
  );
}
