import { createSessionState, newest, type StateStore } from './session-state';

/**
 * A portal frame the content script introduced: which tab it lives in and which user it is for. The nonce is its
 * ticket; the first frame of that tab to present it owns it (its frame id and, in Chromium, its document id).
 */
export interface FrameRecord {
  tabId: number;
  userRef: string;
  /** The directory the portal URL named (GUID or domain, lower case); absent when it named none. */
  tenant?: string;
  createdAt: number;
  frameId?: number;
  documentId?: string;
}

/** storage.session: nonces (never readable by content scripts or pages' scripts) and who each binding resolved to. */
export interface BindingState {
  frames: Record<string, FrameRecord>;
  /** binding key -> the object id Graph resolved its userRef to. */
  resolved: Record<string, { userId: string; at: number }>;
}

export type BindingStore = StateStore<BindingState>;

/** A page that keeps a tab open all day still re-introduces its frame on every user page; older tickets expire. */
export const FRAME_TICKET_TTL_MS = 12 * 60 * 60_000;
const MAX_FRAMES = 100;
const MAX_RESOLVED = 200;

export interface FrameClaimant {
  tabId: number;
  frameId: number;
  documentId?: string;
}

export function createFrameBindings(store: BindingStore, now: () => number = Date.now) {
  const { read, update } = createSessionState<BindingState>(
    store,
    () => ({ frames: {}, resolved: {} }),
    (state) => {
      state.frames = newest(state.frames, MAX_FRAMES, (f) => f.createdAt);
      state.resolved = newest(state.resolved, MAX_RESOLVED, (r) => r.at);
    },
  );
  const own = <T>(record: Record<string, T>, key: string): T | undefined =>
    Object.hasOwn(record, key) ? record[key] : undefined;

  return {
    /** A tab shows one panel at a time: a new introduction ends the tab's earlier tickets. */
    introduce(tabId: number, nonce: string, userRef: string, tenant?: string): Promise<void> {
      return update((state) => {
        for (const [key, frame] of Object.entries(state.frames)) {
          if (frame.tabId === tabId) {
            delete state.frames[key];
            delete state.resolved[`frame:${key}`];
          }
        }
        state.frames[nonce] = { tabId, userRef, ...(tenant && { tenant }), createdAt: now() };
      });
    },
    release(tabId: number, nonce: string): Promise<void> {
      return update((state) => {
        if (own(state.frames, nonce)?.tabId !== tabId) return;
        delete state.frames[nonce];
        delete state.resolved[`frame:${nonce}`];
      });
    },
    forgetTab(tabId: number): Promise<void> {
      return update((state) => {
        for (const [key, frame] of Object.entries(state.frames)) {
          if (frame.tabId === tabId) delete state.frames[key];
        }
      });
    },
    /** The record when the claimant may use this ticket (binding it on first use), else null. */
    async claim(nonce: string, claimant: FrameClaimant): Promise<FrameRecord | null> {
      const frame = own((await read()).frames, nonce);
      if (!frame || frame.tabId !== claimant.tabId || now() - frame.createdAt > FRAME_TICKET_TTL_MS) return null;
      if (frame.frameId === undefined) {
        await update(() => {
          frame.frameId = claimant.frameId;
          frame.documentId = claimant.documentId;
        });
        return frame;
      }
      const sameFrame = frame.frameId === claimant.frameId;
      const sameDocument = frame.documentId === undefined || frame.documentId === claimant.documentId;
      return sameFrame && sameDocument ? frame : null;
    },
    setResolved(key: string, userId: string): Promise<void> {
      return update((state) => {
        state.resolved[key] = { userId: userId.toLowerCase(), at: now() };
      });
    },
    async resolved(key: string): Promise<string | null> {
      return own((await read()).resolved, key)?.userId ?? null;
    },
    /** Sign-out or another app registration: who each binding resolved to must be looked up again. */
    forgetResolved(): Promise<void> {
      return update((state) => {
        state.resolved = {};
      });
    },
  };
}

export type FrameBindings = ReturnType<typeof createFrameBindings>;
