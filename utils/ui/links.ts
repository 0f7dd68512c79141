import { CLOUDS } from '@/utils/clouds';

const POLICY_BLADE = '#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/AdminAuthMethods/fromNav/Identity';

/** The admin center's Authentication methods policies blade in a cloud (its portal host), tenant-qualified when the tenant is known. */
export function policyBladeUrl(tenant: string | null, portalHost = CLOUDS.global.portalHost): string {
  const prefix = tenant ? `/${encodeURIComponent(tenant)}/` : '/';
  return `https://${portalHost}${prefix}${POLICY_BLADE}`;
}
