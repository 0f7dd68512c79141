import { i18n } from '#i18n';
import { type Cloud, cloudsOfInstance } from '../clouds';
import { AppError } from '../graph/errors';
import { displayLocale } from '../i18n/display-locale';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISSUER_TENANT = /^https:\/\/[^/]+\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\//i;

export interface TenantIdStore {
  getValue(): Promise<Record<string, string>>;
  setValue(value: Record<string, string>): Promise<void>;
}

/** A discovery answer that names no directory: the message carries Entra's code so the sentence says "check the options". */
class TenantDiscoveryError extends Error {
  constructor(tenant: string, status: number, description: string) {
    super(`${description || `OpenID discovery for ${tenant} answered ${status}`}`);
    this.name = 'TenantDiscoveryError';
  }
}

/**
 * A configured tenant (GUID or verified domain) to the directory's object id, through OpenID Connect discovery: the
 * issuer of https://login.microsoftonline.com/{tenant}/v2.0/.well-known/openid-configuration names it
 * (learn.microsoft.com "OpenID Connect on the Microsoft identity platform", "Find your app's OpenID configuration
 * document URI"). Public facts, kept in storage.local so a restarted worker knows them without a request.
 */
export function createTenantIdResolver(deps: { fetch: typeof fetch; store: TenantIdStore; cloud: () => Promise<Cloud> }) {
  return {
    async known(tenant: string): Promise<string | null> {
      const key = tenant.toLowerCase();
      if (GUID.test(key)) return key;
      return (await deps.store.getValue())[key] ?? null;
    },
    async resolve(tenant: string): Promise<string> {
      const key = tenant.toLowerCase();
      if (GUID.test(key)) return key;
      const cached = (await deps.store.getValue())[key];
      if (cached) return cached;
      const cloud = await deps.cloud();
      const response = await deps.fetch(
        `https://${cloud.loginHost}/${encodeURIComponent(key)}/v2.0/.well-known/openid-configuration`,
      );
      const body = (await response.json().catch(() => null)) as {
        issuer?: unknown;
        error_description?: unknown;
        cloud_instance_name?: unknown;
      } | null;
      refuseOtherCloud(key, cloud, body?.cloud_instance_name);
      const id = typeof body?.issuer === 'string' ? ISSUER_TENANT.exec(body.issuer)?.[1]?.toLowerCase() : undefined;
      if (!response.ok || !id) {
        throw new TenantDiscoveryError(
          key,
          response.status,
          typeof body?.error_description === 'string' ? body.error_description : '',
        );
      }
      await deps.store.setValue({ ...(await deps.store.getValue()), [key]: id });
      return id;
    },
  };
}

/**
 * A directory of another cloud: its discovery document names that cloud's instance (cloud_instance_name, as Entra's
 * v2.0 OpenID configuration carries it; that the worldwide endpoint answers so for a US Government directory is
 * observed, not documented). Signing in here could never succeed, so the admin is told which cloud to choose.
 */
function refuseOtherCloud(tenant: string, cloud: Cloud, instanceName: unknown): void {
  if (typeof instanceName !== 'string' || instanceName.toLowerCase() === cloud.instanceName) return;
  const homes = cloudsOfInstance(instanceName).map((other) => other.label);
  // "US Government (GCC High) or US Government (DoD)": one instance, two clouds.
  const home = new Intl.ListFormat(displayLocale(), { type: 'disjunction' }).format(homes);
  throw new AppError({
    kind: 'notConfigured',
    message: home
      ? i18n.t('auth.tenant.otherCloud', { tenant, home, cloud: cloud.label })
      : i18n.t('auth.tenant.unknownCloud', { tenant, instance: instanceName, cloud: cloud.label }),
  });
}

export type TenantIdResolver = ReturnType<typeof createTenantIdResolver>;
