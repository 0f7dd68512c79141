import type { IssuedRow } from '@/utils/bulk/results-csv';
import { formatDateTime, localTimeZone, passEnd } from '@/utils/ui/format-pass';
import { signInSentence, usageSentence } from '@/utils/ui/instructions';
import { unusableSentence } from '@/utils/ui/pass-status';
import { spellOut } from '@/utils/ui/spell-out';
import { PassGroups } from './PassGroups';

export interface HandoverSheetsProps {
  rows: readonly IssuedRow[];
}

/** The print view: one page per user, for handing the pass over on paper. Hidden on screen (bulk.css). */
export function HandoverSheets({ rows }: HandoverSheetsProps) {
  const zone = localTimeZone();
  return (
    <div class="handover print-only" data-testid="handover-sheets">
      {rows.map(({ line, user, pass }) => {
        const unusable = pass.isUsable ? null : unusableSentence(pass);
        return (
          <article class="sheet" key={line} aria-label={`Handover sheet for ${user.displayName}`}>
            <h1 class="sheet-title">Temporary Access Pass</h1>
            <p class="sheet-name">{user.displayName}</p>
            <p class="sheet-upn">{user.userPrincipalName}</p>
            <p class="sheet-pass">
              <span class="visually-hidden">{pass.temporaryAccessPass}</span>
              <PassGroups value={pass.temporaryAccessPass} />
            </p>
            <p class="sheet-spelled">{spellOut(pass.temporaryAccessPass)}</p>
            <dl class="facts sheet-facts">
              <dt>Valid from</dt>
              <dd>
                {formatDateTime(pass.startDateTime)}
                {zone && ` (${zone})`}
              </dd>
              <dt>Valid until</dt>
              <dd>
                {formatDateTime(passEnd(pass.startDateTime, pass.lifetimeInMinutes))}
                {zone && ` (${zone})`}
              </dd>
              <dt>One-time</dt>
              <dd>{pass.isUsableOnce ? 'Yes' : 'No'}</dd>
            </dl>
            {unusable && <p class="sheet-warning">{unusable}</p>}
            <h2 class="sheet-heading">How to sign in</h2>
            <p>{signInSentence(user.userPrincipalName)}</p>
            <p>{usageSentence(pass)}</p>
            <h2 class="sheet-heading">For whoever hands this over</h2>
            <ul class="sheet-guidance">
              <li>Give this sheet to {user.displayName} or their manager in person, after verifying who they are.</li>
              <li>Don’t email, message or photograph it.</li>
              <li>Shred it once {user.displayName} has set up a sign-in method, or when the pass expires.</li>
            </ul>
          </article>
        );
      })}
    </div>
  );
}
