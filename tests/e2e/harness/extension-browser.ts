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
  const serviceWorker = async () => {
    const live = context.serviceWorkers().find((worker) => worker.url().startsWith(`chrome-extension://${EXTENSION_ID}/`));
    if (live) return live;
    return context.waitForEvent('serviceworker', {
      predicate: (worker) => worker.url().startsWith(`chrome-extension://${EXTENSION_ID}/`),
      timeout: 10_000,
    });
  };
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

/** Stops every service worker through the DevTools protocol, as Chrome does after 30 s idle. */
export async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}
