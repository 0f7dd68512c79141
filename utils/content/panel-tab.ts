import type { PortalTheme } from '../frame-protocol';
import { PANEL_SHORTCUT } from '../shortcut';
import { important, RIGHT, TOP } from './host-geometry';
import { contentWord, EXTENSION_NAME } from './words';

export const TAB_TAG = 'entra-tap-tab';

const TAB_HOST_CSS = important(`all:initial;display:block;position:fixed;top:${TOP}px;right:${RIGHT}px;z-index:2147483000;`);

/** Inside the closed root, out of the page's reach; system colours under forced colours. */
const TAB_STYLE = `
button { all: initial; box-sizing: border-box; display: inline-flex; align-items: center; gap: 6px; min-height: 32px;
  padding: 4px 12px; border-radius: 16px; cursor: pointer; font: 600 14px/20px "Segoe UI", system-ui, sans-serif;
  box-shadow: 0 2px 8px #0004; border: 1px solid transparent; }
:host([data-theme="light"]) button { background: #0f6cbd; color: #fff; }
:host([data-theme="dark"]) button { background: #115ea3; color: #fff; }
:host([data-theme="highContrastDark"]) button { background: #000; color: #ff0; border-color: #fff; }
:host([data-theme="highContrastLight"]) button { background: #fff; color: #000; border-color: #000; }
button:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }
@media (forced-colors: active) { button { background: ButtonFace; color: ButtonText; border-color: ButtonText; } }
`;

export interface PanelTab {
  focus(): void;
  setTheme(theme: PortalTheme): void;
  remove(): void;
}

/**
 * Whether a pointer click could have been meant for the tab: it is where we put it, drawn, and on top. The page can
 * restyle or cover the host (not its closed root); a faded, moved or covered tab doesn't act on a click.
 */
function visibleInPlace(host: HTMLElement): boolean {
  const style = getComputedStyle(host);
  if (style.visibility !== 'visible' || Number(style.opacity) < 1 || style.display === 'none') return false;
  const box = host.getBoundingClientRect();
  if (box.width < 8 || box.height < 8) return false;
  const atCentre = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return atCentre === host;
}

/**
 * The collapsed panel: one button at the panel's corner that brings it back. Guarded like the panel's host: its style
 * is put back when the page changes it, and it is put back in the document when the page removes it. `onExpand` is
 * told whether the keyboard asked: only then does focus move into the panel (a click keeps the pointer's place).
 */
export function createPanelTab(theme: PortalTheme, onExpand: (fromKeyboard: boolean) => void): PanelTab {
  const host = document.createElement(TAB_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = TAB_STYLE;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = EXTENSION_NAME;
  const label = contentWord('panel_tab_show', PANEL_SHORTCUT);
  button.setAttribute('aria-label', label);
  button.title = label;
  button.lang = contentWord('common_languageTag'); // its label's language, which may not be the portal page's
  button.addEventListener('click', (event) => {
    const fromKeyboard = event.detail === 0;
    if (!fromKeyboard && !visibleInPlace(host)) return;
    onExpand(fromKeyboard);
  });
  root.append(style, button);
  let current = theme;
  let removed = false;
  const apply = (next: PortalTheme) => {
    current = next;
    if (host.style.cssText !== TAB_HOST_CSS) host.style.cssText = TAB_HOST_CSS;
    if (host.getAttribute('data-theme') !== next) host.setAttribute('data-theme', next);
  };
  apply(theme);
  document.documentElement.append(host);
  const guard = new MutationObserver(() => {
    if (removed) return;
    if (!host.isConnected) document.documentElement.append(host);
    apply(current);
    for (const name of host.getAttributeNames()) if (name !== 'style' && name !== 'data-theme') host.removeAttribute(name);
  });
  guard.observe(host, { attributes: true });
  guard.observe(document.documentElement, { childList: true });
  return {
    focus: () => button.focus(),
    setTheme: apply,
    remove: () => {
      removed = true;
      guard.disconnect();
      host.remove();
    },
  };
}
