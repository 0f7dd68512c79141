import { createIssueGuard, type GuardState } from '@/utils/background/issue-guard';
import type { BackgroundServices } from '@/utils/background/services';
import type { GraphClient } from '@/utils/graph/client';
import type { PolicyView } from '@/utils/messages';

export function memoryItem<T>(initial: T | null = null) {
  const item = {
    value: initial,
    getValue: async () => item.value,
    setValue: async (v: T | null) => {
      item.value = v;
    },
  };
  return item;
}

export function fakeServices(graph: GraphClient, over: Partial<BackgroundServices> = {}) {
  const policyStore = memoryItem<PolicyView>();
  const guardStore = memoryItem<GuardState>();
  const logs: string[] = [];
  const services: BackgroundServices = {
    broker: {
      getToken: async () => ({ accessToken: 't', scopes: [], account: fakeAccount, expiresAt: Date.now() + 3_600_000 }),
      signIn: async () => fakeAccount,
      signOut: async () => {},
      account: async () => fakeAccount,
      settings: async () => ({ clientId: '0e6c7f4a-8d5b-4c1e-9f3a-2b7d6e5c4a31', tenantId: 'contoso.onmicrosoft.com' }),
    },
    graph,
    policyStore,
    guard: createIssueGuard(guardStore),
    openPanelWindow: async () => ({ windowId: 7 }),
    isOnline: () => true,
    now: () => Date.parse('2025-06-01T10:00:00Z'),
    log: (m) => logs.push(m),
    ...over,
  };
  return { services, policyStore, guardStore, logs };
}

export const fakeAccount = {
  homeAccountId: 'h',
  environment: 'login.microsoftonline.com',
  tenantId: '6b1a4ee4-3c35-4e8a-9a3d-0d1e5b2f7a10',
  username: 'AlexW@contoso.onmicrosoft.com',
  localAccountId: '11111111-0000-4000-8000-000000000003',
  name: 'Alex Wilber',
};
