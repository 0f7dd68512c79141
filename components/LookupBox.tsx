import { useState } from 'preact/hooks';

export interface LookupBoxProps {
  /** Returns the clean principal, or null when the text is not a UPN or object ID. */
  parse: (text: string) => string | null;
  onLookup: (userRef: string) => void;
  busy: boolean;
}

export function LookupBox({ parse, onLookup, busy }: LookupBoxProps) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (e: Event) => {
    e.preventDefault();
    if (busy) return;
    const userRef = parse(text);
    if (!userRef) {
      setProblem('Enter a user principal name (like adele@contoso.com) or an object ID (a GUID).');
      return;
    }
    setProblem(null);
    onLookup(userRef);
  };
  return (
    <form class="lookup" onSubmit={submit} noValidate>
      <label for="lookup-input">User principal name or object ID</label>
      <div class="field-inline">
        <input
          id="lookup-input"
          type="text"
          autocomplete="off"
          spellcheck={false}
          value={text}
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'lookup-problem' : undefined}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit" class="btn" aria-disabled={busy || undefined}>
          Open
        </button>
      </div>
      {problem && (
        <p id="lookup-problem" class="field-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
