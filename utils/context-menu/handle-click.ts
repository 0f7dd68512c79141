import { browser } from 'wxt/browser';
import type { openPanelWindow } from '../panel-window';
import { type Principal, parsePrincipal, principalFromLink } from '../upn';
import { MENU_ITEMS } from './items';
import { noticeQuery } from './notice';

/** The parts of Chrome's contextMenus.OnClickData the handler reads. */
export interface MenuClickInfo {
  menuItemId: string | number;
  selectionText?: string;
  linkUrl?: string;
}

export interface NoticeBrowser {
  runtime: { getURL(path: '/panel.html'): string };
  windows: { create(data: { url: string; type: 'popup'; width: number; height: number; focused: boolean }): Promise<unknown> };
}

export interface ContextMenuClickDeps {
  openPanelWindow: typeof openPanelWindow;
  /** Defaults to the extension's `browser`; tests pass a stub. */
  browser?: NoticeBrowser;
}

export type MenuClickOutcome =
  | { outcome: 'opened'; principal: Principal; windowId: number }
  | { outcome: 'invalid'; input: string }
  | { outcome: 'ignored' };

async function showInvalidNotice(api: NoticeBrowser, input: string): Promise<void> {
  const url = `${api.runtime.getURL('/panel.html')}?${noticeQuery(input)}`;
  await api.windows.create({ url, type: 'popup', width: 420, height: 200, focused: true });
}

/**
 * What a click on one of our menu items does: a valid principal opens (or focuses) its panel window;
 * anything else shows a notice and goes nowhere near Graph.
 */
export async function handleContextMenuClick(
  info: MenuClickInfo,
  _tab: unknown,
  deps: ContextMenuClickDeps,
): Promise<MenuClickOutcome> {
  const item = MENU_ITEMS.find(({ id }) => id === info.menuItemId);
  if (!item) return { outcome: 'ignored' };
  const input = (item.source === 'link' ? info.linkUrl : info.selectionText) ?? '';
  const principal = item.source === 'link' ? principalFromLink(input) : parsePrincipal(input);
  if (!principal) {
    await showInvalidNotice(deps.browser ?? browser, input.replace(/^mailto:/i, ''));
    return { outcome: 'invalid', input };
  }
  const { windowId } = await deps.openPanelWindow({ userRef: principal.value, mode: item.mode });
  return { outcome: 'opened', principal, windowId };
}
