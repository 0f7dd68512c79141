import { i18n } from '#i18n';
import { type Cloud, cloudOf } from '../clouds';
import { AppError } from '../graph/errors';
import type { TenantView } from '../messages';
import { isTenantGuid } from '../tenant-ref';
import type { PanelBinding } from './panel-binding';
import { twoSentences } from './sentence-join';
import type { BackgroundServices } from './services';

type TenantServices = Pick<BackgroundServices, 'broker' | 'organisation'>;

/**
 * The directory the signed-in account acts in (its token's tid), named by the configured domain once that domain is
 * known to be the same directory; null when nobody is signed in.
 */
export async function signedInTenant(services: TenantServices): Promise<TenantView | null> {
  // Read together: this runs before every issue and revoke, and each read is a trip to the browser's storage.
  const [account, settings, actingTenant] = await Promise.all([
    services.broker.account(),
    services.broker.settings(),
    services.broker.actingTenant(),
  ]);
  const id = account?.tenantId?.toLowerCase();
  if (!id) return null;
  const cloud = cloudView(cloudOf(settings));
  const acting = actingTenant?.toLowerCase();
  if (!acting || isTenantGuid(acting)) return { id, name: id, ...cloud };
  const actingId =
    acting === settings?.tenantId?.toLowerCase()
      ? await services.broker.knownTenantId()
      : await services.broker.resolveTenantId(acting).catch(() => null);
  return { id, name: actingId === id ? acting : id, ...cloud };
}

/** What the panel says about a cloud other than the worldwide one (worded here: the panel's bundle stays small). */
function cloudView(cloud: Cloud): Pick<TenantView, 'cloud'> {
  if (cloud.name === 'global') return {};
  const note = cloud.graphVersion === 'beta' ? i18n.t('background.tenant.betaNote') : undefined;
  return { cloud: { label: cloud.label, ...(note && { note }) } };
}

/**
 * Whether the organisation lets the extension act in `tenant`: the configured tenant always; another one only when the
 * managed configuration lists no allowedTenants, or lists it (by id or by a domain of the same directory).
 */
export async function mayActIn(tenant: string, services: TenantServices): Promise<boolean> {
  const lower = tenant.toLowerCase();
  const settings = await services.broker.settings();
  if (lower === settings?.tenantId?.toLowerCase()) return true;
  const allowed = (await services.organisation().catch(() => ({ allowedTenants: undefined }))).allowedTenants;
  if (!allowed) return true;
  if (allowed.includes(lower)) return true;
  const id = await services.broker.resolveTenantId(lower).catch(() => null);
  if (!id) return false;
  const configuredId = settings?.tenantId ? await services.broker.knownTenantId() : null;
  if (id === configuredId) return true;
  for (const entry of allowed) {
    if ((await services.broker.resolveTenantId(entry).catch(() => null)) === id) return true;
  }
  return false;
}

/** The sentence when the organisation's managed configuration doesn't list a directory. */
export function notAllowedSentence(tenant: string): string {
  return i18n.t('background.tenant.notAllowed', { tenant });
}

/** The sentence when the portal shows another directory than the one the panel would act in. */
export function tenantMismatchSentence(portalTenant: string, signedIn: TenantView): string {
  return i18n.t('background.tenant.mismatch', { portal: portalTenant, signedIn: signedIn.name });
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
      message: i18n.t('background.tenant.unknownDirectory', { tenant: portalTenant }),
    });
  }
  if (portalId !== signedIn.id) {
    if (!(await mayActIn(portalTenant, services))) {
      throw new AppError({
        kind: 'wrongTenant',
        message: twoSentences(tenantMismatchSentence(portalTenant, signedIn), notAllowedSentence(portalTenant)),
        code: 'tenantNotAllowed',
      });
    }
    throw new AppError({
      kind: 'wrongTenant',
      message: tenantMismatchSentence(portalTenant, signedIn),
      code: 'tenantMismatch',
      switchTo: portalTenant,
    });
  }
  // The portal's own name for it when the URL used a domain: that is how the admin knows the directory.
  return isTenantGuid(portalTenant) ? signedIn : { id: signedIn.id, name: portalTenant };
}

/** The sentence for an object id Graph doesn't know in the tenant the panel acts in. */
export function notInTenantSentence(tenant: TenantView): string {
  return i18n.t('background.tenant.notInTenant', { tenant: tenant.name });
}
