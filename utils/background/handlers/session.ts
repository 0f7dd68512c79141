import type { AccountInfo } from '@azure/msal-browser';
import { SIGN_IN_SCOPES } from '../../auth/scopes';
import { mayEnablePolicy } from '../../managed-config';
import type { SessionInfo } from '../../messages';
import type { BackgroundServices } from '../services';

async function sessionInfo(services: BackgroundServices, account?: AccountInfo | null): Promise<SessionInfo> {
  const settings = await services.broker.settings();
  const configured = !!settings?.clientId && !!settings.tenantId;
  const who = account === undefined ? await services.broker.account() : account;
  const tenantId = who?.tenantId?.toLowerCase() ?? null;
  // The domain is shown beside the account's tenant only once it is known to name that same directory.
  const verified = tenantId !== null && (await services.broker.knownTenantId()) === tenantId;
  const enableAllowed = mayEnablePolicy(await services.organisation().catch(() => ({})));
  return {
    configured,
    signedIn: configured && !!who,
    username: who?.username ?? null,
    displayName: who?.name ?? null,
    tenantId,
    tenantDomain: verified && settings?.tenantId !== tenantId ? (settings?.tenantId ?? null) : null,
    configuredTenant: settings?.tenantId ?? null,
    // The popup offers "Turn on" only if the organisation allows it (the enablePolicy handler checks again).
    ...(!enableAllowed && { enablePolicyAllowed: false as const }),
  };
}

export const getSession = (_req: Record<never, never>, services: BackgroundServices) => sessionInfo(services);

/** Nothing read for one admin is shown to, or acted on for, the next. */
export async function forgetAdmin(services: BackgroundServices): Promise<void> {
  services.panelLoads.clear();
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

export async function signOut(_req: Record<never, never>, services: BackgroundServices): Promise<SessionInfo> {
  await services.broker.signOut();
  await services.policyStore.setValue(null);
  await forgetAdmin(services);
  return sessionInfo(services, null);
}
