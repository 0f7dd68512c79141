import { useEffect, useState } from 'preact/hooks';
import { i18n } from '#i18n';
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
  const lines = [i18n.t('panel.error.detailKind', { kind: error.kind })];
  if (error.status !== undefined) lines.push(i18n.t('panel.error.detailStatus', { status: error.status }));
  if (error.code) lines.push(i18n.t('panel.error.detailCode', { code: error.code }));
  if (error.requestId) lines.push(i18n.t('panel.error.detailRequestId', { requestId: error.requestId }));
  lines.push(i18n.t('panel.error.detailTime', { time: new Date().toISOString() }));
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
            {i18n.t('panel.error.support', { support: error.support })}
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
      {wait > 0 && <p class="notice-wait">{i18n.t('panel.error.wait', { seconds: wait })}</p>}
      <div class="notice-actions">
        {onRetry && (
          <GatedButton class="btn" onClick={onRetry} disabled={wait > 0}>
            {i18n.t('panel.error.retry')}
          </GatedButton>
        )}
        {onDismiss && (
          <button type="button" class="btn btn-subtle" onClick={onDismiss}>
            {i18n.t('panel.error.dismiss')}
          </button>
        )}
      </div>
      {hasDetails && (
        <details class="notice-details">
          <summary>{i18n.t('panel.error.details')}</summary>
          <dl>
            {error.status !== undefined && (
              <>
                <dt>{i18n.t('panel.error.status')}</dt>
                <dd>{error.status}</dd>
              </>
            )}
            {error.code && (
              <>
                <dt>{i18n.t('panel.error.code')}</dt>
                <dd>{error.code}</dd>
              </>
            )}
            {error.requestId && (
              <>
                <dt>{i18n.t('panel.error.requestId')}</dt>
                <dd class="mono">{error.requestId}</dd>
              </>
            )}
          </dl>
          <CopyButton getText={() => detailsText(error)} label={i18n.t('panel.error.copyDetails')} class="btn btn-small" />
        </details>
      )}
    </div>
  );
}
