import { i18n } from '#i18n';
import { AppError } from '../graph/errors';
import { boundUserRef, type PanelBinding } from './panel-binding';
import type { Caller } from './sender';
import type { BackgroundServices } from './services';

/** Who asked, and for panels the binding the dispatcher resolved before the handler runs. */
export interface HandlerContext {
  caller: Caller;
  binding?: PanelBinding;
}

const notResolved = new AppError({
  kind: 'invalidInput',
  message: i18n.t('background.panel.notLookedUp'),
});

/**
 * The object id a panel may act on: the user its binding resolved to through Graph. A userId in the request that isn't
 * that one (another user, or none resolved yet) is refused before anything reaches Graph.
 */
export async function boundUserId(ctx: HandlerContext, services: BackgroundServices, requested: string): Promise<string> {
  boundUserRef(ctx.binding);
  const resolved = ctx.binding ? await services.frames.resolved(ctx.binding.key) : null;
  if (!resolved || resolved !== requested.toLowerCase()) throw notResolved;
  return resolved;
}
