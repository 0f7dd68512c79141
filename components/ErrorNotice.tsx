import { useEffect, useState } from 'preact/hooks';
import type { ErrorInfo } from '@/utils/messages';
import { CopyButton } from './CopyButton';
import { GatedButton } from './GatedButton';

export interface ErrorNoticeProps {
  error: ErrorInfo;
  /** Shown as "Try again" when given. */
  onRetry?: () => void;
  onDismiss?: () => void;
}

function detailsText(error: ErrorInfo): string {
  const lines = [`Kind: ${error.kind}`];
  if (error.status !== undefined) lines.push(`Status: ${error.status}`);
  if (error.code) lines.push(`Code: ${error.code}`);
  if (error.requestId) lines.push(`Request ID: ${error.requestId}`);
  lines.push(`Time: ${new Date().toISOString()}`);
  return lines.join('\n');
}

function useSecondsLeft(seconds: number | undefined): number {
  const [left, setLeft] = useState(seconds ?? 0);
  useEffect(() => {
    if (!seconds) return;
    const until = Date.now() + seconds * 1000;
    setLeft(seconds);
    const id = setInterval(() => {
      const rest = Math.max(0, Math.ceil((until - Date.now()) / 1000));
      setLeft(rest);
      if (rest === 0) clearInterval(id);
    }, 250);
    return () => clearInterval(id);
  }, [seconds]);
  return left;
}

/** One plain sentence, the details support needs, and a retry when a retry can help. */
export function ErrorNotice({ error, onRetry, onDismiss }: ErrorNoticeProps) {
  const wait = useSecondsLeft(error.kind === 'throttled' ? error.retryAfterSeconds : undefined);
  const hasDetails = error.status !== undefined || !!error.code || !!error.requestId;
  return (
    <div class="notice notice-error">
      <p role="alert" class="notice-text">
        {error.message}
        {/* Part of the alert, so it is heard with the sentence: whom the organisation says to ask. */}
        {error.support && (
          <span class="notice-support" data-testid="support-contact">
            {' '}
            Your organisation’s support: {error.support}
          </span>
        )}
      </p>
      {error.link && (
        <p class="notice-link">
          <a href={error.link.href} target="_blank" rel="noopener noreferrer">
            {error.link.label}
          </a>
          {error.link.showUrl && <code class="notice-url">{error.link.href}</code>}
        </p>
      )}
      {wait > 0 && <p class="notice-wait">You can try again in {wait} s.</p>}
      <div class="notice-actions">
        {onRetry && (
          <GatedButton class="btn" onClick={onRetry} disabled={wait > 0}>
            Try again
          </GatedButton>
        )}
        {onDismiss && (
          <button type="button" class="btn btn-subtle" onClick={onDismiss}>
            Dismiss
          </button>
        )}
      </div>
      {hasDetails && (
        <details class="notice-details">
          <summary>Details</summary>
          <dl>
            {error.status !== undefined && (
              <>
                <dt>Status</dt>
                <dd>{error.status}</dd>
              </>
            )}
            {error.code && (
              <>
                <dt>Code</dt>
                <dd>{error.code}</dd>
              </>
            )}
            {error.requestId && (
              <>
                <dt>Request ID</dt>
                <dd class="mono">{error.requestId}</dd>
              </>
            )}
          </dl>
          <CopyButton getText={() => detailsText(error)} label="Copy details" class="btn btn-small" />
        </details>
      )}
    </div>
  );
}
