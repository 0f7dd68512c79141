import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { TapMethod, TapPolicy } from '@/utils/graph/types';
import { focusIfFocused } from '@/utils/ui/focus-within';
import { formatDateTime, passEnd } from '@/utils/ui/format-pass';
import { describePassStatus, unusableSentence } from '@/utils/ui/pass-status';
import { useNow } from '@/utils/ui/use-now';
import { ConfirmRow } from './ConfirmRow';

export interface CurrentPassProps {
  pass: TapMethod | null;
  /** The tenant's policy when readable: it says why a pass Graph reads as DisabledByPolicy is blocked. */
  policy?: TapPolicy | null;
  /** Resolves once the revoke ended (removed, or failed and explained). */
  onRevoke: (methodId: string) => Promise<void>;
  busy: boolean;
  /** A portal panel that never arms (GateNotice windowOnly): Revoke opens this user in a window, which asks there. */
  onRevokeInWindow?: () => void;
}

export function CurrentPass({ pass, policy, onRevoke, busy, onRevokeInWindow }: CurrentPassProps) {
  const now = useNow(30_000);
  // Which pass the question is about: another pass (after a reload) means no open question.
  const [askingFor, setAskingFor] = useState<string | null>(null);
  const confirming = !!pass && askingFor === pass.id;
  const setConfirming = (open: boolean) => setAskingFor(open && pass ? pass.id : null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  // Cancel or Escape, or a revoke that failed: focus returns to the Revoke button that asked.
  const refocus = useRef(false);
  useEffect(() => {
    if (confirming || !refocus.current) return;
    refocus.current = false;
    focusIfFocused(triggerRef.current);
  }, [confirming]);
  if (!pass) {
    return (
      <section class="card current-pass" aria-label={i18n.t('pass.current.title')}>
        <p class="muted">{i18n.t('pass.current.none')}</p>
      </section>
    );
  }
  const status = describePassStatus(pass, now);
  const unusable = unusableSentence(pass, policy);
  return (
    <section class="card current-pass" aria-labelledby="current-pass-title">
      <div class="row-between">
        <h2 id="current-pass-title" class="section-title">
          {i18n.t('pass.current.title')}
        </h2>
        <span class={`status status-${status.tone}`} data-testid="pass-status">
          {status.label}
        </span>
      </div>
      {unusable && (
        <p class="notice notice-warn" data-testid="pass-unusable">
          {unusable}
        </p>
      )}
      <dl class="facts">
        <dt>{i18n.t('pass.current.starts')}</dt>
        <dd>{formatDateTime(pass.startDateTime)}</dd>
        <dt>{i18n.t('pass.current.ends')}</dt>
        <dd>{formatDateTime(passEnd(pass.startDateTime, pass.lifetimeInMinutes))}</dd>
      </dl>
      <div class="row-between">
        {pass.isUsableOnce ? (
          <span class="badge badge-info">{i18n.t('pass.badge.oneTime')}</span>
        ) : (
          <span class="badge">{i18n.t('pass.badge.reusable')}</span>
        )}
        {!confirming && (
          <button
            type="button"
            ref={triggerRef}
            class="btn btn-small"
            data-action="revoke"
            onClick={() => {
              if (onRevokeInWindow) onRevokeInWindow();
              else if (!busy) setConfirming(true);
            }}
            aria-disabled={busy || undefined}
            aria-describedby={onRevokeInWindow ? 'window-only' : undefined}
          >
            {onRevokeInWindow ? i18n.t('pass.current.revokeInWindow') : i18n.t('pass.current.revoke')}
          </button>
        )}
      </div>
      {confirming && (
        <ConfirmRow
          message={i18n.t('pass.current.revokeQuestion')}
          confirmLabel={i18n.t('pass.current.revoke')}
          danger
          busy={busy}
          onConfirm={() => {
            void onRevoke(pass.id).then(() => {
              refocus.current = true; // only reaches the button if the pass is still there (the revoke failed)
              setConfirming(false);
            });
          }}
          onCancel={() => {
            refocus.current = true;
            setConfirming(false);
          }}
        />
      )}
    </section>
  );
}
