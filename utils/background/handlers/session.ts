import type { AccountInfo } from '@azure/msal-browser';
import { i18n } from '#i18n';
import { SIGN_IN_SCOPES } from '../../auth/scopes';
import { AppError } from '../../graph/errors';
import { mayEnablePolicy } from '../../managed-config';
import type { SessionInfo } from '../../messages';
import type { HandlerContext } from '../handler-context';
import { mayActIn, notAllowedSentence, signedInTenant } from '../panel-tenant';
import type { BackgroundServices } from '../services';

export async function sessionInfo(services: BackgroundServices, account?: AccountInfo | null): Promise<SessionInfo> {
  const settings = await services.broker.settings();
  const configured = !!settings?.clientId && !!settings.tenantId;
  const who = account === undefined ? await services.broker.account() : account;
  const tenantId = who?.tenantId?.toLowerCase() ?? null;
  // The domain is shown beside the account's tenant only once it is known to name that same directory.
  const verified = tenantId !== null && (await services.broker.knownTenantId()) === tenantId;
  const enableAllowed = mayEnablePolicy(await services.organisation().catch(() => ({})));
  const acting = configured ? await services.broker.actingTenant() : null;
  const switched = acting && acting.toLowerCase() !== settings?.tenantId?.toLowerCase() ? acting : null;
  const switchedName = switched && who ? (await signedInTenant(services))?.name : null;
  return {
    configured,
    signedIn: configured && !!who,
    username: who?.username ?? null,
    displayName: who?.name ?? null,
    tenantId,
    tenantDomain: switched
      ? switchedName && switchedName !== tenantId
        ? switchedName
        : null
      : verified && settings?.tenantId !== tenantId
        ? (settings?.tenantId ?? null)
        : null,
    configuredTenant: settings?.tenantId ?? null,
    ...(switched && { actingTenant: switched }),
    // The popup offers "Turn on" only if the organisation allows it (the enablePolicy handler checks again).
    ...(!enableAllowed && { enablePolicyAllowed: false as const }),
    ...(settings?.cloud && { cloud: settings.cloud }),
  };
}

export const getSession = (_req: Record<never, never>, services: BackgroundServices) => sessionInfo(services);

/** Nothing read for one admin is shown to, or acted on for, the next. */
export async function forgetAdmin(services: BackgroundServices): Promise<void> {
  services.panelLoads.clear();
  services.bulk.shared.clear();
  await services.frames.forgetResolved();
  await services.guard.clear();
}

/** Interactive sign-in; runs to the end in the background even if the page that asked closes. */
export async function signIn(_req: unknown, services: BackgroundServices): Promise<SessionInfo> {
  const before = await services.broker.account();
  const account = await services.broker.signIn(SIGN_IN_SCOPES);
  if (before?.homeAccountId !== account.homeAccountId) await forgetAdmin(services);
  return sessionInfo(services, account);
}

/**
 * Signs in to another directory with the same account (a click: silent first, then a window) and acts there from now
 * on. A portal frame switches to the tenant its URL named; a page (the popup) to a tenant it names. Whatever was read
 * in the directory before is forgotten: policy, views, resolved users.
 */
export async function switchTenant(
  req: { tenant?: string },
  services: BackgroundServices,
  ctx: HandlerContext,
): Promise<SessionInfo> {
  const tenant = ctx.binding ? ctx.binding.portalTenant : req.tenant;
  if (!tenant) {
    throw new AppError({ kind: 'invalidInput', message: i18n.t('background.tenant.noOtherDirectory') });
  }
  if (!(await mayActIn(tenant, services))) {
    throw new AppError({ kind: 'wrongTenant', message: notAllowedSentence(tenant), code: 'tenantNotAllowed' });
  }
  const account = await services.broker.switchTenant(tenant, SIGN_IN_SCOPES, { interactive: true });
  await services.policyStore.setValue(null);
  await forgetAdmin(services);
  return sessionInfo(services, account);
}

export async function signOut(_req: Record<never, never>, services: BackgroundServices): Promise<SessionInfo> {
  await services.broker.signOut();
  await services.policyStore.setValue(null);
  await forgetAdmin(services);
  return sessionInfo(services, null);
}
