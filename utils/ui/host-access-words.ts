import { i18n } from '#i18n';
import { type HostGroups, hostName } from './host-access';

/** "a", "a and b", "a, b and c": in the list style the catalogue names (its English is en-GB's, without a final comma). */
function listWords(items: string[]): string {
  return new Intl.ListFormat(i18n.t('panel.hostAccess.listLocale'), { type: 'conjunction' }).format(items);
}

const hostList = (origins: string[]) => listWords(origins.map(hostName));

/** What is missing and what that costs the admin, one sentence per kind of site. */
export function missingSentences(missing: HostGroups): string[] {
  const sentences: string[] = [];
  if (missing.portal.length > 0) {
    sentences.push(i18n.t('panel.hostAccess.portalMissing', missing.portal.length, { hosts: hostList(missing.portal) }));
  }
  if (missing.services.length > 0) {
    sentences.push(i18n.t('panel.hostAccess.servicesMissing', { hosts: hostList(missing.services) }));
  }
  return sentences;
}

export function grantedSentence(origins: string[]): string {
  return i18n.t('panel.hostAccess.granted', { hosts: hostList(origins) });
}

export const REFUSED_SENTENCE = i18n.t('panel.hostAccess.refused');

export const CANNOT_ASK_SENTENCE = i18n.t('panel.hostAccess.cannotAsk');

export function stillMissingSentence(origins: string[]): string {
  return i18n.t('panel.hostAccess.stillMissing', { hosts: hostList(origins) });
}

/** The request never answered (no prompt showed, or it was dismissed without an answer) and the admin came back. */
export const NO_ANSWER_SENTENCE = i18n.t('panel.hostAccess.noAnswer');
