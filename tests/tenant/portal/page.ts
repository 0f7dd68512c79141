/**
 * The fake admin center pages, any path (e.g. /contoso.onmicrosoft.com/, /Adminportal/Home): the Entra admin center,
 * Azure portal and Intune admin center share the blade shell (Intune reuses the Entra user blade); the Microsoft 365
 * admin center (admin.microsoft.com, admin.cloud.microsoft) has its own SPA.
 */

import { HOSTS, hostNameOf } from '../hosts';
import { escapeHtml, type HttpReply, htmlReply, textReply } from '../http';
import type { PortalShellTheme, TenantRuntime } from '../runtime';
import { PORTAL_APP_JS } from './app-script';
import { M365_APP_JS } from './m365-app-script';
import { HOSTILE_CSS, M365_HOSTILE_CSS, M365_SHELL_CSS, SHELL_CSS } from './styles';

function seedJson(runtime: TenantRuntime): string {
  const { tenant, users } = runtime.state;
  const data = {
    tenant: { id: tenant.id, domain: tenant.domain, displayName: tenant.displayName },
    users: users.map((user) => ({
      id: user.id,
      displayName: user.displayName,
      userPrincipalName: user.userPrincipalName,
      userType: user.userType,
    })),
  };
  return JSON.stringify(data).replace(/</g, '\\u003c');
}

/**
 * The shell's theme classes on <body>, as the Azure portal sets them (fxs-theme-* with fxs-mode-*, Azure/portaldocs
 * samples). Its high-contrast classes are not documented: "fxs-high-contrast-*" here stands for them [inference].
 */
export const THEME_CLASSES: Record<PortalShellTheme, string> = {
  light: 'fxs-theme-light fxs-mode-light',
  dark: 'fxs-theme-dark fxs-mode-dark',
  highContrastDark: 'fxs-theme-dark fxs-mode-dark fxs-high-contrast-black',
  highContrastLight: 'fxs-theme-light fxs-mode-light fxs-high-contrast-white',
};

const isM365Host = (host: string) => {
  const name = host.replace(/:\d+$/, '').toLowerCase();
  return name === HOSTS.m365Admin || name === HOSTS.m365AdminCloud;
};

/** The product a blade-shell host is (the US Gov twins too: portal.azure.us, intune.microsoft.us, entra.microsoft.us). */
function productOf(host: string): string {
  const name = hostNameOf(host);
  if (name === HOSTS.azurePortal || name === HOSTS.azurePortalUsGov) return 'Microsoft Azure';
  if (name === HOSTS.intune || name === HOSTS.intuneUsGov) return 'Microsoft Intune admin center';
  return 'Microsoft Entra admin center';
}

/** The Microsoft 365 admin center: top bar, left nav, the active users list and a user's details flyout from the hash. */
export function m365Page(runtime: TenantRuntime): string {
  const { tenant } = runtime.state;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Microsoft 365 admin center</title>
<style>${M365_SHELL_CSS}${HOSTILE_CSS}${M365_HOSTILE_CSS}</style></head>
<body class="${THEME_CLASSES[runtime.portalTheme]}">
<header id="m365-header" data-testid="portal-header"><span class="brand">Microsoft 365 admin center</span>
<span id="portal-tenant">${escapeHtml(tenant.displayName)} (${escapeHtml(tenant.domain)})</span></header>
<div id="m365-body">
<nav id="m365-nav" aria-label="Admin navigation" data-testid="portal-nav">
<a href="#/homepage">Home</a><a href="#/users" data-testid="nav-all-users">Active users</a><a href="#/groups">Teams &amp; groups</a>
</nav>
<main id="m365-main" data-testid="blade"></main>
</div>
<script id="portal-seed" type="application/json">${seedJson(runtime)}</script>
<script>${M365_APP_JS}</script>
</body></html>`;
}

export function portalPage(runtime: TenantRuntime, host: string): string {
  if (isM365Host(host)) return m365Page(runtime);
  const product = productOf(host);
  const allUsers = '#view/Microsoft_AAD_UsersAndTenants/UserManagementMenuBlade/~/AllUsers';
  const policy = '#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/AdminAuthMethods/fromNav/Identity';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(product)}</title>
<style>${SHELL_CSS}${HOSTILE_CSS}</style></head>
<body class="${THEME_CLASSES[runtime.portalTheme]}">
<header id="portal-header" data-testid="portal-header"><span class="brand">${escapeHtml(product)}</span>
<span id="portal-tenant">${escapeHtml(runtime.state.tenant.displayName)} (${escapeHtml(runtime.state.tenant.domain)})</span></header>
<div id="portal-body">
<nav id="portal-nav" aria-label="Portal navigation" data-testid="portal-nav">
<a href="#home">Home</a><a href="${allUsers}" data-testid="nav-all-users">Users</a><a href="${policy}" data-testid="nav-auth-methods">Authentication methods</a>
</nav>
<main id="portal-blade" data-testid="blade"></main>
</div>
<script id="portal-seed" type="application/json">${seedJson(runtime)}</script>
<script>${PORTAL_APP_JS}</script>
</body></html>`;
}

export function handlePortal(runtime: TenantRuntime, method: string, pathname: string, host: string): HttpReply {
  if (method !== 'GET' && method !== 'HEAD') return textReply(405, 'Method not allowed');
  if (pathname === '/favicon.ico') return textReply(404, 'Not found');
  const extra = runtime.extraPages.get(pathname);
  if (extra) return htmlReply(200, extra.html, { 'cache-control': 'no-store', ...extra.headers });
  return htmlReply(200, portalPage(runtime, host), { 'cache-control': 'no-store' });
}
