/** What the admin types for the setup script, checked before any of it reaches a script. */
import { hasControlCharacter } from './quote';

export const DEFAULT_DISPLAY_NAME = 'Entra TAP';
const MAX_DISPLAY_NAME = 120;

/** The sentence for a display name the script can't use, or null. graph-docs application.md: displayName is required. */
export function displayNameProblem(value: string): string | null {
  if (value.trim() === '') return 'Enter a name for the app registration.';
  if (hasControlCharacter(value)) return 'The name must be on one line, without control characters.';
  if (value.length > MAX_DISPLAY_NAME) return `Keep the name to ${MAX_DISPLAY_NAME} characters or fewer.`;
  return null;
}

/**
 * A redirect URI Entra accepts for a single-page application: https, at most 256 characters, no wildcard
 * (entra-docs reply-url.md, "Redirect URI restrictions"), and nothing a script would have to carry on another line.
 */
export function redirectUriProblem(value: string): string | null {
  if (hasControlCharacter(value) || /\s/.test(value)) return `“${value.trim()}” has spaces or control characters.`;
  if (value.length > 256) return 'A redirect URI can be at most 256 characters long.';
  if (value.includes('*')) return `“${value}” has a wildcard, which a single-page application can’t use.`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `“${value}” is not a full address (https://…).`;
  }
  if (url.protocol !== 'https:') return `“${value}” must start with https://.`;
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
