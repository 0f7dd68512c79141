import { type HostGroups, hostName } from './host-access';

/** "a", "a and b", "a, b and c". */
function listWords(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** What is missing and what that costs the admin, one sentence per kind of site. */
export function missingSentences(missing: HostGroups): string[] {
  const sentences: string[] = [];
  if (missing.portal.length > 0) {
    const those = missing.portal.length > 1 ? 'those sites' : 'that site';
    sentences.push(
      `Entra TAP can’t show its panel on ${listWords(missing.portal.map(hostName))}: this browser hasn’t given it access to ${those}.`,
    );
  }
  if (missing.services.length > 0) {
    sentences.push(
      `Without access to ${listWords(missing.services.map(hostName))}, Entra TAP still works, but every step takes longer.`,
    );
  }
  return sentences;
}

export function grantedSentence(origins: string[]): string {
  return `Access allowed: Entra TAP can reach ${listWords(origins.map(hostName))} now.`;
}

export const REFUSED_SENTENCE =
  'Access wasn’t allowed, so nothing changed. Select Allow access to be asked again, or allow it in the browser’s settings for this extension.';

export const CANNOT_ASK_SENTENCE =
  'This browser couldn’t ask for access from here. Allow it in the browser’s settings for this extension (Firefox: about:addons, Entra TAP, Permissions; Chrome and Edge: the extension’s Site access).';

export function stillMissingSentence(origins: string[]): string {
  return `Access is still missing for ${listWords(origins.map(hostName))}. Select Allow access to be asked again, or allow it in the browser’s settings for this extension.`;
}

/** The request never answered (no prompt showed, or it was dismissed without an answer) and the admin came back. */
export const NO_ANSWER_SENTENCE =
  'The browser didn’t ask. Select Allow access again, or allow it in the browser’s settings for this extension.';
