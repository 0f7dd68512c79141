import { i18n } from '#i18n';
import { MANAGED_REASON } from '@/utils/ui/organisation';

/** Beside a field the organisation's policy sets: it is read-only, and why. Its id goes in the field's aria-describedby. */
export function ManagedNote({ id }: { id: string }) {
  return (
    <span id={id} class="hint managed-note" data-testid="managed-note">
      <strong>{i18n.t('options.managed.setByNote')}</strong> {MANAGED_REASON}
    </span>
  );
}
