import type { Eligibility } from '@/utils/messages';

export interface EligibilityNoticeProps {
  eligibility: Eligibility;
  id?: string;
}

/** Why this user cannot get a pass, before anyone clicks: the headline, then any further reasons. */
export function EligibilityNotice({ eligibility, id }: EligibilityNoticeProps) {
  if (eligibility.canIssue || eligibility.reasons.length === 0) return null;
  const [first, ...rest] = eligibility.reasons;
  return (
    <div class="notice notice-warn" id={id} data-testid="eligibility">
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
