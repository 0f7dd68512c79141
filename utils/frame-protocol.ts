/**
 * Between the content script and the panel frame it mounts: one hello, posted to the extension origin only, that hands
 * the frame its ticket and a private MessageChannel port. Everything after goes over that port, never
 * window.postMessage, so nothing the panel does (its height, closing) is visible to the portal page's scripts.
 */
export const FRAME_HELLO = 'entra-tap:hello';

export interface FrameHello {
  type: typeof FRAME_HELLO;
  /** The ticket the content script introduced to the background for this frame. */
  nonce: string;
}

/** The portal's theme as the content script reads it from the shell. */
export type PortalTheme = 'light' | 'dark' | 'highContrastDark' | 'highContrastLight';

/** focus: the admin asked for the panel (the shortcut): it puts the keyboard on its heading. */
export type HostToPanel = { type: 'visibility'; visible: boolean } | { type: 'theme'; theme: PortalTheme } | { type: 'focus' };

/**
 * ready: the background accepted the ticket (else the content script replaces the frame); close: hide it for this
 * user; collapse: fold it to the tab for every user; attention: the pointer or the keyboard is in the panel (the host
 * is then checked every frame, not every 250 ms).
 */
export type PanelToHost = { type: 'ready' } | { type: 'close' } | { type: 'collapse' } | { type: 'attention'; active: boolean };

/** Background → content script: the toggle-panel command (the shortcut) was pressed in this tab. */
export const TOGGLE_PANEL = 'entra-tap:toggle-panel';

export function isFrameHello(data: unknown): data is FrameHello {
  const hello = data as Partial<FrameHello> | null;
  return !!hello && hello.type === FRAME_HELLO && typeof hello.nonce === 'string' && /^[A-Za-z0-9_-]{22,64}$/.test(hello.nonce);
}
