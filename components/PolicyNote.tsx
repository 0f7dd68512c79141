import type { PolicyView } from '@/utils/messages';
import { policyLine } from '@/utils/ui/policy-words';

export interface PolicyNoteProps {
  view: PolicyView;
}

/** The policy in one line under the panel, so the admin knows the defaults a click applies. */
export function PolicyNote({ view }: PolicyNoteProps) {
  if (view.policy) return <p class="policy-note">{policyLine(view.policy)}</p>;
  if (view.unreadable) return <p class="policy-note">{view.unreadable.message}</p>;
  return null;
}
