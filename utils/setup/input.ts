/** What the admin types for the setup script, checked before any of it reaches a script. */
import { i18n } from '#i18n';
import { hasControlCharacter } from './quote';

const MAX_DISPLAY_NAME = 120;

/** The sentence for a display name the script can't use, or null. graph-docs application.md: displayName is required. */
export function displayNameProblem(value: string): string | null {
  if (value.trim() === '') return i18n.t('options.setupScript.nameEmpty');
  if (hasControlCharacter(value)) return i18n.t('options.setupScript.nameOneLine');
  if (value.length > MAX_DISPLAY_NAME) return i18n.t('options.setupScript.nameTooLong', { max: MAX_DISPLAY_NAME });
  return null;
}

/**
 * A redirect URI Entra accepts for a single-page application: https, at most 256 characters, no wildcard
 * (entra-docs reply-url.md, "Redirect URI restrictions"), and nothing a script would have to carry on another line.
 */
export function redirectUriProblem(value: string): string | null {
  if (hasControlCharacter(value) || /\s/.test(value)) return i18n.t('options.setupScript.uriSpaces', { uri: value.trim() });
  if (value.length > 256) return i18n.t('options.setupScript.uriTooLong');
  if (value.includes('*')) return i18n.t('options.setupScript.uriWildcard', { uri: value });
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return i18n.t('options.setupScript.uriNotUrl', { uri: value });
  }
  if (url.protocol !== 'https:') return i18n.t('options.setupScript.uriNotHttps', { uri: value });
  return null;
}

/** The other stores' redirect URIs, one per line (blank lines ignored): the valid ones, and a sentence per invalid one. */
export function parseRedirectUris(text: string): { uris: string[]; problems: string[] } {
  const uris: string[] = [];
  const problems: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const value = line.trim();
    if (!value) continue;
    const problem = redirectUriProblem(value);
    if (problem) problems.push(problem);
    else if (!uris.includes(value)) uris.push(value);
  }
  return { uris, problems };
}
