import type { PanelMode } from '../../messages';
import type { HandlerContext } from '../handler-context';
import { boundUserRef } from '../panel-binding';
import type { BackgroundServices } from '../services';

export const openPanelWindow = (req: { userRef: string; mode: PanelMode }, services: BackgroundServices) =>
  services.openPanelWindow({ userRef: req.userRef, mode: req.mode });

/** The bound user's panel in a window (status view): for a portal panel the page keeps covered or filtered. */
export const openInWindow = (_req: unknown, services: BackgroundServices, ctx: HandlerContext) =>
  services.openPanelWindow({ userRef: boundUserRef(ctx.binding), mode: 'status' });
