import type { TenantState } from '../state';

/** The path segment an authority names the tenant with: its id, a verified domain, or a multi-tenant alias. */
export function acceptsTenantSegment(state: TenantState, segment: string): boolean {
  const lower = segment.toLowerCase();
  return [state.tenant.id, state.tenant.domain, 'common', 'organizations'].includes(lower);
}
