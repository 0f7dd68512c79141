import { type BindingState, createFrameBindings } from '@/utils/background/frame-bindings';
import type { HandlerContext } from '@/utils/background/handler-context';
import { createIssueGuard, type GuardState } from '@/utils/background/issue-guard';
import { createPanelLoads } from '@/utils/background/panel-loads';
import type { Caller } from '@/utils/background/sender';
import type { BackgroundServices } from '@/utils/background/services';
import { createBulkServices } from '@/utils/bulk-background/bulk-services';
import type { GraphClient } from '@/utils/graph/client';
import { loadPanelState } from '@/utils/graph/panel-state';
import { createHistory } from '@/utils/history/history';
import { DEFAULT_HISTORY_SETTINGS, type HistoryEntry, type HistorySettings } from '@/utils/history/types';
import type { PolicyView } from '@/utils/messages';
import type { WindowContent } from '@/utils/panel-window';

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

/** OpenID discovery as the fake knows it: Contoso (the signed-in directory) and Fabrikam. */
export const TENANT_IDS: Record<string, string> = {
  'contoso.onmicrosoft.com': '6b1a4ee4-3c35-4e8a-9a3d-0d1e5b2f7a10',
  '6b1a4ee4-3c35-4e8a-9a3d-0d1e5b2f7a10': '6b1a4ee4-3c35-4e8a-9a3d-0d1e5b2f7a10',
  'fabrikam.onmicrosoft.com': '7c2b5ff5-4d46-4f9b-8b4e-1e2f6c3a8b21',
  '7c2b5ff5-4d46-4f9b-8b4e-1e2f6c3a8b21': '7c2b5ff5-4d46-4f9b-8b4e-1e2f6c3a8b21',
};

export const ALEX_ID = '11111111-0000-4000-8000-000000000003';

export function fakeServices(graph: GraphClient, over: Partial<BackgroundServices> = {}) {
  const policyStore = memoryItem<PolicyView>();
  const guardStore = memoryItem<GuardState>();
  const bindingStore = memoryItem<BindingState>();
  const historyStore = memoryItem<HistoryEntry[]>([]);
  const historySettings: HistorySettings = { ...DEFAULT_HISTORY_SETTINGS };
  let historyIds = 0;
  const windows = new Map<number, WindowContent>();
  const clipboardWatches: { digest: string; when: 'later' | 'now' }[] = [];
  const logs: string[] = [];
  /** The waits between re-reads, in order (they return at once). */
  const waits: number[] = [];
  const now = () => Date.parse('2025-06-01T10:00:00Z');
  const services: BackgroundServices = {
    broker: {
      getToken: async () => ({ accessToken: 't', scopes: [], account: fakeAccount, expiresAt: Date.now() + 3_600_000 }),
      signIn: async () => fakeAccount,
      signOut: async () => {},
      account: async () => fakeAccount,
      settings: async () => ({ clientId: '0e6c7f4a-8d5b-4c1e-9f3a-2b7d6e5c4a31', tenantId: 'contoso.onmicrosoft.com' }),
      knownTenantId: async () => fakeAccount.tenantId,
      actingTenant: async () => 'contoso.onmicrosoft.com',
      switchTenant: async () => fakeAccount,
      resolveTenantId: async (tenant) => TENANT_IDS[tenant.toLowerCase()] ?? (await Promise.reject(new Error('AADSTS90002'))),
    },
    graph,
    policyStore,
    guard: createIssueGuard(guardStore),
    frames: createFrameBindings(bindingStore),
    panelLoads: createPanelLoads({
      load: (userRef) => loadPanelState(userRef, { client: graph, policyStore, adminId: ALEX_ID, now }),
    }),
    bulk: createBulkServices(over.now ?? now),
    history: createHistory({
      store: historyStore,
      settings: async () => historySettings,
      now,
      newId: () => `entry-${++historyIds}`,
    }),
    clipboard: {
      watch: async (digest, when) => {
        clipboardWatches.push({ digest, when });
        return { scheduled: true, afterSeconds: when === 'now' ? 0 : 60 };
      },
    },
    setup: {
      redirectUri: 'https://bjppmkdmnkjkahflgkhdahmcejhldfnh.chromiumapp.org/',
      probeAuthorize: async () => ({ kind: 'accepted' }),
    },
    openPanelWindow: async () => ({ windowId: 7 }),
    windowContent: async (windowId) => windows.get(windowId) ?? null,
    organisation: async () => ({}),
    isOnline: () => true,
    now,
    wait: async (ms) => {
      waits.push(ms);
    },
    log: (m) => logs.push(m),
    ...over,
  };
  return {
    services,
    policyStore,
    guardStore,
    bindingStore,
    historyStore,
    historySettings,
    windows,
    clipboardWatches,
    logs,
    waits,
  };
}

/** A panel window the background opened (id 7, tab 70) showing `userRef`, as a caller and its dispatcher context. */
export function windowCaller(windows: Map<number, WindowContent>, userRef: string, mode: 'issue' | 'status' = 'status') {
  windows.set(7, { userRef, mode });
  const caller: Caller = { kind: 'panelWindow', tabId: 70, windowId: 7 };
  return caller;
}

/** The context a handler sees for a bound window (for calling handlers directly). */
export async function boundContext(services: BackgroundServices, userRef: string, userId?: string): Promise<HandlerContext> {
  const key = 'window:7';
  if (userId) await services.frames.setResolved(key, userId);
  return {
    caller: { kind: 'panelWindow', tabId: 70, windowId: 7 },
    binding: { key, claim: { kind: 'user', context: 'window', mode: 'status', userRef } },
  };
}

export const fakeAccount = {
  homeAccountId: 'h',
  environment: 'login.microsoftonline.com',
  tenantId: '6b1a4ee4-3c35-4e8a-9a3d-0d1e5b2f7a10',
  username: 'AlexW@contoso.onmicrosoft.com',
  localAccountId: ALEX_ID,
  name: 'Alex Wilber',
};
