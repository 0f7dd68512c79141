/**
 * On a user page of the admin center, shows the panel (an extension page in an iframe) for that user.
 * Tiny on purpose: no UI framework, no messaging; the panel talks to the background itself.
 * The portal is a hash-routed SPA whose hashchange does not always fire, so WXT's location watcher drives it.
 */
import { createIframeUi, type IframeContentScriptUi } from '#imports';
import { getUserIdFromUrl } from '@/utils/entra-url';

const HOST_ID = 'entra-tap-panel-host';
const MAX_HEIGHT = 4000;

/** Inline and !important: the portal's global CSS includes rules like `iframe { display: none !important }`. */
function setImportant(element: HTMLElement, declarations: string): void {
  element.style.cssText = declarations.replaceAll(';', '!important;');
}

const WRAPPER_CSS =
  'display:block;position:fixed;top:56px;right:16px;left:auto;width:360px;height:160px;max-height:calc(100vh - 72px);' +
  'margin:0;padding:0;border:0;border-radius:8px;overflow:hidden;background:none;box-shadow:0 6px 24px #0004;' +
  'z-index:2147483000;visibility:visible;opacity:1;';
const IFRAME_CSS = 'display:block;width:100%;height:100%;border:0;visibility:visible;opacity:1;';

export default defineContentScript({
  matches: ['https://entra.microsoft.com/*', 'https://portal.azure.com/*'],
  main(ctx) {
    const extensionOrigin = new URL(browser.runtime.getURL('/')).origin;
    let ui: IframeContentScriptUi<void> | undefined;
    let shownFor: string | null = null;
    let closedFor: string | null = null;

    const remove = () => {
      ui?.remove();
      ui = undefined;
      shownFor = null;
    };

    // A new frame per user rather than a new src: no history entry in the portal's tab, and the old
    // frame (with any pass it showed) is destroyed, not navigated.
    const show = (userId: string) => {
      remove();
      const query = new URLSearchParams({ userRef: userId, context: 'portal', intent: 'status' });
      ui = createIframeUi(ctx, {
        page: `/panel.html?${query}` as '/panel.html',
        position: 'inline',
        anchor: 'body',
        onBeforeMount(wrapper, iframe) {
          wrapper.id = HOST_ID;
          iframe.title = 'Entra TAP panel';
          iframe.allow = 'clipboard-write';
          setImportant(wrapper, WRAPPER_CSS);
          setImportant(iframe, IFRAME_CSS);
        },
      });
      ui.mount();
      shownFor = userId;
    };

    const update = (url: URL | Location) => {
      const userId = getUserIdFromUrl(url);
      if (userId !== closedFor) closedFor = null;
      if (!userId || userId === closedFor) remove();
      else if (userId !== shownFor) show(userId);
    };

    ctx.addEventListener(window, 'message', (event: MessageEvent) => {
      if (!ui || event.source !== ui.iframe.contentWindow || event.origin !== extensionOrigin) return;
      const { type, height } = (event.data ?? {}) as { type?: unknown; height?: unknown };
      if (type === 'entra-tap:close') {
        closedFor = shownFor;
        remove();
      } else if (type === 'entra-tap:resize' && typeof height === 'number' && height >= 0 && height <= MAX_HEIGHT) {
        ui.wrapper.style.setProperty('height', `${Math.ceil(height)}px`, 'important');
      }
    });
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => update(newUrl));
    update(location);
  },
});
