/**
 * The admin centers where the panel appears, worldwide cloud, granted at install: the one list behind the content
 * script's matches, panel.html's web_accessible_resources matches (wxt.config.ts), the context menu's link patterns and
 * the background's check of who introduces a frame (utils/background/sender.ts, through isPortalUrl). No host here
 * that the panel doesn't mount on, and nothing Gov/China (those come as optional permissions when a cloud is set up).
 *
 * - entra.microsoft.com: the Microsoft Entra admin center's user blade.
 * - portal.azure.com: the same blade in the Azure portal.
 * - intune.microsoft.com: the Intune admin center, where helpdesk staff work; it reuses the Entra user blade.
 * - admin.microsoft.com, admin.cloud.microsoft: the Microsoft 365 admin center (its user page and flyout), on its
 *   original host and on the cloud.microsoft domain Microsoft moved its admin apps to; both serve the same SPA.
 */
export const PORTAL_HOSTS = [
  'entra.microsoft.com',
  'portal.azure.com',
  'intune.microsoft.com',
  'admin.microsoft.com',
  'admin.cloud.microsoft',
] as const;

export type PortalHost = (typeof PORTAL_HOSTS)[number];

/** Match patterns of the hosts: every page of each (the content script decides, per URL, whether to mount). */
export const PORTAL_MATCHES: string[] = PORTAL_HOSTS.map((host) => `https://${host}/*`);
