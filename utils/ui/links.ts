import { CURRENT_CLOUD } from '@/utils/clouds';

const POLICY_BLADE = '#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/AdminAuthMethods/fromNav/Identity';

/** The admin center's Authentication methods policies blade in this build's cloud, tenant-qualified when the tenant is known. */
export function policyBladeUrl(tenant: string | null, portalHost = CURRENT_CLOUD.portalHost): string {
  const prefix = tenant ? `/${encodeURIComponent(tenant)}/` : '/';
  return `https://${portalHost}${prefix}${POLICY_BLADE}`;
}
