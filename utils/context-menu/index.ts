/**
 * "Issue / Check Temporary Access Pass" on selected text and on links, on every site.
 * Menus need no host permission; the selection only ever reaches Graph through parsePrincipal.
 */
import { browser } from 'wxt/browser';
import { type ContextMenuClickDeps, handleContextMenuClick, type MenuClickInfo } from './handle-click';
import { MENU_ITEMS } from './items';

export { handleContextMenuClick, type MenuClickInfo, type MenuClickOutcome } from './handle-click';
export { MENU_ITEMS } from './items';
export { invalidPrincipalSentence } from './notice';

export interface ContextMenuBrowser {
  runtime: { onInstalled: { addListener(callback: () => void): void } };
  contextMenus: {
    create(properties: { id: string; title: string; contexts: ['selection'] | ['link']; targetUrlPatterns?: string[] }): unknown;
    removeAll(): Promise<void> | void;
    onClicked: { addListener(callback: (info: MenuClickInfo, tab?: unknown) => void): void };
  };
}

export interface ContextMenuDeps extends ContextMenuClickDeps {
  browser?: ContextMenuBrowser;
}

async function createMenuItems(api: ContextMenuBrowser): Promise<void> {
  // Items outlive the service worker but not an update; removing first avoids duplicate-id errors.
  await api.contextMenus.removeAll();
  for (const { id, title, contexts, targetUrlPatterns } of MENU_ITEMS) {
    api.contextMenus.create(targetUrlPatterns ? { id, title, contexts, targetUrlPatterns } : { id, title, contexts });
  }
}

/** Call synchronously from the background's main: both listeners must exist before the first event. */
export function setupContextMenus(deps: ContextMenuDeps): void {
  const api = deps.browser ?? browser;
  api.runtime.onInstalled.addListener(() => {
    void createMenuItems(api);
  });
  api.contextMenus.onClicked.addListener((info, tab) => {
    handleContextMenuClick(info, tab, deps).catch((error: unknown) => {
      console.error('Entra TAP: the menu action failed.', error instanceof Error ? error.message : error);
    });
  });
}
