/**
 * Debian firefox-esr driven by puppeteer-core over WebDriver BiDi, with the Firefox production build installed as a
 * temporary add-on and every request for the Microsoft hosts tunnelled to the simulated tenant (tunnel-proxy.ts).
 *
 * Two things BiDi can't do shape this harness (measured with Firefox ESR 153): it won't navigate a tab to a
 * moz-extension:// page, and a tab that navigates there keeps reporting its old URL. So the extension opens its own
 * options page at install (utils/background/first-run.ts), pages are found by asking them where they are, and an
 * extension page moves to another extension page by setting its own location.
 */
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { startTenant, type Tenant } from '../tenant/server';
import { startTunnelProxy, type TunnelProxy } from '../tenant/tunnel-proxy';

export const FIREFOX_BUILD = resolve(import.meta.dirname, '../../.output/firefox-mv3');
export const GECKO_ID = 'entra-tap@example.invalid';
/** Pinned (extensions.webextensions.uuids) so the extension's origin is known. */
export const EXTENSION_UUID = '6f2c8a1e-3b4d-4e5f-9a7b-1c2d3e4f5a6b';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;
/** A short idle timeout, so a test can watch the event page be suspended (Firefox's default is 30 s). */
export const EVENT_PAGE_IDLE_MS = 4_000;

export function findFirefox(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error('No Firefox: install Debian firefox-esr (.ci/run does) or set FIREFOX_PATH.');
  return found;
}

/**
 * The policies.json Firefox reads at startup: distribution/ in its installation directory, beside the real binary
 * (/usr/lib/firefox-esr/distribution/policies.json for Debian firefox-esr, whose /usr/bin entry is a link there).
 */
export function firefoxPolicyFile(): string {
  return join(dirname(realpathSync(findFirefox())), 'distribution', 'policies.json');
}

export interface FirefoxSuite {
  tenant: Tenant;
  browser: Browser;
  /** Everything Firefox printed (the extension's console.* included), to search for a pass. */
  output(): string;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  /** extensions.background.idle.timeout; EVENT_PAGE_IDLE_MS unless a spec needs Firefox's own 30 s. */
  eventPageIdleMs?: number;
}

export async function launchFirefoxSuite({
  eventPageIdleMs = EVENT_PAGE_IDLE_MS,
}: FirefoxLaunchOptions = {}): Promise<FirefoxSuite> {
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_BUILD}: run "npm run build" first.`);
  }
  const tenant = await startTenant({ port: 0 });
  let proxy: TunnelProxy | undefined;
  const profile = mkdtempSync(join(tmpdir(), 'entra-tap-firefox-'));
  try {
    proxy = await startTunnelProxy(tenant.port);
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findFirefox(),
      headless: true,
      // The tenant's certificate is self-signed; BiDi's acceptInsecureCerts covers the extension's own requests too.
      acceptInsecureCerts: true,
      userDataDir: profile,
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'services.settings.server': 'data:,#remote-settings-off',
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
        'extensions.background.idle.timeout': eventPageIdleMs,
        // The extension's console (background and pages) goes to Firefox's output, where the secrecy test reads it.
        'devtools.console.stdout.content': true,
        'devtools.console.stdout.chrome': true,
      },
    });
    let output = '';
    const child = browser.process();
    child?.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child?.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    await browser.installExtension(FIREFOX_BUILD);
    const started = proxy;
    return {
      tenant,
      browser,
      output: () => output,
      async close() {
        await browser.close();
        await started.close();
        await tenant.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await proxy?.close();
    await tenant.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}

/** Where a page really is (page.url() can be stale after it moved to a moz-extension:// page). */
export async function locationOf(page: Page | Frame): Promise<string> {
  return page.evaluate(() => location.href).catch(() => '');
}

/** The first open tab whose location matches, waiting for one to appear. */
export async function findPage(browser: Browser, matches: (href: string) => boolean, timeoutMs = 15_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const page of await browser.pages()) if (matches(await locationOf(page))) return page;
    if (Date.now() > deadline) throw new Error('No such page appeared.');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** An extension page moves itself to another of the extension's pages (BiDi can't send it there). */
export async function goToExtensionPage(page: Page, path: string): Promise<void> {
  const target = `${EXTENSION_ORIGIN}/${path}`;
  await page.evaluate((url) => {
    location.href = url;
  }, target);
  const deadline = Date.now() + 10_000;
  while (
    (await locationOf(page)) !== target ||
    !(await page.evaluate(() => document.readyState === 'complete').catch(() => false))
  ) {
    if (Date.now() > deadline) throw new Error(`The page did not reach ${target}.`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The panel frame the content script mounted on a portal page. */
export async function panelFrame(page: Page, timeoutMs = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame() || frame.detached) continue;
      if ((await locationOf(frame)).startsWith(`${EXTENSION_ORIGIN}/panel.html`)) return frame;
    }
    if (Date.now() > deadline) throw new Error('No Entra TAP panel frame on the page.');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the frame's (or page's) text matches. */
export async function waitForText(target: Page | Frame, pattern: RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await target.evaluate(() => document.body?.textContent ?? '').catch(() => '');
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${pattern} in: ${text.slice(0, 400)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
