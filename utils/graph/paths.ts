/** Turning a user reference (object id or UPN) into a safe Graph path. Nothing reaches Graph unvalidated. */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Entra UPN local part: letters, digits and ' . - _ ! # ^ ~ (plus $ and & seen in the wild); a DNS domain.
const UPN = /^[A-Za-z0-9'._!#^~$&+-]{1,113}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

export const isGuid = (value: string): boolean => GUID.test(value);
export const isUpn = (value: string): boolean =>
  value.length <= 256 && UPN.test(value) && !value.startsWith('.') && !value.includes('..');

/** An object id (lower case) or a UPN as given; null when it is neither. */
export function normalizeUserRef(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (isGuid(value)) return value.toLowerCase();
  return isUpn(value) ? value : null;
}

/**
 * "/users/{segment}" for a validated reference. UPNs are percent-encoded (B2B "#EXT#" must be %23EXT%23);
 * a UPN starting with "$" uses the key form /users('$x@y') so Graph does not read it as a system segment.
 */
export function userPath(ref: string): string {
  if (isGuid(ref)) return `/users/${ref.toLowerCase()}`;
  if (!isUpn(ref)) throw new Error('Not a user object id or user principal name');
  const encoded = encodeURIComponent(ref).replace(/%40/g, '@');
  if (ref.startsWith('$')) return `/users('${encoded.replace(/%24/g, '$').replace(/'/g, "''")}')`;
  return `/users/${encoded}`;
}
