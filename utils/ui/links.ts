const POLICY_BLADE = '#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/AdminAuthMethods/fromNav/Identity';

/** The admin center's Authentication methods policies blade, tenant-qualified when the tenant is known. */
export function policyBladeUrl(tenant: string | null): string {
  const prefix = tenant ? `/${encodeURIComponent(tenant)}/` : '/';
  return `https://entra.microsoft.com${prefix}${POLICY_BLADE}`;
}
