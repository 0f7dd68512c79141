import type { BrowserContext, Worker } from 'playwright-core';

/** Collects every console message of every page, frame and service worker of the context from now on. */
export function captureConsole(context: BrowserContext, worker: Worker): { messages: string[] } {
  const messages: string[] = [];
  const watchPage = (page: import('playwright-core').Page) => {
    page.on('console', (message) => messages.push(`[page ${page.url()}] ${message.text()}`));
    page.on('pageerror', (error) => messages.push(`[pageerror ${page.url()}] ${error.message}`));
  };
  for (const page of context.pages()) watchPage(page);
  context.on('page', watchPage);
  worker.on('console', (message) => messages.push(`[worker] ${message.text()}`));
  return { messages };
}
