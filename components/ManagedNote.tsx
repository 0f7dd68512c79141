import { MANAGED_REASON, SET_BY_ORGANISATION } from '@/utils/ui/organisation';

/** Beside a field the organisation's policy sets: it is read-only, and why. Its id goes in the field's aria-describedby. */
export function ManagedNote({ id }: { id: string }) {
  return (
    <span id={id} class="hint managed-note" data-testid="managed-note">
      <strong>{SET_BY_ORGANISATION}.</strong> {MANAGED_REASON}
    </span>
  );
}
