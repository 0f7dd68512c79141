/**
 * On a user page of the admin center, shows the panel (an extension page in a frame) for that user.
 * The portal page is assumed hostile: the frame lives in a closed shadow root the page can't reach, the content script
 * introduces it to the background (which user, one-time ticket) and hands the ticket to that frame alone, over a
 * private port that also carries its height and visibility. No UI framework here; WXT's location watcher drives it,
 * since the portal is a hash-routed SPA whose hashchange doesn't always fire.
 */
import { getUserIdFromUrl } from '@/utils/entra-url';
import { FRAME_HELLO, type HostToPanel, type PanelToHost } from '@/utils/frame-protocol';

const HOST_TAG = 'entra-tap-panel';
const MAX_HEIGHT = 4000;
/** A page that keeps removing the frame gets it back this often per user page, then not at all. */
const MAX_REMOUNTS = 3;
const VISIBILITY_CHECK_MS = 250;

const important = (css: string) => css.replaceAll(';', '!important;');
/** `all: initial` first: no property the page's CSS could set on our element is left to it. Inline !important wins. */
const hostCss = (height: number) =>
  important(
    `all:initial;display:block;position:fixed;top:56px;right:16px;width:360px;height:${height}px;max-height:calc(100vh - 72px);` +
      'border-radius:8px;overflow:hidden;box-shadow:0 6px 24px #0004;z-index:2147483000;',
  );
const FRAME_CSS = important('all:initial;display:block;width:100%;height:100%;border:0;');

/**
 * Introduces a frame to the background. A worker that is stopping as the message arrives drops it (no answer): then
 * it is sent again, so a panel doesn't stay blank because the browser recycled the worker at that moment.
 */
async function introduce(nonce: string, userRef: string): Promise<boolean> {
  for (const wait of [0, 150, 600]) {
    if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
    const reply = (await browser.runtime.sendMessage({ type: 'introduceFrame', nonce, userRef }).catch(() => undefined)) as
      | { ok?: boolean }
      | undefined;
    if (reply) return reply.ok === true; // a refusal is an answer: never retried
  }
  return false;
}

