/**
 * On a user page of the admin center, shows the panel (an extension page in a frame) for that user.
 * The portal page is assumed hostile: the frame lives in a closed shadow root the page can't reach, the content script
 * introduces it to the background (which user, one-time ticket) and hands the ticket to that frame alone, over a
 * private port that also carries whether the frame is really seen where it belongs. Its size never depends on what it
 * shows, so the page can't read the panel's state off its box. No UI framework here; WXT's location watcher drives it,
 * since the portal is a hash-routed SPA whose hashchange doesn't always fire.
 */
import { getUserIdFromUrl } from '@/utils/entra-url';
import { FRAME_HELLO, type HostToPanel, type PanelToHost } from '@/utils/frame-protocol';

const HOST_TAG = 'entra-tap-panel';
const TOP = 56;
const RIGHT = 16;
const WIDTH = 360;
const MAX_HEIGHT = 560;
const BOTTOM_GAP = 72;
/** A page that keeps removing the frame gets it back this often per user page, then not at all. */
const MAX_REMOUNTS = 3;
/** A frame that hasn't said it is ready this long after its hello (its ticket refused, the worker gone) is replaced. */
const READY_TIMEOUT_MS = 8_000;
const VISIBILITY_CHECK_MS = 250;

const important = (css: string) => css.replaceAll(';', '!important;');
/**
 * `all: initial` first: no property the page's CSS could set on our element is left to it (inline !important wins).
 * A fixed size: a frame that grew with its content would tell the page whether a user has a pass.
 */
const HOST_CSS = important(
  `all:initial;display:block;position:fixed;top:${TOP}px;right:${RIGHT}px;width:min(${WIDTH}px,calc(100vw - ${2 * RIGHT}px));` +
    `height:min(${MAX_HEIGHT}px,calc(100vh - ${BOTTOM_GAP}px));border-radius:8px;overflow:hidden;` +
    'box-shadow:0 6px 24px #0004;z-index:2147483000;',
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

/**
 * The host exactly where and as large as it belongs: a page that moves, zooms, scales or shrinks the panel (to slip a
 * button under the admin's cursor) changes this box, and the panel stops acting until it has been still again.
 */
function inPlace(host: HTMLElement): boolean {
  if (host.parentNode !== document.documentElement || document.visibilityState !== 'visible') return false;
  const rect = host.getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  const near = (a: number, b: number) => Math.abs(a - b) <= 1;
  return (
    near(rect.top, TOP) &&
    near(rect.right, width - RIGHT) &&
    near(rect.width, Math.min(WIDTH, innerWidth - 2 * RIGHT)) &&
    near(rect.height, Math.min(MAX_HEIGHT, innerHeight - BOTTOM_GAP))
  );
}

/** In place, not faded, filtered or covered (IntersectionObserver v2 checks the same in Chromium, and more). */
function looksVisible(host: HTMLElement): boolean {
  if (!inPlace(host)) return false;
  const rect = host.getBoundingClientRect();
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
      // Read back after setting: the browser normalises cssText, so our own strings never compare equal to it.
      let expectedHostStyle = '';
      let expectedFrameStyle = '';
      let loads = 0;
      let lastVisible: boolean | null = null;
      let checkedAt = 0;
      let readyTimer: ReturnType<typeof setTimeout> | undefined;

      const post = (message: HostToPanel) => channel.port1.postMessage(message);
      const styleHost = () => {
        for (const { name } of [...host.attributes]) if (name !== 'style') host.removeAttribute(name);
        host.style.cssText = HOST_CSS;
        expectedHostStyle = host.style.cssText;
      };
      const styleFrame = () => {
        frame.style.cssText = FRAME_CSS;
        expectedFrameStyle = frame.style.cssText;
        frame.title = 'Entra TAP panel';
        frame.allow = 'clipboard-write';
      };

      const remove = () => {
        clearTimeout(readyTimer);
        guard.disconnect();
        cancelAnimationFrame(visibilityFrame);
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
          if (record.type === 'childList' && host.parentNode !== document.documentElement) return tampered();
          if (record.target === frame && record.attributeName === 'src' && frame.getAttribute('src') !== src) return tampered();
        }
        if (host.style.cssText !== expectedHostStyle || host.attributes.length !== 1) styleHost();
        if (frame.style.cssText !== expectedFrameStyle) styleFrame();
      });

      // Every 250 ms the full check; while the pointer or keyboard is in the panel also "still in place?" every frame,
      // so a page that slides the panel under the admin's cursor disarms it before the click.
      let visibilityFrame = 0;
      let attentive = false;
      const watchVisibility = () => {
        visibilityFrame = requestAnimationFrame(watchVisibility);
        if (loads === 0) return;
        const full = performance.now() - checkedAt >= VISIBILITY_CHECK_MS;
        if (!full && !attentive) return;
        const visible = full ? looksVisible(host) : lastVisible === true && inPlace(host);
        if (full) checkedAt = performance.now();
        if (visible === lastVisible) return;
        lastVisible = visible;
        post({ type: 'visibility', visible });
      };
      visibilityFrame = requestAnimationFrame(watchVisibility);

      channel.port1.onmessage = ({ data }: MessageEvent<PanelToHost>) => {
        if (data?.type === 'ready') clearTimeout(readyTimer);
        else if (data?.type === 'attention') attentive = data.active === true;
        else if (data?.type === 'close') {
          closedFor = userId;
          unmount();
        }
      };

      frame.addEventListener('load', () => {
        loads += 1;
        // A second load means someone navigated our frame: that document gets nothing, and the frame is replaced.
        if (loads > 1) return tampered();
        if (mounted?.nonce !== nonce) return;
        // To the extension origin only: a page's own frame of panel.html at another URL would not receive it either.
        frame.contentWindow?.postMessage({ type: FRAME_HELLO, nonce }, extensionOrigin, [channel.port2]);
        readyTimer = setTimeout(tampered, READY_TIMEOUT_MS); // never a dead box on the portal
        lastVisible = looksVisible(host);
        post({ type: 'visibility', visible: lastVisible });
      });

      styleHost();
      styleFrame();
      frame.src = src;
      document.documentElement.append(host);
      // The frame's page starts loading once the background has the introduction (and the user's first view under way):
      // loading it at the same moment would compete with that request's start on a busy machine, for no gain, since
      // the panel is ready long before Graph answers.
      void introduced.then((ok) => {
        if (mounted?.nonce !== nonce) return;
        if (ok) root.append(frame);
        else tampered(); // refused or unanswered: try a fresh frame, at most a few times, never leave an empty box
      });
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
    // Back from the back/forward cache, the frame's ticket may have been replaced by a later page of this tab.
    ctx.addEventListener(window, 'pageshow', (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      unmount();
      update(location);
    });
    ctx.onInvalidated(unmount);
    update(location);
  },
});
