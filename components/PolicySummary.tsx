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
          Temporary Access Pass policy
        </h2>
        {policy && !pending && (
          <span class={`status ${policy.state === 'enabled' ? 'status-ok' : 'status-off'}`} data-testid="policy-state">
            {policy.state === 'enabled' ? 'Enabled' : 'Disabled'}
          </span>
        )}
        {pending && (
          <span class="status status-pending" data-testid="policy-state">
            {pending.state === 'enabled' ? 'Turning on' : 'Turning off'}
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
            <dt>Included</dt>
            <dd data-testid="policy-included">{includedWords(view)}</dd>
            <dt>Excluded</dt>
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
