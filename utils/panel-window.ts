/**
 * The panel for a principal in a small window (context menu, popup lookup): one window per principal.
 * Which window shows whom lives in storage.session, so it survives service-worker restarts and dies with the browser.
 */
import { browser } from 'wxt/browser';
import type { PanelMode } from './messages';
import { type Principal, parsePrincipal, principalKey } from './upn';

export class InvalidPrincipalError extends Error {
  constructor(readonly input: string) {
    super('This is not a user principal name or object ID.');
    this.name = 'InvalidPrincipalError';
  }
}

export interface PanelWindowRequest {
  userRef: string;
  mode: PanelMode;
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

interface OpenPanelWindow {
  windowId: number;
  tabId?: number;
  mode: PanelMode;
}

type OpenPanelWindows = Record<string, OpenPanelWindow>;

const STORAGE_KEY = 'panelWindows';
const WINDOW_SIZE = { width: 420, height: 680 } as const;

/** Every read-modify-write of the window table runs in this queue, so two quick clicks open one window. */
let queue: Promise<unknown> = Promise.resolve();

function enqueue<T>(task: () => Promise<T>): Promise<T> {
  const result = queue.then(task, task);
  queue = result.catch(() => undefined);
  return result;
}

async function readWindows(api: PanelWindowBrowser): Promise<OpenPanelWindows> {
  const stored = (await api.storage.session.get(STORAGE_KEY))[STORAGE_KEY];
  return stored && typeof stored === 'object' ? (stored as OpenPanelWindows) : {};
}

async function writeWindows(api: PanelWindowBrowser, windows: OpenPanelWindows): Promise<void> {
  await api.storage.session.set({ [STORAGE_KEY]: windows });
}

export function panelWindowUrl(api: Pick<PanelWindowBrowser, 'runtime'>, principal: Principal, mode: PanelMode): string {
  const query = new URLSearchParams({ userRef: principal.value, context: 'window', intent: mode });
  return `${api.runtime.getURL('/panel.html')}?${query}`;
}

async function focus(api: PanelWindowBrowser, windowId: number): Promise<boolean> {
  return api.windows.update(windowId, { focused: true }).then(
    (window) => window !== undefined,
    () => false,
  );
}

async function openOrFocus(api: PanelWindowBrowser, principal: Principal, mode: PanelMode): Promise<{ windowId: number }> {
  const key = principalKey(principal);
  const url = panelWindowUrl(api, principal, mode);
  const windows = await readWindows(api);
  const existing = windows[key];
  if (existing && (await focus(api, existing.windowId))) {
    // Only status → issue reloads the page: a window in issue mode may be showing a pass that must not vanish.
    if (existing.mode === 'issue' || mode === 'status') return { windowId: existing.windowId };
    const retargeted =
      existing.tabId !== undefined &&
      (await api.tabs.update(existing.tabId, { url }).then(
        () => true,
        () => false,
      ));
    if (retargeted) {
      await writeWindows(api, { ...windows, [key]: { ...existing, mode } });
      return { windowId: existing.windowId };
    }
    await api.windows.remove(existing.windowId).catch(() => undefined);
  }
  const created = await api.windows.create({ url, type: 'popup', focused: true, ...WINDOW_SIZE });
  if (created?.id === undefined) throw new Error('The browser did not open the panel window.');
  await writeWindows(api, { ...windows, [key]: { windowId: created.id, tabId: created.tabs?.[0]?.id, mode } });
  return { windowId: created.id };
}

/** Opens the panel for a principal in a small window, or focuses the one already showing it. */
export function openPanelWindow(request: PanelWindowRequest, api: PanelWindowBrowser = browser): Promise<{ windowId: number }> {
  const principal = parsePrincipal(request.userRef);
  if (!principal) return Promise.reject(new InvalidPrincipalError(request.userRef));
  const mode: PanelMode = request.mode === 'issue' ? 'issue' : 'status';
  return enqueue(() => openOrFocus(api, principal, mode));
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
