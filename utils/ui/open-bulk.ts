import { browser } from 'wxt/browser';

/** The bulk page in a tab of its own: the only place its messages are answered (the top-level /bulk.html). */
export async function openBulkPage(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/bulk.html') });
}
