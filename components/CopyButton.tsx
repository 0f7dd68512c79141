import { useEffect, useState } from 'preact/hooks';

export interface CopyButtonProps {
  /** Read at click time so a secret never sits in an attribute. */
  getText: () => string;
  label: string;
  /** Accessible name when it differs from the visible label. */
  ariaLabel?: string;
  class?: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

export function CopyButton({ getText, label, ariaLabel, class: className }: CopyButtonProps) {
  const [copyState, setCopyState] = useState<CopyState>('idle');
  useEffect(() => {
    if (copyState === 'idle') return;
    const id = setTimeout(() => setCopyState('idle'), 2000);
    return () => clearTimeout(id);
  }, [copyState]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(getText());
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };

  const text = copyState === 'copied' ? 'Copied' : copyState === 'failed' ? 'Copy failed' : label;
  return (
    <button type="button" class={className ?? 'btn'} aria-label={ariaLabel} onClick={copy} data-state={copyState}>
      {text}
    </button>
  );
}
