/**
 * On a user page of the admin center, shows the panel (an extension page in a frame) for that user.
 * The portal page is assumed hostile: the frame lives in a closed shadow root the page can't reach, the content script
 * introduces it to the background (which user, one-time ticket) and hands the ticket to that frame alone, over a
 * private port that also carries whether the frame is really seen where it belongs, and the portal's theme.
 * Collapsed (for every user, remembered per portal host) or closed (for this user), a small tab brings it back, as does
 * the shortcut. No UI framework here; WXT's location watcher drives it, since every admin center here (Entra, Azure
 * portal, Intune, Microsoft 365) is a hash-routed SPA whose hashchange doesn't always fire. The user is the URL's object
 * id, or the UPN the Microsoft 365 admin center may show in its place: the background resolves either through Graph.
 */
import { FRAME_CSS, HOST_CSS, inPlace, looksVisible } from '@/utils/content/host-geometry';
import { createPanelTab, type PanelTab } from '@/utils/content/panel-tab';
import { portalTheme, watchPortalTheme } from '@/utils/content/portal-theme';
import { contentWord, EXTENSION_NAME } from '@/utils/content/words';
import { getTenantFromUrl, getUserRefFromUrl } from '@/utils/entra-url';
import { FRAME_HELLO, type HostToPanel, type PanelToHost, TOGGLE_PANEL } from '@/utils/frame-protocol';
import { PORTAL_MATCHES } from '@/utils/portal-hosts';

const HOST_TAG = 'entra-tap-panel';
/** A page that keeps removing the frame gets it back this often per user page, then not at all. */
const MAX_REMOUNTS = 3;
/** A frame that hasn't said it is ready this long after its hello (its ticket refused, the worker gone) is replaced. */
const READY_TIMEOUT_MS = 8_000;
const VISIBILITY_CHECK_MS = 250;
/** storage.local: the portal hosts where the admin collapsed the panel. */
const COLLAPSED_KEY = 'collapsedPanels';

/**
 * Introduces a frame to the background. A worker that is stopping as the message arrives drops it (no answer): then
 * it is sent again, so a panel doesn't stay blank because the browser recycled the worker at that moment.
 */
