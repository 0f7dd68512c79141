import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { findChromium } from './chromium-path';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3');
export const EXTENSION_ID = 'bjppmkdmnkjkahflgkhdahmcejhldfnh';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The current background service worker (a new one after a restart). */
  serviceWorker(): Promise<Worker>;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Extra Chromium flags: the tenant's host-resolver rules and certificate flag. */
  args: string[];
  headless?: boolean;
}

/** Launches Debian Chromium with the production build loaded, pointed at the simulated tenant. */
export async function launchExtensionBrowser({ args, headless = true }: LaunchOptions): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No production build at ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  const profileDir = mkdtempSync(join(tmpdir(), 'entra-tap-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    headless,
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: { width: 1280, height: 800 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      ...args,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const isOurs = (worker: Worker) => worker.url().startsWith(`chrome-extension://${EXTENSION_ID}/`);
  // Playwright keeps a stopped worker in serviceWorkers(); the newest one to start is the live one.
  let latest = context.serviceWorkers().find(isOurs);
  context.on('serviceworker', (worker) => {
    if (isOurs(worker)) latest = worker;
  });
  const serviceWorker = async () => latest ?? context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 10_000 });
  await serviceWorker();
  return {
    context,
    extensionId: EXTENSION_ID,
    serviceWorker,
    extensionUrl: (path) => `chrome-extension://${EXTENSION_ID}/${path.replace(/^\//, '')}`,
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Stops every service worker through the DevTools protocol, as Chrome does after 30 s idle, and waits until ours is gone. */
export async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  const browserCdp = await page.context().browser()?.newBrowserCDPSession();
  if (!browserCdp) throw new Error('No browser-level DevTools session to confirm the service worker stopped.');
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { targetInfos } = await browserCdp.send('Target.getTargets');
    const running = targetInfos.some((target) => target.type === 'service_worker' && target.url.includes(EXTENSION_ID));
    if (!running) break;
    if (Date.now() > deadline) throw new Error('The extension service worker did not stop.');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await browserCdp.detach();
}
