import { isPortalUrl } from '../entra-url';
import type { RequestType } from '../messages';

/** Who sent a message: the fields of runtime.MessageSender the background checks. */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number; windowId?: number };
  /** 0 for a tab's top frame, positive for a frame inside it. */
  frameId?: number;
  /** Chromium 106+: one id per document, so a frame that navigates is a new sender. Firefox has none. */
  documentId?: string;
}

/** This extension: its id and the origin of its own pages, e.g. chrome-extension://<id>/ */
export interface Self {
  id: string;
  pagesBaseUrl: string;
}

export type Caller =
  /** Our content script in the top frame of a portal tab (its url is the portal page's; host: that page's host). */
  | { kind: 'contentScript'; tabId: number; host: string }
  /** panel.html inside a frame of a tab: a portal frame, ours only if it presents a live ticket. */
  | { kind: 'panelFrame'; tabId: number; frameId: number; documentId?: string }
  /** panel.html as a tab's top document: ours only if the background opened that window. */
  | { kind: 'panelWindow'; tabId: number; windowId: number }
  /** Any other page of the extension (popup, options), as a tab's top document or the popup: its path, e.g. /options.html. */
  | { kind: 'page'; path?: string };

/** Requests that act for a panel's bound user: the background resolves the binding before the handler runs. */
export const PANEL_BOUND: ReadonlySet<RequestType> = new Set([
  'claimPanel',
  'getPanelState',
  'issueTap',
  'revokeTap',
  'signIn',
  'switchTenant',
  'clearClipboard',
  'openInWindow',
]);

/** What each kind of sender may ask. Everything a panel does is bound to the user the background assigned it. */
const ALLOWED: Record<Caller['kind'], ReadonlySet<RequestType>> = {
  contentScript: new Set(['introduceFrame', 'releaseFrame']),
  // A portal frame asks exactly what acts for its bound user.
  panelFrame: PANEL_BOUND,
  panelWindow: new Set(['claimPanel', 'getPanelState', 'issueTap', 'revokeTap', 'signIn', 'clearClipboard']),
  page: new Set([
    'getSession',
    'signIn',
    'signOut',
    'switchTenant',
    'getPolicy',
    'enablePolicy',
    'openPanelWindow',
    'checkSetup',
    'getProfiles',
    // The history travels through the background, not straight from storage.local in the page: the background is its
    // one writer (appends, prunes and a clear can't interleave), and this rule, not a convention, keeps every panel (a
    // portal frame is an extension page too and could read storage.local) from ever being answered with it.
    'getHistory',
    'clearHistory',
    'bulkCheck',
    'bulkIssue',
    // The bulk page copies passes too, and a copied pass leaves the clipboard after the same delay as a panel's.
    'clearClipboard',
  ]),
};

/**
 * Requests only one page may send (of the extension's pages; panels are ruled by ALLOWED alone). The setup check opens a sign-in and reports the admin's roles and consent: only the
 * options page asks for it (not the popup, and never a frame: classifySender refuses framed extension pages). A bulk list
 * resolves and issues for many users at once: only the bulk page, a top-level document whose passes never reach a
 * portal's frame, a panel window or the popup.
 */
const PAGE_ONLY: Partial<Record<RequestType, string>> = {
  checkSetup: '/options.html',
  clearHistory: '/options.html',
  bulkCheck: '/bulk.html',
  bulkIssue: '/bulk.html',
  clearClipboard: '/bulk.html',
};

function pagePath(url: string, self: Self): string | null {
  if (!url.startsWith(self.pagesBaseUrl)) return null;
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}

/** The kind of sender, or null for anything that isn't this extension's content script or pages. */
export function classifySender(sender: MessageSender, self: Self): Caller | null {
  if (sender.id !== self.id || typeof sender.url !== 'string') return null;
  const tabId = sender.tab?.id;
  const path = pagePath(sender.url, self);
  if (path === '/panel.html') {
    if (tabId === undefined || sender.frameId === undefined) return null;
    if (sender.frameId > 0) return { kind: 'panelFrame', tabId, frameId: sender.frameId, documentId: sender.documentId };
    const windowId = sender.tab?.windowId;
    return windowId === undefined ? null : { kind: 'panelWindow', tabId, windowId };
  }
  if (path !== null) return sender.frameId !== undefined && sender.frameId > 0 ? null : { kind: 'page', path };
  // Web pages can't message the extension (no externally_connectable), so a web url is our content script's page.
  if (tabId === undefined || sender.frameId !== 0 || !isPortalUrl(sender.url)) return null;
  return { kind: 'contentScript', tabId, host: new URL(sender.url).host };
}

export const mayAsk = (caller: Caller, type: RequestType): boolean => {
  if (!ALLOWED[caller.kind].has(type)) return false;
  const only = PAGE_ONLY[type];
  return !only || caller.kind !== 'page' || caller.path === only;
};
