import { vi } from 'vitest';
import type { HostAccessApi, HostAccessManifest } from '@/utils/ui/host-access';

export const ENTRA = 'https://entra.microsoft.com/*';
export const AZURE = 'https://portal.azure.com/*';
export const GRAPH = 'https://graph.microsoft.com/*';
export const LOGIN = 'https://login.microsoftonline.com/*';

/** The production manifest's shape: portal hosts in the content script, Graph and login in host_permissions. */
export const MANIFEST: HostAccessManifest = {
  content_scripts: [{ matches: [ENTRA, AZURE] }],
  host_permissions: [GRAPH, LOGIN],
};

type Answer = 'grant' | 'refuse' | 'throw';

/** browser.permissions as a user with a settings page would see it: grants, refusals, and changes made elsewhere. */
export function fakeHostAccess(granted: string[] = [ENTRA, AZURE, GRAPH, LOGIN], manifest = MANIFEST) {
  const origins = new Set(granted);
  const added = new Set<() => void>();
  const removed = new Set<() => void>();
  let answer: Answer = 'grant';
  const api: HostAccessApi = {
    getManifest: () => manifest,
    contains: vi.fn(async (asked: { origins: string[] }) => asked.origins.every((origin) => origins.has(origin))),
    request: vi.fn((asked: { origins: string[] }) => {
      if (answer === 'throw')
        return Promise.reject(new Error('permissions.request may only be called from a user input handler'));
      if (answer === 'refuse') return Promise.resolve(false);
      for (const origin of asked.origins) origins.add(origin);
      for (const listener of added) listener();
      return Promise.resolve(true);
    }),
    onAdded: { addListener: (listener) => added.add(listener), removeListener: (listener) => added.delete(listener) },
    onRemoved: { addListener: (listener) => removed.add(listener), removeListener: (listener) => removed.delete(listener) },
  };
  return {
    api,
    answer(next: Answer) {
      answer = next;
    },
    /** As about:addons or the extensions menu would. */
    revoke(...taken: string[]) {
      for (const origin of taken) origins.delete(origin);
      for (const listener of removed) listener();
    },
    grant(...given: string[]) {
      for (const origin of given) origins.add(origin);
      for (const listener of added) listener();
    },
    listeners: () => added.size + removed.size,
  };
}
