/**
 * Lets @azure/msal-browser 5.30.0 run in the MV3 background (see research/auth-in-mv3.md).
 * MSAL decides "browser or not" from `typeof window` when a PublicClientApplication is constructed, so this
 * must be installed before that, never at module top level (WXT imports entrypoints in Node at build time).
 * MSAL's sessionStorage becomes an in-memory object written through to storage.session under "msal.ss:":
 * it survives service-worker restarts, is cleared when the browser closes, and content scripts cannot read it.
 */
export const MSAL_STORAGE_PREFIX = 'msal.ss:';

export interface SessionArea {
  get(keys: null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const pendingWrites = new Set<Promise<unknown>>();
function track(write: Promise<unknown>): void {
  const settled = write.catch(() => undefined);
  pendingWrites.add(settled);
  void settled.finally(() => pendingWrites.delete(settled));
}

/** A Storage whose data are own enumerable properties (MSAL uses Object.keys and hasOwnProperty on it). */
export function createWriteThroughStorage(area: SessionArea, prefix = MSAL_STORAGE_PREFIX): Storage {
  const proto = {
    getItem(this: Record<string, string>, key: string): string | null {
      return Object.hasOwn(this, key) ? (this[key] ?? null) : null;
    },
    setItem(this: Record<string, string>, key: string, value: string): void {
      this[key] = String(value);
      track(area.set({ [prefix + key]: this[key] }));
    },
    removeItem(this: Record<string, string>, key: string): void {
      if (!Object.hasOwn(this, key)) return;
      delete this[key];
      track(area.remove(prefix + key));
    },
    clear(this: Record<string, string>): void {
      const keys = Object.keys(this);
      for (const key of keys) delete this[key];
      if (keys.length) track(area.remove(keys.map((k) => prefix + k)));
    },
    key(this: object, index: number): string | null {
      return Object.keys(this)[index] ?? null;
    },
    get length(): number {
      return Object.keys(this).length;
    },
  };
  return Object.create(proto) as Storage;
}

/** Loads what an earlier service-worker instance wrote. */
export async function hydrate(store: Storage, area: SessionArea, prefix = MSAL_STORAGE_PREFIX): Promise<void> {
  const all = await area.get(null);
  const target = store as unknown as Record<string, string>;
  for (const [key, value] of Object.entries(all)) {
    if (key.startsWith(prefix) && typeof value === 'string') target[key.slice(prefix.length)] = value;
  }
}

let installed: Promise<Storage> | undefined;

/** Idempotent; resolves with MSAL's storage once the persisted cache is loaded. */
export function installMsalShim(area: SessionArea): Promise<Storage> {
  if (installed) return installed;
  const g = globalThis as Record<string, unknown>;
  const store = createWriteThroughStorage(area);
  if (typeof g.window === 'undefined') {
    g.window = g;
    g.parent = g; // MSAL: isInIframe() is `window.parent !== window`
    g.sessionStorage = store;
    g.localStorage = store; // only probed by MSAL (an SSO hint); the cache itself is sessionStorage
    g.history = { replaceState() {} };
    g.document = {
      title: '',
      cookie: '',
      visibilityState: 'hidden',
      addEventListener() {},
      removeEventListener() {},
      createElement(tag: string) {
        throw new Error(`msal-shim: document.createElement('${tag}') in the background: MSAL tried a popup or iframe flow`);
      },
    };
  } else {
    // Firefox event page: a real window whose sessionStorage dies with the page.
    Object.defineProperty(g, 'sessionStorage', { value: store, configurable: true });
  }
  installed = hydrate(store, area).then(() => store);
  return installed;
}

/** Resolves when every MSAL cache write issued so far has reached storage.session. */
export async function flushMsalStorage(): Promise<void> {
  await Promise.all([...pendingWrites]);
}
