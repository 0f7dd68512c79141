export interface SignInPromptProps {
  onSignIn: () => void;
  busy: boolean;
}

export function SignInPrompt({ onSignIn, busy }: SignInPromptProps) {
  return (
    <div class="prompt">
      <p>Sign in with your Microsoft Entra admin account to see and issue Temporary Access Passes.</p>
      <button type="button" class="btn btn-primary" onClick={onSignIn} disabled={busy} aria-busy={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </div>
  );
}
