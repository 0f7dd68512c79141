import { useState } from 'preact/hooks';
import { i18n } from '#i18n';

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
      setProblem(i18n.t('popup.lookup.problem'));
      return;
    }
    setProblem(null);
    onLookup(userRef);
  };
  return (
    <form class="lookup" onSubmit={submit} noValidate>
      <label for="lookup-input">{i18n.t('popup.lookup.label')}</label>
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
          {i18n.t('popup.lookup.open')}
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
