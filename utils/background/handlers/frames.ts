import type { HandlerContext } from '../handler-context';
import type { BackgroundServices } from '../services';

const tabOf = (ctx: HandlerContext): number => {
  if (ctx.caller.kind !== 'contentScript') throw new Error('Only the content script introduces frames.');
  return ctx.caller.tabId;
};

/**
 * The content script is mounting a frame for userRef on its tab: remember the frame's ticket, and start the user's
 * first view now, so it is under way while the panel page loads.
 */
export async function introduceFrame(
  req: { nonce: string; userRef: string },
  services: BackgroundServices,
  ctx: HandlerContext,
): Promise<{ introduced: true }> {
  const tabId = tabOf(ctx);
  services.panelLoads.prefetch(req.userRef, tabId); // first: the request leaves before anything is written
  await services.frames.introduce(tabId, req.nonce, req.userRef);
  return { introduced: true };
}

export async function releaseFrame(
  req: { nonce: string },
  services: BackgroundServices,
  ctx: HandlerContext,
): Promise<{ released: true }> {
  await services.frames.release(tabOf(ctx), req.nonce);
  return { released: true };
}
