/**
 * Detectors for Entra admin center, Azure portal, Intune admin center and Microsoft 365 admin center URLs (hash-routed
 * SPAs), in the style of
 * refined-github's github-url-detection: each detector has its test URLs right below it, and
 * tests/unit/entra-url.test.ts checks every detector against every URL listed in this file.
 * The `…Urls` lists are plain exports, so the bundler drops them from the content script.
 * URL shapes: research/graph-tap-detail.md §5.
 */
import { principalOf } from './principal';

/** A URL string, a URL, or `location`. */
export type UrlLike = string | URL | Location;

const GUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/**
 * Hosts of the Azure portal framework (Ibiza blades, `#view/…` hashes): worldwide, US Gov and China admin centers and
 * portals, and their Defender for Cloud Apps proxies; the Intune admin center (worldwide and US Gov), which reuses the
 * Entra user blade. The manifest grants only utils/portal-hosts.ts (worldwide); a national cloud's admin centers get the
 * content script once the admin grants them (utils/clouds.ts).
 */
const PORTAL_HOST =
  /^(?:entra\.microsoft\.(?:com|us)|entra\.microsoftonline\.cn|intune\.microsoft\.(?:com|us)|(?:[a-z0-9-]+\.)?portal\.azure\.(?:com|us|cn))(?:\.mcas\.ms|\.mcas-gov\.us)?$/;

/** The Microsoft 365 admin center (worldwide), its own hash-routed SPA: `/`, or its older `/Adminportal/Home` path. */
const M365_HOST = /^admin\.(?:microsoft\.com|cloud\.microsoft)$/;
const M365_PATH = /^\/(?:adminportal(?:\/home)?\/?)?$/i;

/**
 * Its user page or flyout: `#/users/:/UserDetails/<object id or UPN>`, optionally a tab (`/LicensesAndApps`, `/Mail`,
 * `/OneDrive`, `/Account`, `/Devices`…) and a query. The reference is one path segment, percent-decoded once.
 */
const M365_USER = /^#\/users\/:\/userdetails\/([^/?#]+)(?:\/[a-z]+)*\/?(?:\?.*)?$/i;

/** `/` or one tenant segment: `https://entra.microsoft.com/contoso.onmicrosoft.com/#view/…`. */
const TENANT_PATH = /^\/(?:([^/]+)\/?)?$/;

const HASH_TENANT = /^#@([^/]*)\//;

const TENANT = new RegExp(`^(?:${GUID}|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9-]*[a-z][a-z0-9-]*)$`, 'i');

/** The current user blade and the legacy one the portal still redirects; `menu` is the sub-page. */
const USER_BLADE = new RegExp(
  '^#(?:@[^/]*/)?(?:view|blade)/(?:Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade|Microsoft_AAD_IAM/UserDetailsMenuBlade)' +
    `(?:/~)?(?:/([a-z]+))?/userId/(${GUID})(?=$|[/?&])`,
  'i',
);

/** The URL when it is https without credentials on the default port, else null. */
function parseHttps(url: UrlLike): URL | null {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return null;
  }
  return parsed.protocol === 'https:' && !parsed.username && !parsed.password ? parsed : null;
}

/** The URL when it is a page of a portal-framework host: `/` or one tenant segment as path. */
function parsePortalUrl(url: UrlLike): URL | null {
  const parsed = parseHttps(url);
  return parsed && PORTAL_HOST.test(parsed.host) && TENANT_PATH.test(parsed.pathname) ? parsed : null;
}

/** The URL when it is a page of the Microsoft 365 admin center. */
function parseM365Url(url: UrlLike): URL | null {
  const parsed = parseHttps(url);
  return parsed && M365_HOST.test(parsed.host) && M365_PATH.test(parsed.pathname) ? parsed : null;
}

/** The hash with `%7E` read as `~`, as copied links often have it. */
function portalHash(portal: URL): string {
  return portal.hash.replace(/%7e/gi, '~');
}

