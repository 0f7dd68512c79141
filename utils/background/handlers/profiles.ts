import { tenantProfilesItem } from '../../storage';
import { validProfiles } from '../../tenant-profiles';
import { type OfferedProfile, offeredProfiles } from '../../ui/offered-profiles';
import type { BackgroundServices } from '../services';

/**
 * The tenant profiles the popup may switch between: worked out here, where the validated managed layer already lives,
 * so the popup doesn't carry the managed-configuration code (its bundle budget).
 */
export async function getProfiles(_req: Record<never, never>, services: BackgroundServices): Promise<OfferedProfile[]> {
  const [local, settings, organisation] = await Promise.all([
    tenantProfilesItem.getValue(),
    services.broker.settings(),
    services.organisation().catch(() => ({})),
  ]);
  return offeredProfiles(settings, validProfiles(local), organisation);
}
