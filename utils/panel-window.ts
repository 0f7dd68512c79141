/**
 * The panel for a principal in a small window (context menu, popup lookup): one window per principal, and the small
 * notice window for a selection that is not one. The window's URL carries nothing: whom it shows, in which mode, and
 * any notice live in this table (storage.session), which is also how the background recognises its own windows. So a
 * selection never lands in a URL, and a panel.html that a web page opens in a tab of its own is bound to no one.
 */
import { browser } from 'wxt/browser';
import type { PanelMode } from './messages';
import type { Principal } from './principal';
import { parsePrincipal, principalKey } from './upn';

export class InvalidPrincipalError extends Error {
  constructor(readonly input: string) {
    super('This is not a user principal name or object ID.');
    this.name = 'InvalidPrincipalError';
  }
}

export interface PanelWindowRequest {
  userRef: string;
  mode: PanelMode;
  /** Opened from a right-clicked link: its address, shown in the panel beside the resolved user. */
  link?: string;
}

/** The slice of the extension API this module uses; tests pass fakeBrowser. */
export interface PanelWindowBrowser {
  runtime: { getURL(path: '/panel.html'): string };
  windows: {
    create(data: {
      url: string;
      type: 'popup';
      width: number;
      height: number;
      focused: boolean;
    }): Promise<{ id?: number; tabs?: { id?: number }[] } | undefined>;
    update(windowId: number, info: { focused: boolean }): Promise<unknown>;
    remove(windowId: number): Promise<void>;
    onRemoved: { addListener(callback: (windowId: number) => void): void };
  };
  tabs: { update(tabId: number, info: { url: string }): Promise<unknown> };
  storage: {
    session: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  };
}

/** What a window shows: a user (by the reference the admin chose) or a notice sentence's text. */
export type WindowContent = { userRef: string; mode: PanelMode; link?: string } | { notice: string };

export type OpenPanelWindow = { windowId: number; tabId?: number } & WindowContent;

type OpenPanelWindows = Record<string, OpenPanelWindow>;

const STORAGE_KEY = 'panelWindows';
const WINDOW_SIZE = { width: 420, height: 680 } as const;
const NOTICE_SIZE = { width: 420, height: 200 } as const;

/** Every read-modify-write of the window table runs in this queue, so two quick clicks open one window. */
let queue: Promise<unknown> = Promise.resolve();

function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const result = queue.then(task, task);
  queue = result.catch(() => undefined);
  return result;
}

async function readWindows(api: Pick<PanelWindowBrowser, 'storage'>): Promise<OpenPanelWindows> {
  const stored = (await api.storage.session.get(STORAGE_KEY))[STORAGE_KEY];
  return stored && typeof stored === 'object' ? (stored as OpenPanelWindows) : {};
}

async function writeWindows(api: PanelWindowBrowser, windows: OpenPanelWindows): Promise<void> {
  await api.storage.session.set({ [STORAGE_KEY]: windows });
}

async function focus(api: PanelWindowBrowser, windowId: number): Promise<boolean> {
  return api.windows.update(windowId, { focused: true }).then(
    (window) => window !== undefined,
    () => false,
  );
}

async function create(api: PanelWindowBrowser, size: { width: number; height: number }) {
  const created = await api.windows.create({ url: api.runtime.getURL('/panel.html'), type: 'popup', focused: true, ...size });
  if (created?.id === undefined) throw new Error('The browser did not open the panel window.');
  return { windowId: created.id, tabId: created.tabs?.[0]?.id };
}

async function openOrFocus(api: PanelWindowBrowser, principal: Principal, request: PanelWindowRequest) {
  const key = principalKey(principal);
  const content: WindowContent = { userRef: principal.value, mode: request.mode, ...(request.link && { link: request.link }) };
  const windows = await readWindows(api);
  const existing = windows[key];
  if (existing && 'mode' in existing && (await focus(api, existing.windowId))) {
    // Only status → issue reloads the page: a window in issue mode may be showing a pass that must not vanish.
    if (existing.mode === 'issue' || request.mode === 'status') return { windowId: existing.windowId };
    const retargeted =
      existing.tabId !== undefined &&
      (await api.tabs.update(existing.tabId, { url: api.runtime.getURL('/panel.html') }).then(
        () => true,
        () => false,
      ));
    if (retargeted) {
      await writeWindows(api, { ...windows, [key]: { ...existing, ...content } });
      return { windowId: existing.windowId };
    }
    await api.windows.remove(existing.windowId).catch(() => undefined);
  }
  const opened = await create(api, WINDOW_SIZE);
  await writeWindows(api, { ...windows, [key]: { ...opened, ...content } });
  return { windowId: opened.windowId };
}

/** Opens the panel for a principal in a small window, or focuses the one already showing it. */
export function openPanelWindow(request: PanelWindowRequest, api: PanelWindowBrowser = browser): Promise<{ windowId: number }> {
  const principal = parsePrincipal(request.userRef);
  if (!principal) return Promise.reject(new InvalidPrincipalError(request.userRef));
  const mode: PanelMode = request.mode === 'issue' ? 'issue' : 'status';
  return enqueue(() => openOrFocus(api, principal, { ...request, mode }));
}

/** A small window that only shows a sentence about `text` (already made printable and short by the caller). */
export function openNoticeWindow(text: string, api: PanelWindowBrowser = browser): Promise<{ windowId: number }> {
  return enqueue(async () => {
    const opened = await create(api, NOTICE_SIZE);
    await writeWindows(api, { ...(await readWindows(api)), [`notice:${opened.windowId}`]: { ...opened, notice: text } });
    return { windowId: opened.windowId };
  });
}

/**
 * What the background's own window `windowId` shows, or null for any other window or tab. Queued behind the table's
 * writes, so a page that loads before windows.create has answered still finds its entry.
 */
export function panelWindowContent(
  windowId: number,
  tabId: number | undefined,
  api: Pick<PanelWindowBrowser, 'storage'> = browser,
): Promise<WindowContent | null> {
  return enqueue(async () => {
    const entry = Object.values(await readWindows(api)).find((open) => open.windowId === windowId);
    if (!entry || (entry.tabId !== undefined && entry.tabId !== tabId)) return null;
    const { windowId: _w, tabId: _t, ...content } = entry;
    return content;
  });
}

/** Forgets windows the admin closes. Call once, synchronously, when the background starts. */
export function watchPanelWindows(api: PanelWindowBrowser = browser): void {
  api.windows.onRemoved.addListener((windowId) => {
    void enqueue(async () => {
      const windows = await readWindows(api);
      const remaining = Object.fromEntries(Object.entries(windows).filter(([, open]) => open.windowId !== windowId));
      if (Object.keys(remaining).length !== Object.keys(windows).length) await writeWindows(api, remaining);
    });
  });
}
