import type { AccountInfo } from '@azure/msal-browser';
import { SIGN_IN_SCOPES } from '../../auth/scopes';
import type { SessionInfo } from '../../messages';
import type { BackgroundServices } from '../services';

async function sessionInfo(services: BackgroundServices, account?: AccountInfo | null): Promise<SessionInfo> {
  const settings = await services.broker.settings();
  const configured = !!settings?.clientId && !!settings.tenantId;
  const who = account === undefined ? await services.broker.account() : account;
  return {
    configured,
    signedIn: configured && !!who,
    username: who?.username ?? null,
    displayName: who?.name ?? null,
    tenantId: who?.tenantId ?? null,
    configuredTenant: settings?.tenantId ?? null,
  };
}

export const getSession = (_req: Record<never, never>, services: BackgroundServices) => sessionInfo(services);

/** Interactive sign-in; runs to the end in the background even if the page that asked closes. */
export async function signIn(_req: Record<never, never>, services: BackgroundServices): Promise<SessionInfo> {
  const account = await services.broker.signIn(SIGN_IN_SCOPES);
  return sessionInfo(services, account);
}

export async function signOut(_req: Record<never, never>, services: BackgroundServices): Promise<SessionInfo> {
  await services.broker.signOut();
  await services.policyStore.setValue(null);
  await services.guard.clear();
  return sessionInfo(services, null);
}
