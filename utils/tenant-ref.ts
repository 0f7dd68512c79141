/**
 * A tenant as the portal names it: the directory's object id (GUID) or one of its domains
 * (`contoso.onmicrosoft.com`, `contoso.com`). Entra's sign-in accepts either in the authority path
 * (learn.microsoft.com "Microsoft identity platform authority": `https://login.microsoftonline.com/{tenant}`,
 * tenant = "the tenant ID or a domain name associated with the tenant").
 */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** DNS labels, at least one dot, a last label with a letter; at most 253 characters (RFC 1035). */
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]*[a-z][a-z0-9-]*$/i;

/** The tenant in lower case when it is a GUID or a domain name, else null (never a path, a query or "common"). */
export function normalizeTenantRef(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return GUID.test(value) || DOMAIN.test(value) ? value.toLowerCase() : null;
}

export const isTenantGuid = (value: string): boolean => GUID.test(value);
