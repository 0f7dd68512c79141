import { describe, expect, it, vi } from 'vitest';
import { type BindingState, createFrameBindings, FRAME_TICKET_TTL_MS } from '@/utils/background/frame-bindings';
import { memoryItem } from './services-fake';

const USER = '22222222-0000-4000-8000-000000000001';
const TICKET = 'q8Zb7c1Xy0-_aaaaaaaaaaaaaaaaaaaaaaaaaaaa';

describe('frame bindings', () => {
  it('the first frame of the tab to present a ticket owns it; its document too', async () => {
    const frames = createFrameBindings(memoryItem<BindingState>());
    await frames.introduce(5, TICKET, USER);
    expect(await frames.claim(TICKET, { tabId: 6, frameId: 1 })).toBeNull();
    expect(await frames.claim(TICKET, { tabId: 5, frameId: 1, documentId: 'a' })).toMatchObject({ userRef: USER });
    expect(await frames.claim(TICKET, { tabId: 5, frameId: 1, documentId: 'a' })).toMatchObject({ userRef: USER });
    expect(await frames.claim(TICKET, { tabId: 5, frameId: 1, documentId: 'b' })).toBeNull(); // the frame navigated
    expect(await frames.claim(TICKET, { tabId: 5, frameId: 2, documentId: 'a' })).toBeNull();
  });

  it('a release, a new introduction in the tab, a closed tab and age all end a ticket', async () => {
    let now = 0;
    const frames = createFrameBindings(memoryItem<BindingState>(), () => now);
    await frames.introduce(5, TICKET, USER);
    await frames.release(6, TICKET); // not its tab: no effect
    expect(await frames.claim(TICKET, { tabId: 5, frameId: 1 })).not.toBeNull();
    await frames.release(5, TICKET);
    expect(await frames.claim(TICKET, { tabId: 5, frameId: 1 })).toBeNull();

    await frames.introduce(5, TICKET, USER);
    await frames.introduce(5, 'n'.repeat(32), USER);
    expect(await frames.claim(TICKET, { tabId: 5, frameId: 1 })).toBeNull();

    await frames.introduce(7, TICKET, USER);
    await frames.forgetTab(7);
    expect(await frames.claim(TICKET, { tabId: 7, frameId: 1 })).toBeNull();

    await frames.introduce(8, TICKET, USER);
    now += FRAME_TICKET_TTL_MS + 1;
    expect(await frames.claim(TICKET, { tabId: 8, frameId: 1 })).toBeNull();
  });

  it('survives a worker restart through storage.session, and never answers for Object.prototype keys', async () => {
    const store = memoryItem<BindingState>();
    const before = createFrameBindings(store);
    await before.introduce(5, TICKET, USER);
    await before.setResolved(`frame:${TICKET}`, USER.toUpperCase());
    await vi.waitFor(() => expect(store.value?.resolved[`frame:${TICKET}`]).toBeDefined());
    const after = createFrameBindings(store);
    expect(await after.claim(TICKET, { tabId: 5, frameId: 1 })).toMatchObject({ userRef: USER });
    expect(await after.resolved(`frame:${TICKET}`)).toBe(USER);
    expect(await after.claim('constructor', { tabId: 5, frameId: 1 })).toBeNull();
    expect(await after.resolved('constructor')).toBeNull();
    await after.forgetResolved();
    expect(await after.resolved(`frame:${TICKET}`)).toBeNull();
  });
});
