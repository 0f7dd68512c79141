export interface SignInPromptProps {
  onSignIn: () => void;
  busy: boolean;
}

export function SignInPrompt({ onSignIn, busy }: SignInPromptProps) {
  return (
    <div class="prompt">
      <p>Sign in with your Microsoft Entra admin account to see and issue Temporary Access Passes.</p>
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
