/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser';

/**
 * Opens a panel window the way the admin does, through the production context-menu listener (a selection of
 * `userRef`): Chromium's event objects carry `dispatch`, which runs the listeners the build registered.
 */
export async function openPanelWindowFor(browser: ExtensionBrowser, userRef: string, mode: 'issue' | 'status'): Promise<Page> {
  const opened = browser.context.waitForEvent('page', {
    predicate: (page) => page.url().endsWith('/panel.html'),
    timeout: 10_000,
  });
  const worker = await browser.serviceWorker();
  await worker.evaluate(
    ({ userRef, mode }) => {
      const onClicked = chrome.contextMenus.onClicked as unknown as { dispatch(...args: unknown[]): void };
      onClicked.dispatch({ menuItemId: mode === 'issue' ? 'issue-tap' : 'check-tap', selectionText: userRef, editable: false });
    },
    { userRef, mode },
  );
  const page = await opened;
  await page.waitForLoadState();
  return page;
}
