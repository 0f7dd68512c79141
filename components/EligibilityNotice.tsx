import type { Eligibility } from '@/utils/messages';

export interface EligibilityNoticeProps {
  eligibility: Eligibility;
  id?: string;
}

/**
 * Before anyone clicks: why this user cannot get a pass (Issue disabled), or, when a pass can be issued but would not
 * work yet, what stands in the way (Issue enabled). The headline, then any further sentences.
 */
export function EligibilityNotice({ eligibility, id }: EligibilityNoticeProps) {
  const blocked = !eligibility.canIssue;
  const items = blocked ? eligibility.reasons : (eligibility.warnings ?? []);
  if (items.length === 0) return null;
  const [first, ...rest] = items;
  return (
    <div class="notice notice-warn" id={id} data-testid="eligibility" data-severity={blocked ? 'block' : 'warn'}>
      <p class="notice-text">{first?.sentence}</p>
      {rest.length > 0 && (
        <ul class="notice-list">
          {rest.map((r) => (
            <li key={r.reason}>{r.sentence}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
