import { i18n } from '#i18n';
import type { IssuedRow } from '@/utils/bulk/results-csv';
import { formatDateTime, localTimeZone, passEnd } from '@/utils/ui/format-pass';
import { signInSentence, usageSentence } from '@/utils/ui/instructions';
import { unusableSentence } from '@/utils/ui/pass-status';
import { spellOut } from '@/utils/ui/spell-out';
import { PassGroups } from './PassGroups';

export interface HandoverSheetsProps {
  rows: readonly IssuedRow[];
}

/** "3 Jun 2030, 09:00 (Europe/Berlin)", or the date alone when the zone is unknown. */
const inZone = (date: string, zone: string) => (zone ? i18n.t('bulk.sheet.dateInZone', { date, zone }) : date);

/** The print view: one page per user, for handing the pass over on paper. Hidden on screen (bulk.css). */
export function HandoverSheets({ rows }: HandoverSheetsProps) {
  const zone = localTimeZone();
  return (
    <div class="handover print-only" data-testid="handover-sheets">
      {rows.map(({ line, user, pass }) => {
        const unusable = pass.isUsable ? null : unusableSentence(pass);
        return (
          <article class="sheet" key={line} aria-label={i18n.t('bulk.sheet.label', { user: user.displayName })}>
            <h1 class="sheet-title">{i18n.t('bulk.sheet.title')}</h1>
            <p class="sheet-name">{user.displayName}</p>
            <p class="sheet-upn">{user.userPrincipalName}</p>
            <p class="sheet-pass">
              <span class="visually-hidden">{pass.temporaryAccessPass}</span>
              <PassGroups value={pass.temporaryAccessPass} />
            </p>
            <p class="sheet-spelled">{spellOut(pass.temporaryAccessPass)}</p>
            <dl class="facts sheet-facts">
              <dt>{i18n.t('bulk.sheet.validFrom')}</dt>
              <dd>{inZone(formatDateTime(pass.startDateTime), zone)}</dd>
              <dt>{i18n.t('bulk.sheet.validUntil')}</dt>
              <dd>{inZone(formatDateTime(passEnd(pass.startDateTime, pass.lifetimeInMinutes)), zone)}</dd>
              <dt>{i18n.t('bulk.sheet.oneTime')}</dt>
              <dd>{i18n.t(pass.isUsableOnce ? 'bulk.table.answerYes' : 'bulk.table.answerNo')}</dd>
            </dl>
            {unusable && <p class="sheet-warning">{unusable}</p>}
            <h2 class="sheet-heading">{i18n.t('bulk.sheet.howToSignIn')}</h2>
            <p>{signInSentence(user.userPrincipalName)}</p>
            <p>{usageSentence(pass)}</p>
            <h2 class="sheet-heading">{i18n.t('bulk.sheet.forHandover')}</h2>
            <ul class="sheet-guidance">
              <li>{i18n.t('bulk.sheet.giveInPerson', { user: user.displayName })}</li>
              <li>{i18n.t('bulk.sheet.dontShare')}</li>
              <li>{i18n.t('bulk.sheet.shred', { user: user.displayName })}</li>
            </ul>
          </article>
        );
      })}
    </div>
  );
}