async function introduce(nonce: string, userRef: string, tenant: string | null): Promise<boolean> {
  const message = { type: 'introduceFrame', nonce, userRef, ...(tenant && { tenant }) };
  for (const wait of [0, 150, 600]) {
    if (wait) await new Promise((resolve) => setTimeout(resolve, wait));
    const reply = (await browser.runtime.sendMessage(message).catch(() => undefined)) as { ok?: boolean } | undefined;
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

interface Mounted {
  userRef: string;
  /** The directory the portal URL named when it was mounted (the panel acts there), or null. */
  tenant: string | null;
  nonce: string;
  post(message: HostToPanel): void;
  /** Puts the keyboard in the panel (now, or once it is ready). */
  focus(): void;
  hasFocus(): boolean;
  remove(): void;
}

export default defineContentScript({
  // The Entra and Intune admin centers, the Azure portal and the Microsoft 365 admin center: utils/portal-hosts.ts says why.
  matches: PORTAL_MATCHES,
  async main(ctx) {
    const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
    let mounted: Mounted | null = null;
    let tab: PanelTab | null = null;
    let closedFor: string | null = null;
    let remounts = 0;
    let theme = portalTheme();
    const collapsedOn = async () =>
      ((await browser.storage.local.get(COLLAPSED_KEY))[COLLAPSED_KEY] ?? {}) as Record<string, boolean>;
    let collapsed = (await collapsedOn().catch((): Record<string, boolean> => ({})))[location.host] === true;

    const unmount = () => {
      const current = mounted;
      mounted = null;
      if (!current) return;
      current.remove();
      void browser.runtime.sendMessage({ type: 'releaseFrame', nonce: current.nonce }).catch(() => undefined);
    };
    const hideTab = () => {
      tab?.remove();
      tab = null;
    };

    function mount(userRef: string, tenant: string | null, focusWhenReady = false): void {
      const nonce = ticket();
      // Sent before the frame exists: the background starts the user's first view while the panel page loads.
      // The tenant comes from the URL only (the shell's DOM is the page's to forge); the background checks it.
      const introduced = introduce(nonce, userRef, tenant);
      const host = document.createElement(HOST_TAG);
      const root = host.attachShadow({ mode: 'closed' });
      const frame = document.createElement('iframe');
      const channel = new MessageChannel();
      const src = browser.runtime.getURL('/panel.html');
      // Read back after setting: the browser normalises cssText, so our own strings never compare equal to it.
      let expectedHostStyle = '';
      let expectedFrameStyle = '';
      let loads = 0;
      let ready = false;
      let wantsFocus = focusWhenReady;
      let lastVisible: boolean | null = null;
      let checkedAt = 0;
      let readyTimer: ReturnType<typeof setTimeout> | undefined;

      const post = (message: HostToPanel) => channel.port1.postMessage(message);
      const styleHost = () => {
        for (const { name } of [...host.attributes]) if (name !== 'style') host.removeAttribute(name);
        host.style.cssText = HOST_CSS;
        expectedHostStyle = host.style.cssText;
        // A landmark in the portal's own accessibility tree, so a screen reader can jump to the panel.
        host.setAttribute('role', 'complementary');
        host.setAttribute('aria-label', EXTENSION_NAME);
      };
      const styleFrame = () => {
        frame.style.cssText = FRAME_CSS;
        expectedFrameStyle = frame.style.cssText;
        frame.title = contentWord('panel_frame_title');
        frame.lang = contentWord('common_languageTag'); // the title's language, not the portal page's
        frame.allow = 'clipboard-write';
      };
      const focusPanel = () => {
        frame.focus();
        post({ type: 'focus' });
      };

      const remove = () => {
        clearTimeout(readyTimer);
        guard.disconnect();
        cancelAnimationFrame(visibilityFrame);
        channel.port1.close();
        host.remove();
      };
      const tampered = () => {
        const again = mounted?.userRef === userRef && remounts < MAX_REMOUNTS;
        unmount();
        if (again) {
          remounts += 1;
          mount(userRef, tenant);
        }
      };

      // The page can't reach into the closed root, but it can restyle or move the host: restore, or start over.
      const guard = new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === 'childList' && host.parentNode !== document.documentElement) return tampered();
          if (record.target === frame && record.attributeName === 'src' && frame.getAttribute('src') !== src) return tampered();
        }
        const attributesAsSet =
          host.attributes.length === 3 &&
          host.getAttribute('role') === 'complementary' &&
          host.getAttribute('aria-label') === EXTENSION_NAME;
        if (host.style.cssText !== expectedHostStyle || !attributesAsSet) styleHost();
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
        if (data?.type === 'ready') {
          clearTimeout(readyTimer);
          ready = true;
          if (wantsFocus) focusPanel();
          wantsFocus = false;
        } else if (data?.type === 'attention') attentive = data.active === true;
        else if (data?.type === 'close') closeForUser(userRef);
        else if (data?.type === 'collapse') void setCollapsed(true, true);
      };

      frame.addEventListener('load', () => {
        loads += 1;
        // A second load means someone navigated our frame: that document gets nothing, and the frame is replaced.
        if (loads > 1) return tampered();
        if (mounted?.nonce !== nonce) return;
        // To the extension origin only: a page's own frame of panel.html at another URL would not receive it either.
        frame.contentWindow?.postMessage({ type: FRAME_HELLO, nonce }, extensionOrigin, [channel.port2]);
        readyTimer = setTimeout(tampered, READY_TIMEOUT_MS); // never a dead box on the portal
        post({ type: 'theme', theme });
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
      mounted = {
        userRef,
        tenant,
        nonce,
        post,
        focus: () => {
          if (ready) focusPanel();
          else wantsFocus = true;
        },
        hasFocus: () => document.activeElement === host,
        remove,
      };
    }

    /** Panel, tab or nothing, for the page the portal shows now. */
    const update = (url: URL | Location, focus = false) => {
      const userRef = getUserRefFromUrl(url);
      const tenant = getTenantFromUrl(url);
      if (userRef !== closedFor) closedFor = null;
      if (userRef !== mounted?.userRef) remounts = 0;
      if (!userRef) {
        unmount();
        hideTab();
      } else if (collapsed || userRef === closedFor) {
        unmount();
        tab ??= createPanelTab(theme, expand);
        if (focus) tab.focus();
      } else {
        hideTab();
        // A new frame per user rather than a new src: no history entry in the portal's tab, and the old frame (with any
        // pass it showed) is destroyed, not navigated.
        // Another directory in the URL is another panel too: it acts in the tenant it was introduced with.
        if (userRef !== mounted?.userRef || tenant !== mounted?.tenant) {
          unmount();
          mount(userRef, tenant, focus);
        } else if (focus) mounted.focus();
      }
    };

    async function setCollapsed(value: boolean, focus = false): Promise<void> {
      collapsed = value;
      update(location, focus);
      const all = await collapsedOn().catch(() => ({}) as Record<string, boolean>);
      if (value) all[location.host] = true;
      else delete all[location.host];
      await browser.storage.local.set({ [COLLAPSED_KEY]: all }).catch(() => undefined);
    }
    function closeForUser(userRef: string): void {
      closedFor = userRef;
      update(location, true); // focus goes to the tab that brings it back, not to the page's body
    }
    function expand(fromKeyboard = true): void {
      closedFor = null;
      void setCollapsed(false, fromKeyboard);
    }

    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => update(newUrl));
    // Back from the back/forward cache, the frame's ticket may have been replaced by a later page of this tab.
    ctx.addEventListener(window, 'pageshow', (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      unmount();
      update(location);
    });
    // Another tab of the same portal collapsed or brought back the panel.
    browser.storage.onChanged.addListener((changes, area) => {
      if (area !== 'local' || !changes[COLLAPSED_KEY]) return;
      const next = (changes[COLLAPSED_KEY].newValue as Record<string, boolean> | undefined)?.[location.host] === true;
      if (next === collapsed) return;
      collapsed = next;
      update(location);
    });
    // The shortcut (commands, relayed by the background): bring the panel back, go to it, or fold it away.
    browser.runtime.onMessage.addListener((message: unknown, sender) => {
      if (sender.id !== browser.runtime.id || sender.tab || (message as { type?: unknown })?.type !== TOGGLE_PANEL) return;
      if (!getUserRefFromUrl(location)) return;
      if (tab) expand();
      else if (mounted?.hasFocus()) void setCollapsed(true, true);
      else mounted?.focus();
    });
    watchPortalTheme((next) => {
      theme = next;
      mounted?.post({ type: 'theme', theme });
      tab?.setTheme(theme);
    });
    ctx.onInvalidated(() => {
      unmount();
      hideTab();
    });
    update(location);
  },
});
