/**
 * The one validator of a user reference (object id or user principal name) every layer shares: the URL detectors, the
 * menu, the panel and the Graph path. No imports, so utils/entra-url.ts can use it without a cycle through utils/upn.ts.
 * UPN rules: see utils/upn.ts.
 */
export type Principal = { kind: 'upn'; value: string } | { kind: 'objectId'; value: string };

const MAX_INPUT = 512;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCAL_PART = /^[A-Za-z0-9'_!#^~-]+(?:\.[A-Za-z0-9'_!#^~-]+)*$/;
const DNS_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export function isUpn(value: string): boolean {
  if (value.length > 113) return false;
  const at = value.indexOf('@');
  if (at < 0 || at !== value.lastIndexOf('@')) return false;
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length < 1 || local.length > 64 || !LOCAL_PART.test(local)) return false;
  const labels = domain.split('.');
  return (
    domain.length <= 48 &&
    labels.length >= 2 &&
    labels.every((label) => DNS_LABEL.test(label)) &&
    /[a-z]/i.test(labels.at(-1) ?? '')
  );
}

export const isObjectId = (value: string): boolean => GUID.test(value);

/**
 * Exactly a principal, nothing stripped or decoded: for references that were parsed once already (messages, URLs).
 * The one validator every layer shares, so the menu, the panel and the Graph path never disagree.
 */
export function principalOf(value: unknown): Principal | null {
  if (typeof value !== 'string' || value.length > MAX_INPUT) return null;
  if (GUID.test(value)) return { kind: 'objectId', value: value.toLowerCase() };
  return isUpn(value) ? { kind: 'upn', value } : null;
}
