import { i18n } from '#i18n';
import type { PolicyView } from '@/utils/messages';
import { formatAge } from '@/utils/ui/format';
import { excludedWords, includedWords, lengthWords, lifetimeWords, oneTimeWords } from '@/utils/ui/policy-words';

export interface PolicySummaryProps {
  view: PolicyView;
  now: number;
}

/** The tenant's TAP policy in plain words. */
export function PolicySummary({ view, now }: PolicySummaryProps) {
  const { policy, unreadable, pending } = view;
  return (
    <section class="policy-summary" aria-labelledby="policy-title">
      <div class="row-between">
        <h2 id="policy-title" class="section-title">
          {i18n.t('popup.policy.title')}
        </h2>
        {policy && !pending && (
          <span class={`status ${policy.state === 'enabled' ? 'status-ok' : 'status-off'}`} data-testid="policy-state">
            {policy.state === 'enabled' ? i18n.t('popup.policy.enabled') : i18n.t('popup.policy.disabled')}
          </span>
        )}
        {pending && (
          <span class="status status-pending" data-testid="policy-state">
            {pending.state === 'enabled' ? i18n.t('popup.policy.turningOn') : i18n.t('popup.policy.turningOff')}
          </span>
        )}
      </div>
      {pending && (
        <p class="notice notice-warn" role="status" data-testid="policy-pending">
          {pending.message}
        </p>
      )}
      {!policy && unreadable && <p class="notice notice-warn">{unreadable.message}</p>}
      {policy && (
        <>
          <dl class="facts">
            <dt>{i18n.t('popup.policy.included')}</dt>
            <dd data-testid="policy-included">{includedWords(view)}</dd>
            <dt>{i18n.t('popup.policy.excluded')}</dt>
            <dd data-testid="policy-excluded">{excludedWords(view)}</dd>
          </dl>
          <ul class="policy-lines">
            <li>{lifetimeWords(policy)}</li>
            <li>{lengthWords(policy)}</li>
            <li>{oneTimeWords(policy)}</li>
          </ul>
        </>
      )}
      <p class="hint" data-testid="policy-age">
        {formatAge(view.fetchedAt, now)}
      </p>
    </section>
  );
}
