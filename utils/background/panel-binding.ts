import { i18n } from '#i18n';
import { invalidPrincipalSentence } from '../context-menu/notice';
import { AppError } from '../graph/errors';
import type { PanelClaim } from '../messages';
import type { WindowContent } from '../panel-window';
import type { FrameBindings } from './frame-bindings';
import type { Caller } from './sender';

/** A panel the background recognised: the user it acts for, and the key its resolved user is kept under. */
export interface PanelBinding {
  key: string;
  claim: PanelClaim;
  /** The portal tab of a frame (loads are limited per tab); undefined for the background's own windows. */
  portalTabId?: number;
  /** The directory the portal URL named when the frame was introduced: the panel acts there or nowhere. */
  portalTenant?: string;
}

export const UNBOUND_MESSAGE = i18n.t('background.panel.unbound');

const unbound = () => new AppError({ kind: 'unbound', message: UNBOUND_MESSAGE });

export interface BindPanelDeps {
  frames: Pick<FrameBindings, 'claim'>;
  windowContent(windowId: number, tabId: number): Promise<WindowContent | null>;
}

/** The binding of a panel caller, or an "unbound" error: a panel acts only for the user the background gave it. */
export async function bindPanel(
  caller: Extract<Caller, { kind: 'panelFrame' | 'panelWindow' }>,
  ticket: string | undefined,
  deps: BindPanelDeps,
): Promise<PanelBinding> {
  if (caller.kind === 'panelFrame') {
    if (!ticket) throw unbound();
    const frame = await deps.frames.claim(ticket, caller);
    if (!frame) throw unbound();
    // intent and context never come from the frame: a portal panel opens on the status view, focused on nothing.
    const claim: PanelClaim = { kind: 'user', context: 'portal', mode: 'status', userRef: frame.userRef };
    return { key: `frame:${ticket}`, claim, portalTabId: caller.tabId, ...(frame.tenant && { portalTenant: frame.tenant }) };
  }
  if (ticket) throw unbound(); // windows have no ticket: a page that has one was framed
  const content = await deps.windowContent(caller.windowId, caller.tabId);
  if (!content) throw unbound();
  const claim: PanelClaim =
    'notice' in content
      ? { kind: 'notice', sentence: invalidPrincipalSentence(content.notice) }
      : { kind: 'user', context: 'window', ...content };
  return { key: `window:${caller.windowId}`, claim };
}

/** The bound user reference, or "unbound" for a notice window (it shows a sentence and may do nothing else). */
export function boundUserRef(binding: PanelBinding | undefined): string {
  if (binding?.claim.kind !== 'user') throw unbound();
  return binding.claim.userRef;
}