function ticket(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** The host as the admin sees it: on screen, whole, not faded, filtered or covered (IntersectionObserver v2 where missing). */
function looksVisible(host: HTMLElement): boolean {
  if (document.visibilityState !== 'visible' || !host.isConnected) return false;
  const rect = host.getBoundingClientRect();
  if (rect.width < 40 || rect.height < 40 || rect.left < 0 || rect.top < 0) return false;
  if (rect.right > innerWidth + 1 || rect.bottom > innerHeight + 1) return false;
  for (let element: Element | null = host; element; element = element.parentElement) {
    const style = getComputedStyle(element);
    if (style.opacity !== '1' || style.visibility !== 'visible' || style.filter !== 'none') return false;
    if (style.clipPath !== 'none' || (style.mask && style.mask !== 'none')) return false;
  }
  const inset = 6;
  const points: [number, number][] = [
    [rect.left + rect.width / 2, rect.top + rect.height / 2],
    [rect.left + inset, rect.top + inset],
    [rect.right - inset, rect.top + inset],
    [rect.left + inset, rect.bottom - inset],
    [rect.right - inset, rect.bottom - inset],
  ];
  return points.every(([x, y]) => document.elementFromPoint(x, y) === host);
}

interface Mounted {
  userId: string;
  nonce: string;
  remove(): void;
}

export default defineContentScript({
  matches: ['https://entra.microsoft.com/*', 'https://portal.azure.com/*'],
  main(ctx) {
    const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
    let mounted: Mounted | null = null;
    let closedFor: string | null = null;
    let remounts = 0;

    const unmount = () => {
      const current = mounted;
      mounted = null;
      if (!current) return;
      current.remove();
      void browser.runtime.sendMessage({ type: 'releaseFrame', nonce: current.nonce }).catch(() => undefined);
    };

    function mount(userId: string): void {
      const nonce = ticket();
      // Sent before the frame exists: the background starts the user's first view while the panel page loads.
      const introduced = introduce(nonce, userId);
      const host = document.createElement(HOST_TAG);
      const root = host.attachShadow({ mode: 'closed' });
      const frame = document.createElement('iframe');
      const channel = new MessageChannel();
      const src = browser.runtime.getURL('/panel.html');
      let height = 160;
      // Read back after setting: the browser normalises cssText, so our own strings never compare equal to it.
      let expectedHostStyle = '';
      let expectedFrameStyle = '';
      let loads = 0;
      let lastVisible: boolean | null = null;

      const post = (message: HostToPanel) => channel.port1.postMessage(message);
      const styleHost = () => {
        for (const { name } of [...host.attributes]) if (name !== 'style') host.removeAttribute(name);
        host.style.cssText = hostCss(height);
        expectedHostStyle = host.style.cssText;
      };
      const styleFrame = () => {
        frame.style.cssText = FRAME_CSS;
        expectedFrameStyle = frame.style.cssText;
        frame.title = 'Entra TAP panel';
        frame.allow = 'clipboard-write';
      };

      const remove = () => {
        guard.disconnect();
        clearInterval(visibilityTimer);
        channel.port1.close();
        host.remove();
      };
      const tampered = () => {
        const again = mounted?.userId === userId && remounts < MAX_REMOUNTS;
        unmount();
        if (again) {
          remounts += 1;
          mount(userId);
        }
      };

      // The page can't reach into the closed root, but it can restyle or move the host: restore, or start over.
      const guard = new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === 'childList' && !host.isConnected) return tampered();
          if (record.target === frame && record.attributeName === 'src' && frame.getAttribute('src') !== src) return tampered();
        }
        if (host.style.cssText !== expectedHostStyle || host.attributes.length !== 1) styleHost();
        if (frame.style.cssText !== expectedFrameStyle) styleFrame();
      });

      const visibilityTimer = setInterval(() => {
        const visible = looksVisible(host);
        if (visible === lastVisible || loads === 0) return;
        lastVisible = visible;
        post({ type: 'visibility', visible });
      }, VISIBILITY_CHECK_MS);

      channel.port1.onmessage = ({ data }: MessageEvent<PanelToHost>) => {
        if (data?.type === 'close') {
          closedFor = userId;
          unmount();
        } else if (data?.type === 'resize' && Number.isFinite(data.height) && data.height >= 0 && data.height <= MAX_HEIGHT) {
          height = Math.ceil(data.height);
          styleHost();
        }
      };

      frame.addEventListener('load', async () => {
        loads += 1;
        // A second load means someone navigated our frame: that document gets nothing, and the frame is replaced.
        if (loads > 1) return tampered();
        if (!(await introduced) || mounted?.nonce !== nonce) return;
        // To the extension origin only: a page's own frame of panel.html at another URL would not receive it either.
        frame.contentWindow?.postMessage({ type: FRAME_HELLO, nonce }, extensionOrigin, [channel.port2]);
        lastVisible = looksVisible(host);
        post({ type: 'visibility', visible: lastVisible });
      });

      styleHost();
      styleFrame();
      frame.src = src;
      root.append(frame);
      document.documentElement.append(host);
      guard.observe(host, { attributes: true });
      guard.observe(frame, { attributes: true });
      guard.observe(document.documentElement, { childList: true });
      mounted = { userId, nonce, remove };
    }

    const update = (url: URL | Location) => {
      const userId = getUserIdFromUrl(url);
      if (userId !== closedFor) closedFor = null;
      if (userId !== mounted?.userId) remounts = 0;
      if (!userId || userId === closedFor) unmount();
      else if (userId !== mounted?.userId) {
        // A new frame per user rather than a new src: no history entry in the portal's tab, and the old frame (with any
        // pass it showed) is destroyed, not navigated.
        unmount();
        mount(userId);
      }
    };

    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => update(newUrl));
    ctx.onInvalidated(unmount);
    update(location);
  },
});
