import { AppError } from '../graph/errors';
import type { TenantView } from '../messages';
import { isTenantGuid } from '../tenant-ref';
import type { PanelBinding } from './panel-binding';
import type { BackgroundServices } from './services';

type TenantServices = Pick<BackgroundServices, 'broker'>;

/**
 * The directory the signed-in account acts in (its token's tid), named by the configured domain once that domain is
 * known to be the same directory; null when nobody is signed in.
 */
export async function signedInTenant(services: TenantServices): Promise<TenantView | null> {
  const account = await services.broker.account();
  const id = account?.tenantId?.toLowerCase();
  if (!id) return null;
  const settings = await services.broker.settings();
  const configured = settings?.tenantId?.toLowerCase();
  const named = configured && !isTenantGuid(configured) && (await services.broker.knownTenantId()) === id;
  return { id, name: named ? configured : id };
}

/** The sentence when the portal shows another directory than the one the panel would act in. */
export function tenantMismatchSentence(portalTenant: string, signedIn: TenantView): string {
  return `The portal is showing ${portalTenant}, but you’re signed in to ${signedIn.name}. Nothing is shown or issued here until you sign in to ${portalTenant}.`;
}

/**
 * The tenant a panel acts in, checked against the one its portal URL named when the frame was introduced. The URL's
 * tenant is resolved to its directory id through OpenID discovery (public, cached); a different directory than the
 * signed-in one is refused here, before anything reaches Graph, so nothing is read or issued in the wrong tenant.
 * Null when nobody is signed in (the load that follows asks for a sign-in).
 */
export async function panelTenant(binding: PanelBinding | undefined, services: TenantServices): Promise<TenantView | null> {
  const signedIn = await signedInTenant(services);
  const portalTenant = binding?.portalTenant;
  if (!signedIn || !portalTenant) return signedIn;
  let portalId: string;
  try {
    portalId = await services.broker.resolveTenantId(portalTenant);
  } catch {
    throw new AppError({
      kind: 'wrongTenant',
      message: `The portal’s address names ${portalTenant}, which Microsoft Entra doesn’t know as a directory, so nothing is shown or issued here. Open the user from the admin center’s own navigation.`,
    });
  }
  if (portalId !== signedIn.id) {
    throw new AppError({ kind: 'wrongTenant', message: tenantMismatchSentence(portalTenant, signedIn), code: 'tenantMismatch' });
  }
  // The portal's own name for it when the URL used a domain: that is how the admin knows the directory.
  return isTenantGuid(portalTenant) ? signedIn : { id: signedIn.id, name: portalTenant };
}

/** The sentence for an object id Graph doesn't know in the tenant the panel acts in. */
export function notInTenantSentence(tenant: TenantView): string {
  return `This user isn’t in ${tenant.name}. The portal may be showing another directory: open the user from that directory’s admin center, or sign in to the directory the portal shows.`;
}
