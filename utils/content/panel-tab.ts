import type { PortalTheme } from '../frame-protocol';
import { important, RIGHT, TOP } from './host-geometry';

export const TAB_TAG = 'entra-tap-tab';
export const SHORTCUT_HINT = 'Alt+Shift+P';

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

/** The collapsed panel: one button at the panel's corner that brings it back. */
export function createPanelTab(theme: PortalTheme, onExpand: () => void): PanelTab {
  const host = document.createElement(TAB_TAG);
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = TAB_STYLE;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Entra TAP';
  button.setAttribute('aria-label', `Show the Temporary Access Pass panel (${SHORTCUT_HINT})`);
  button.title = `Show the Temporary Access Pass panel (${SHORTCUT_HINT})`;
  button.addEventListener('click', onExpand);
  root.append(style, button);
  const apply = (next: PortalTheme) => {
    host.style.cssText = TAB_HOST_CSS;
    host.setAttribute('data-theme', next);
  };
  apply(theme);
  document.documentElement.append(host);
  return {
    focus: () => button.focus(),
    setTheme: apply,
    remove: () => host.remove(),
  };
}
