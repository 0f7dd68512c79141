/**
 * The claims of a Microsoft Graph access token, for the setup check only. Clients are meant to treat access tokens as
 * opaque (entra-docs access-tokens.md: they're for the resource); Graph's are JWTs today ([U] that they stay so) whose
 * `wids` lists the user's tenant-wide directory roles by template id (entra-docs access-token-claims-reference.md).
 * A token that isn't a readable JWT gives null, and the check asks Graph instead. Read in the background only.
 */
export function accessTokenClaims(token: string): Record<string, unknown> | null {
  const payload = token.split('.')[1];
  if (!payload || token.split('.').length !== 3) return null;
  try {
    const json = atob(
      payload
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(payload.length / 4) * 4, '='),
    );
    const claims = JSON.parse(json) as unknown;
    return claims && typeof claims === 'object' && !Array.isArray(claims) ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The `wids` claim's role template ids (lower case), or null when the token has none to read. */
export function tenantWideRoleIds(token: string): string[] | null {
  const wids = accessTokenClaims(token)?.wids;
  return Array.isArray(wids) ? wids.filter((id): id is string => typeof id === 'string').map((id) => id.toLowerCase()) : null;
}
