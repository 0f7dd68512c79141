import { i18n } from '#i18n';
import { cloudOf, isPortalHostOf } from '../../clouds';
import { AppError } from '../../graph/errors';
import type { HandlerContext } from '../handler-context';
import type { BackgroundServices } from '../services';

const callerOf = (ctx: HandlerContext) => {
  if (ctx.caller.kind !== 'contentScript') throw new Error('Only the content script introduces frames.');
  return ctx.caller;
};
const tabOf = (ctx: HandlerContext): number => callerOf(ctx).tabId;

/** The URL names the directory the account acts in now: its id, or the name it was switched to (or configured by). */
async function namesSignedInTenant(tenant: string, services: BackgroundServices): Promise<boolean> {
  const account = await services.broker.account().catch(() => null);
  const acting = await services.broker.actingTenant().catch(() => null);
  return tenant === account?.tenantId?.toLowerCase() || tenant === acting?.toLowerCase();
}

/**
 * The content script is mounting a frame for userRef on its tab: remember the frame's ticket, and start the user's
 * first view now, so it is under way while the panel page loads.
 */
export async function introduceFrame(
  req: { nonce: string; userRef: string; tenant?: string },
  services: BackgroundServices,
  ctx: HandlerContext,
): Promise<{ introduced: true }> {
  const { tabId, host } = callerOf(ctx);
  // A panel acts in the configured cloud, so it appears only in that cloud's admin centers: a worldwide page (its
  // scripts are the page's) never gets a panel that reads or issues in a US Government or China directory.
  const cloud = cloudOf(await services.broker.settings().catch(() => null));
  if (!isPortalHostOf(host, cloud)) {
    throw new AppError({
      kind: 'wrongTenant',
      message: i18n.t('background.tenant.otherCloud', { cloud: cloud.label, host }),
    });
  }
  // First: the request leaves before anything is written. A URL naming a directory only when it is plainly the one
  // signed in to (the same id or configured domain): another directory's user is never read in this one.
  if (!req.tenant || (await namesSignedInTenant(req.tenant, services))) services.panelLoads.prefetch(req.userRef, tabId);
  await services.frames.introduce(tabId, req.nonce, req.userRef, req.tenant);
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
