import type { openNoticeWindow, openPanelWindow } from '../panel-window';
import type { Principal } from '../principal';
import { parsePrincipal, principalFromLink } from '../upn';
import { MENU_ITEMS } from './items';
import { shownText } from './notice';

/** The parts of Chrome's contextMenus.OnClickData the handler reads. */
export interface MenuClickInfo {
  menuItemId: string | number;
  selectionText?: string;
  linkUrl?: string;
}

export interface ContextMenuClickDeps {
  openPanelWindow: typeof openPanelWindow;
  openNoticeWindow: typeof openNoticeWindow;
}

export type MenuClickOutcome =
  | { outcome: 'opened'; principal: Principal; windowId: number }
  | { outcome: 'invalid'; input: string }
  | { outcome: 'ignored' };

/** A link's address as the panel shows it: the address of a mailto:, else the (shortened) URL. */
function linkShown(url: string): string {
  return shownText(/^mailto:/i.test(url) ? (url.slice('mailto:'.length).split('?')[0] ?? '') : url);
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
    await deps.openNoticeWindow(shownText(input.replace(/^mailto:/i, '')));
    return { outcome: 'invalid', input };
  }
  const link = item.source === 'link' ? { link: linkShown(input) } : {};
  const { windowId } = await deps.openPanelWindow({ userRef: principal.value, mode: item.mode, ...link });
  return { outcome: 'opened', principal, windowId };
}
