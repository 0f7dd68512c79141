import { i18n } from '#i18n';
import type { AuthMethodSummary } from '@/utils/graph/types';

export interface MethodsListProps {
  methods: AuthMethodSummary[];
  /** Why the methods could not be read, shown instead of an empty list. */
  unreadable?: string | null;
}

export function MethodsList({ methods, unreadable }: MethodsListProps) {
  return (
    <section class="methods" aria-labelledby="methods-title">
      <h2 id="methods-title" class="section-title">
        {unreadable ? i18n.t('panel.methods.title') : i18n.t('panel.methods.titleCount', { count: methods.length })}
      </h2>
      {unreadable ? (
        <p class="muted">{unreadable}</p>
      ) : methods.length === 0 ? (
        <p class="muted">{i18n.t('panel.methods.none')}</p>
      ) : (
        <ul class="methods-list">
          {methods.map((m) => (
            <li key={m.id}>
              <span class="method-label">{m.label}</span>
              {m.detail && <span class="method-detail"> · {m.detail}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
