/** Turning a user reference (object id or UPN) into a safe Graph path, with the one validator in utils/upn.ts. */
import { isObjectId, principalOf } from '../principal';
import { graphUserPath } from '../upn';

export const isGuid = isObjectId;

/** An object id (lower case) or a UPN as given; null when it is neither. */
export function normalizeUserRef(value: unknown): string | null {
  return principalOf(value)?.value ?? null;
}

/** "/users/{segment}" for a validated reference; throws for anything else, so nothing reaches Graph unvalidated. */
export function userPath(ref: string): string {
  const principal = principalOf(ref);
  if (!principal) throw new Error('Not a user object id or user principal name');
  return graphUserPath(principal);
}
