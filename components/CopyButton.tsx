import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { GatedButton } from './GatedButton';

export interface CopyButtonProps {
  /** Read at click time so a secret never sits in an attribute; a promise when the text is still being put together. */
  getText: () => string | Promise<string>;
  label: string;
  /** Accessible name when it differs from the visible label. */
  ariaLabel?: string;
  class?: string;
  /** After a successful copy, with what was copied (e.g. to clear it from the clipboard later). */
  onCopied?: (text: string) => void;
  onFailed?: () => void;
  /** Copies a secret: acts only when the panel's gate allows (components/GatedButton.tsx). */
  gated?: boolean;
}

type CopyState = 'idle' | 'copied' | 'failed';

export function CopyButton(props: CopyButtonProps) {
  const { getText, label, ariaLabel, class: className, onCopied, onFailed, gated = false } = props;
  const [copyState, setCopyState] = useState<CopyState>('idle');
  useEffect(() => {
    if (copyState === 'idle') return;
    const id = setTimeout(() => setCopyState('idle'), 2000);
    return () => clearTimeout(id);
  }, [copyState]);

  const copy = async () => {
    try {
      const got = getText();
      const text = typeof got === 'string' ? got : await got;
      await navigator.clipboard.writeText(text);
      setCopyState('copied');
      onCopied?.(text);
    } catch {
      setCopyState('failed');
      onFailed?.();
    }
  };

  const text = copyState === 'copied' ? i18n.t('pass.copy.copied') : copyState === 'failed' ? i18n.t('pass.copy.failed') : label;
  // The accessible name stays put (a changing name isn't announced reliably, or is announced twice); the outcome is
  // said once: by the caller's live region when it handles the copy, else by this button's own status.
  const selfAnnounce = !onCopied && !onFailed;
  const button = gated ? (
    <GatedButton class={className ?? 'btn'} aria-label={ariaLabel ?? label} onClick={() => void copy()} data-state={copyState}>
      {text}
    </GatedButton>
  ) : (
    <button
      type="button"
      class={className ?? 'btn'}
      aria-label={ariaLabel ?? label}
      onClick={() => void copy()}
      data-state={copyState}
    >
      {text}
    </button>
  );
  if (!selfAnnounce) return button;
  return (
    <>
      {button}
      <span class="visually-hidden" role="status">
        {copyState === 'idle' ? '' : text}
      </span>
    </>
  );
}
