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

export type HostToPanel = { type: 'visibility'; visible: boolean } | { type: 'theme'; theme: PortalTheme };

/**
 * ready: the background accepted the ticket (else the content script replaces the frame); close: the admin closed it;
 * attention: the pointer or the keyboard is in the panel (the host is then checked every frame, not every 250 ms).
 */
export type PanelToHost = { type: 'ready' } | { type: 'close' } | { type: 'attention'; active: boolean };

export function isFrameHello(data: unknown): data is FrameHello {
  const hello = data as Partial<FrameHello> | null;
  return !!hello && hello.type === FRAME_HELLO && typeof hello.nonce === 'string' && /^[A-Za-z0-9_-]{22,64}$/.test(hello.nonce);
}