/** [, menu (sub-page) or undefined, user object id] on a portal-framework user page, else null. */
function matchUserPage(url: UrlLike): RegExpExecArray | null {
  const portal = parsePortalUrl(url);
  return portal && USER_BLADE.exec(portalHash(portal));
}

/** The object id (lower case) or UPN (as written) on a Microsoft 365 admin center user page, else null. */
function m365UserRef(url: UrlLike): string | null {
  const admin = parseM365Url(url);
  const segment = admin && M365_USER.exec(admin.hash)?.[1];
  if (!segment) return null;
  let ref: string;
  try {
    ref = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return principalOf(ref)?.value ?? null;
}

const ADELE = '22222222-0000-4000-8000-000000000001';
const DIEGO = '22222222-0000-4000-8000-000000000002';
const OVERVIEW = `#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/${ADELE}/hidePreviewBanner~/true`;
const UPPER = 'AB12CD34-0000-4000-8000-0000000000EF';
const SHOUTED = `#VIEW/MICROSOFT_AAD_USERSANDTENANTS/USERPROFILEMENUBLADE/~/OVERVIEW/USERID/${UPPER}`;
const AUTH_METHODS = `#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/UserAuthMethods/userId/${DIEGO}/hidePreviewBanner~/true`;

/** Any page of an admin center or the portal, on a known host over https. */
export function isPortalUrl(url: UrlLike): boolean {
  return parsePortalUrl(url) !== null || parseM365Url(url) !== null;
}

/** A user's auth-methods sub-page (the blade where Entra itself issues a pass). */
export function isUserAuthMethodsPage(url: UrlLike): boolean {
  return matchUserPage(url)?.[1]?.toLowerCase() === 'userauthmethods';
}

export const isUserAuthMethodsPageUrls: readonly string[] = [
  `https://entra.microsoft.com/${AUTH_METHODS}`,
  `https://entra.microsoft.com/${AUTH_METHODS}?Microsoft_AAD_IAM_legacyAADRedirect=true`,
  `https://entra.microsoft.com/contoso.onmicrosoft.com/${AUTH_METHODS}`,
  `https://portal.azure.com/${AUTH_METHODS}`,
  `https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/%7E/UserAuthMethods/userId/${DIEGO}/hidePreviewBanner%7E/true`,
  `https://entra.microsoft.com/#view/Microsoft_AAD_IAM/UserDetailsMenuBlade/~/UserAuthMethods/userId/${DIEGO}`,
  `https://entra.microsoft.us/${AUTH_METHODS}`,
  `https://intune.microsoft.com/${AUTH_METHODS}`,
  `https://intune.microsoft.us/${AUTH_METHODS}`,
];

/** A user's page, current or legacy blade or M365 admin center, any sub-page; its reference is getUserRefFromUrl's. */
export function isUserPage(url: UrlLike): boolean {
  return matchUserPage(url) !== null || m365UserRef(url) !== null;
}

const INTUNE_DEVICES = `#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/Devices/userId/${ADELE}/hidePreviewBanner~/true`;
const ADELE_UPN = 'AdeleV@contoso.onmicrosoft.com';
const GUEST_UPN = 'chris_fabrikam.com%23EXT%23@contoso.onmicrosoft.com';

/** An Intune admin center user page: the Entra user blade under intune.microsoft.com (.us in US Gov), any sub-page. */
export function isIntuneUserPage(url: UrlLike): boolean {
  return matchUserPage(url) !== null && /^intune\.microsoft\.(?:com|us)$/.test(new URL(String(url)).host);
}

export const isIntuneUserPageUrls: readonly string[] = [
  `https://intune.microsoft.com/${INTUNE_DEVICES}`,
  `https://intune.microsoft.com/${OVERVIEW}`,
  `https://intune.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/AppsAndSoftware/userId/${DIEGO}`,
  `https://intune.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/DeviceConfiguration/userId/${DIEGO}/hidePreviewBanner~/true`,
  `https://intune.microsoft.com/${AUTH_METHODS}`,
  `https://intune.microsoft.us/${INTUNE_DEVICES}`,
  `https://intune.microsoft.us/${AUTH_METHODS}`,
  `https://intune.microsoft.us/contosogov.onmicrosoft.us/${INTUNE_DEVICES}`,
];

/** A Microsoft 365 admin center user page or flyout, by object id or UPN, any tab. */
export function isM365UserPage(url: UrlLike): boolean {
  return m365UserRef(url) !== null;
}

export const isM365UserPageUrls: readonly string[] = [
  `https://admin.microsoft.com/#/users/:/UserDetails/${ADELE}`,
  `https://admin.microsoft.com/#/users/:/UserDetails/${ADELE}/LicensesAndApps`,
  `https://admin.microsoft.com/#/users/:/UserDetails/${ADELE}/Mail`,
  `https://admin.microsoft.com/#/users/:/UserDetails/${ADELE}/OneDrive`,
  `https://admin.microsoft.com/#/users/:/UserDetails/${ADELE}/Account`,
  `https://admin.microsoft.com/#/users/:/UserDetails/${DIEGO}/Devices`,
  `https://admin.microsoft.com/#/users/:/UserDetails/${UPPER}`,
  `https://admin.microsoft.com/Adminportal/Home#/users/:/UserDetails/${ADELE}`,
  `https://admin.microsoft.com/Adminportal/Home?source=applauncher#/users/:/UserDetails/${ADELE}/LicensesAndApps`,
  `https://admin.microsoft.com/adminportal/home#/users/:/UserDetails/${ADELE}`,
  `https://admin.microsoft.com/AdminPortal/#/users/:/UserDetails/${ADELE}`,
  `https://admin.microsoft.com/#/users/:/UserDetails/${ADELE_UPN}`,
  `https://admin.microsoft.com/#/users/:/UserDetails/AdeleV%40contoso.onmicrosoft.com/Account`,
  `https://admin.microsoft.com/#/users/:/UserDetails/${GUEST_UPN}`,
  `https://admin.microsoft.com/Adminportal/Home#/users/:/UserDetails/${ADELE_UPN}/LicensesAndApps`,
  `https://admin.microsoft.com/#/users/:/UserDetails/${ADELE}?tab=Account`,
  `https://admin.cloud.microsoft/#/users/:/UserDetails/${ADELE}`,
  `https://admin.cloud.microsoft/#/users/:/UserDetails/${ADELE}/LicensesAndApps`,
  `https://admin.cloud.microsoft/Adminportal/Home#/users/:/UserDetails/${ADELE}`,
  `https://admin.cloud.microsoft/#/users/:/UserDetails/${ADELE_UPN}`,
  `https://admin.cloud.microsoft/?source=applauncher#/users/:/UserDetails/${DIEGO}/Devices`,
  `https://admin.cloud.microsoft/?delegatedOrg=Fabrikam.onmicrosoft.com#/users/:/UserDetails/${ADELE}`,
  `https://admin.cloud.microsoft/?delegatedOrg=not%20a%20tenant#/users/:/UserDetails/${ADELE}`,
  `https://admin.cloud.microsoft/#/users/:/UserDetails/${ADELE}?delegatedOrg=fabrikam.onmicrosoft.com`,
];

export const isUserPageUrls: readonly string[] = [
  ...isUserAuthMethodsPageUrls,
  `https://entra.microsoft.com/${OVERVIEW}`,
  `https://entra.microsoft.com/${SHOUTED}`,
  `https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/AdministrativeRole/userId/${ADELE}`,
  `https://entra.microsoft.com/?Microsoft_AAD_IAM_legacyAADRedirect=true${OVERVIEW}`,
  `https://entra.microsoft.com/contoso.onmicrosoft.com/${OVERVIEW}`,
  `https://entra.microsoft.com/Contoso.OnMicrosoft.com${OVERVIEW}`,
  `https://entra.microsoft.com/6b1a4ee4-3c35-4e8a-9a3d-0d1e5b2f7a10/${OVERVIEW}`,
  `https://entra.microsoft.com/#@contoso.onmicrosoft.com/${OVERVIEW.slice(1)}`,
  `https://portal.azure.com/#@/blade/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/${ADELE}`,
  `https://portal.azure.com/${OVERVIEW}`,
  `https://portal.azure.com/#blade/Microsoft_AAD_IAM/UserDetailsMenuBlade/Profile/userId/${ADELE}`,
  `https://portal.azure.us/${OVERVIEW}`,
  `https://portal.azure.cn/${OVERVIEW}`,
  `https://entra.microsoftonline.cn/${OVERVIEW}`,
  `https://ms.portal.azure.com/${OVERVIEW}`,
  `https://entra.microsoft.com.mcas.ms/${OVERVIEW}`,
  `https://entra.microsoft.us.mcas-gov.us/${OVERVIEW}`,
  `https://entra.microsoft.com:443/${OVERVIEW}`,
  ...isIntuneUserPageUrls,
  ...isM365UserPageUrls,
];

export const isPortalUrlUrls: readonly string[] = [
  ...isUserPageUrls,
  'https://entra.microsoft.com/',
  'https://entra.microsoft.com/#home',
  'https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserManagementMenuBlade/~/AllUsers',
  `https://entra.microsoft.com/#view/Microsoft_AAD_IAM/GroupDetailsMenuBlade/~/Overview/groupId/${DIEGO}`,
  `https://entra.microsoft.com/#view/Microsoft_AAD_IAM/SomeOtherMenuBlade/~/overview/userId/${ADELE}`,
  `https://entra.microsoft.com/#view/Microsoft_Azure_PIMCommon/UserRolesViewModelMenuBlade/~/members/userId/${ADELE}`,
  'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/AdminAuthMethods/fromNav/Identity',
  'https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/22222222-0000-4000-8000-00000000000',
  'https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/22222222-0000-4000-8000-0000000000011',
  'https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/2222222g-0000-4000-8000-000000000001',
  'https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/{22222222-0000-4000-8000-000000000001}',
  'https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/AdeleV@contoso.onmicrosoft.com',
  `https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/${ADELE}x`,
  `https://portal.azure.com/#@contoso.onmicrosoft.com/resource/subscriptions/${ADELE}/overview`,
  'https://entra.microsoft.com/not%20a%20tenant/#home',
  'https://entra.microsoft.com/%E0%A4%A/#home',
  'https://intune.microsoft.com/',
  'https://intune.microsoft.com/#home',
  'https://intune.microsoft.com/#view/Microsoft_Intune_DeviceSettings/DevicesMenu/~/overview',
  'https://admin.microsoft.com/',
  'https://admin.microsoft.com/#/homepage',
  'https://admin.microsoft.com/Adminportal/Home#/users',
  `https://admin.microsoft.com/Adminportal/Home#/groups/:/GroupDetails/${DIEGO}`,
  'https://admin.microsoft.com/#/users/:/UserDetails/',
  'https://admin.microsoft.com/#/users/:/UserDetails/not-a-user',
  'https://admin.microsoft.com/#/users/:/UserDetails/22222222-0000-4000-8000-00000000000',
  'https://admin.microsoft.com/#/users/:/UserDetails/AdeleV%2540contoso.onmicrosoft.com',
  'https://admin.microsoft.com/#/users/:/UserDetails/%E0%A4%A',
  `https://admin.microsoft.com/#/deletedusers/:/UserDetails/${ADELE}`,
  `https://admin.microsoft.com/#/users/UserDetails/${ADELE}`,
  'https://admin.cloud.microsoft/#/homepage',
  'https://admin.microsoft.com/Adminportal/Home?delegatedOrg=7c2b5ff5-4d46-4f9b-8b4e-1e2f6c3a8b21#/users',
];

/** Pages no detector accepts: other hosts, look-alike hosts, http, credentials, deep paths. */
export const otherUrls: readonly string[] = [
  `https://entra.microsoft.com.evil.example/${OVERVIEW}`,
  `https://evil.example/entra.microsoft.com/${OVERVIEW}`,
  `https://entra.microsoft.com@evil.example/${OVERVIEW}`,
  `https://admin@entra.microsoft.com/${OVERVIEW}`,
  `https://entra-microsoft.com/${OVERVIEW}`,
  `https://xn--ntra-microsoft-com-9yb.example/${OVERVIEW}`,
  `https://entra.microsoft.com.mcas.ms.evil.example/${OVERVIEW}`,
  `https://evil.example/?next=https://entra.microsoft.com/${OVERVIEW}`,
  `https://endpoint.microsoft.com/${OVERVIEW}`,
  `https://intune.microsoft.com.evil.example/${OVERVIEW}`,
  `http://intune.microsoft.com/${OVERVIEW}`,
  `https://admin.microsoft.com.evil.example/#/users/:/UserDetails/${ADELE}`,
  `https://evil.example/#/users/:/UserDetails/${ADELE}`,
  `https://admin.microsoft.com@evil.example/#/users/:/UserDetails/${ADELE}`,
  `http://admin.microsoft.com/#/users/:/UserDetails/${ADELE}`,
  `https://admin.microsoft.com:8443/#/users/:/UserDetails/${ADELE}`,
  `https://admin.microsoft.com/Adminportal/Other#/users/:/UserDetails/${ADELE}`,
  `https://admin.microsoft.com/a/b/#/users/:/UserDetails/${ADELE}`,
  `https://admin.microsoft.us/#/users/:/UserDetails/${ADELE}`,
  `https://portal.office.com/#/users/:/UserDetails/${ADELE}`,
  `https://admin.cloud.microsoft.evil.example/#/users/:/UserDetails/${ADELE}`,
  `https://entra.microsoft.com:8443/${OVERVIEW}`,
  `http://entra.microsoft.com/${OVERVIEW}`,
  `https://entra.microsoft.com/a/b/${OVERVIEW}`,
  `https://graph.microsoft.com/v1.0/users/${ADELE}`,
  `https://evil.example/?delegatedOrg=fabrikam.onmicrosoft.com#/users/:/UserDetails/${ADELE}`,
  'mailto:AdeleV@contoso.onmicrosoft.com',
  'javascript:alert(1)//entra.microsoft.com',
  'not a url',
  '',
];

/**
 * The user a user page is for: the object id (lower case), or the UPN as written (the M365 admin center accepts one in
 * the id's place; Graph resolves it before anything is issued). Null off user pages.
 */
export function getUserRefFromUrl(url: UrlLike): string | null {
  return matchUserPage(url)?.[2]?.toLowerCase() ?? m365UserRef(url);
}

export const getUserRefFromUrlUrls: readonly [string, string][] = [
  [`https://intune.microsoft.com/${INTUNE_DEVICES}`, ADELE],
  [`https://admin.microsoft.com/#/users/:/UserDetails/${ADELE}/LicensesAndApps`, ADELE],
  [`https://admin.microsoft.com/#/users/:/UserDetails/${UPPER}`, UPPER.toLowerCase()],
  [`https://admin.cloud.microsoft/Adminportal/Home#/users/:/UserDetails/${ADELE}`, ADELE],
  [`https://admin.microsoft.com/#/users/:/UserDetails/${ADELE_UPN}`, ADELE_UPN],
  [`https://admin.microsoft.com/#/users/:/UserDetails/AdeleV%40contoso.onmicrosoft.com/Account`, ADELE_UPN],
  [`https://admin.microsoft.com/#/users/:/UserDetails/${GUEST_UPN}`, 'chris_fabrikam.com#EXT#@contoso.onmicrosoft.com'],
  [`https://admin.cloud.microsoft/#/users/:/UserDetails/${ADELE_UPN}`, ADELE_UPN],
];

/** The user's object id (lower-case GUID) on a user page whose URL carries one, else null (also for a UPN). */
export function getUserIdFromUrl(url: UrlLike): string | null {
  const ref = getUserRefFromUrl(url);
  return ref && principalOf(ref)?.kind === 'objectId' ? ref : null;
}

export const getUserIdFromUrlUrls: readonly [string, string][] = [
  [`https://entra.microsoft.com/${OVERVIEW}`, ADELE],
  [`https://entra.microsoft.com/${AUTH_METHODS}?Microsoft_AAD_IAM_legacyAADRedirect=true`, DIEGO],
  [`https://entra.microsoft.com/${SHOUTED}`, UPPER.toLowerCase()],
  [`https://portal.azure.com/#blade/Microsoft_AAD_IAM/UserDetailsMenuBlade/Profile/userId/${ADELE}`, ADELE],
];

/**
 * The tenant a URL is pinned to, lower-case, else null: a path prefix or `#@tenant/` in the portal framework, or the
 * `delegatedOrg` query a partner's (GDAP) link to a customer's Microsoft 365 admin center carries.
 */
export function getTenantFromUrl(url: UrlLike): string | null {
  const delegated = parseM365Url(url)?.searchParams.get('delegatedOrg');
  if (delegated) return TENANT.test(delegated) ? delegated.toLowerCase() : null;
  const portal = parsePortalUrl(url);
  if (!portal) return null;
  let tenant = TENANT_PATH.exec(portal.pathname)?.[1] ?? HASH_TENANT.exec(portalHash(portal))?.[1] ?? '';
  try {
    tenant = decodeURIComponent(tenant);
  } catch {
    return null;
  }
  return TENANT.test(tenant) ? tenant.toLowerCase() : null;
}

export const getTenantFromUrlUrls: readonly [string, string | null][] = [
  [`https://entra.microsoft.com/contoso.onmicrosoft.com/${OVERVIEW}`, 'contoso.onmicrosoft.com'],
  [`https://entra.microsoft.com/Contoso.OnMicrosoft.com${OVERVIEW}`, 'contoso.onmicrosoft.com'],
  [`https://entra.microsoft.com/6b1a4ee4-3c35-4e8a-9a3d-0d1e5b2f7a10/${OVERVIEW}`, '6b1a4ee4-3c35-4e8a-9a3d-0d1e5b2f7a10'],
  [`https://entra.microsoft.com/#@contoso.onmicrosoft.com/${OVERVIEW.slice(1)}`, 'contoso.onmicrosoft.com'],
  [`https://portal.azure.com/#@contoso.onmicrosoft.com/resource/subscriptions/${ADELE}/overview`, 'contoso.onmicrosoft.com'],
  [`https://portal.azure.com/#@/blade/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/${ADELE}`, null],
  [`https://entra.microsoft.com/${OVERVIEW}`, null],
  ['https://entra.microsoft.com/not%20a%20tenant/#home', null],
  ['https://entra.microsoft.com/%E0%A4%A/#home', null],
  [`https://entra.microsoft.com.evil.example/contoso.onmicrosoft.com/${OVERVIEW}`, null],
  [
    `https://admin.cloud.microsoft/?delegatedOrg=Fabrikam.onmicrosoft.com#/users/:/UserDetails/${ADELE}`,
    'fabrikam.onmicrosoft.com',
  ],
  [
    `https://admin.microsoft.com/Adminportal/Home?delegatedOrg=7c2b5ff5-4d46-4f9b-8b4e-1e2f6c3a8b21#/users`,
    '7c2b5ff5-4d46-4f9b-8b4e-1e2f6c3a8b21',
  ],
  [`https://admin.cloud.microsoft/?delegatedOrg=not%20a%20tenant#/users/:/UserDetails/${ADELE}`, null],
  [`https://admin.cloud.microsoft/#/users/:/UserDetails/${ADELE}?delegatedOrg=fabrikam.onmicrosoft.com`, null],
  [`https://evil.example/?delegatedOrg=fabrikam.onmicrosoft.com#/users/:/UserDetails/${ADELE}`, null],
  [`https://intune.microsoft.us/contosogov.onmicrosoft.us/${INTUNE_DEVICES}`, 'contosogov.onmicrosoft.us'],
];
