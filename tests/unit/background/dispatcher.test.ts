import { describe, expect, it } from 'vitest';
import { createDispatcher } from '@/utils/background/dispatcher';
import { clientFor, createFakeGraph } from '../graph/fake-graph';
import { fakeServices } from './services-fake';

const SELF = { id: 'ext', pagesBaseUrl: 'chrome-extension://ext/' };
const POPUP = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
const TICKET = 'q8Zb7c1Xy0-_aaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const USER = '22222222-0000-4000-8000-000000000001';
const PORTAL = `https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/${USER}`;

describe('dispatcher', () => {
  const { services } = fakeServices(clientFor(createFakeGraph([]).fetch));
  const dispatch = createDispatcher(services, SELF);

  it('answers a Reply for its own pages', async () => {
    await expect(dispatch({ type: 'getSession' }, POPUP)).resolves.toMatchObject({
      ok: true,
      data: {
        configured: true,
        signedIn: true,
        username: 'AlexW@contoso.onmicrosoft.com',
        tenantId: '6b1a4ee4-3c35-4e8a-9a3d-0d1e5b2f7a10',
        tenantDomain: 'contoso.onmicrosoft.com',
        configuredTenant: 'contoso.onmicrosoft.com',
      },
    });
  });

  it('answers forbidden (never throws) for the content script asking for data, and invalidInput for bad shapes', async () => {
    const script = { id: 'ext', url: PORTAL, tab: { id: 5 }, frameId: 0 };
    await expect(dispatch({ type: 'getSession' }, script)).resolves.toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    await expect(dispatch({ type: 'openPanelWindow', userRef: 'x', mode: 'status' }, POPUP)).resolves.toMatchObject({
      ok: false,
      error: { kind: 'invalidInput' },
    });
  });

  it('binds a frame to the ticket its content script introduced: its tab and the first frame to present it', async () => {
    const script = { id: 'ext', url: PORTAL, tab: { id: 5 }, frameId: 0 };
    const frame = (tabId: number, frameId: number) => ({
      id: 'ext',
      url: 'chrome-extension://ext/panel.html',
      tab: { id: tabId, windowId: 1 },
      frameId,
      documentId: `doc-${frameId}`,
    });
    await expect(dispatch({ type: 'introduceFrame', nonce: TICKET, userRef: USER }, script)).resolves.toMatchObject({ ok: true });
    // Another tab, then the right tab without the ticket: refused.
    await expect(dispatch({ type: 'claimPanel', ticket: TICKET }, frame(6, 3))).resolves.toMatchObject({
      ok: false,
      error: { kind: 'unbound' },
    });
    await expect(dispatch({ type: 'claimPanel' }, frame(5, 3))).resolves.toMatchObject({ ok: false, error: { kind: 'unbound' } });
    // The first frame of the tab with the ticket owns it; portal panels are always in status mode.
    await expect(dispatch({ type: 'claimPanel', ticket: TICKET }, frame(5, 3))).resolves.toEqual({
      ok: true,
      data: { kind: 'user', context: 'portal', mode: 'status', userRef: USER },
    });
    // Another frame of the same tab (a page's own frame that somehow learnt the ticket) is refused.
    await expect(dispatch({ type: 'claimPanel', ticket: TICKET }, frame(5, 4))).resolves.toMatchObject({
      ok: false,
      error: { kind: 'unbound' },
    });
    // A new introduction in the tab ends the old ticket.
    const next = 'z'.repeat(32);
    await dispatch({ type: 'introduceFrame', nonce: next, userRef: USER }, script);
    await expect(dispatch({ type: 'claimPanel', ticket: TICKET }, frame(5, 3))).resolves.toMatchObject({
      ok: false,
      error: { kind: 'unbound' },
    });
  });

  it('refuses a panel.html in a tab the background did not open', async () => {
    const stray = { id: 'ext', url: 'chrome-extension://ext/panel.html', tab: { id: 9, windowId: 90 }, frameId: 0 };
    await expect(dispatch({ type: 'claimPanel' }, stray)).resolves.toMatchObject({ ok: false, error: { kind: 'unbound' } });
    await expect(dispatch({ type: 'getPanelState' }, stray)).resolves.toMatchObject({ ok: false, error: { kind: 'unbound' } });
  });

  it('leaves unknown message types to other listeners', () => {
    expect(dispatch({ type: 'notOurs' }, POPUP)).toBeUndefined();
  });

  it('turns handler failures into ErrorInfo', async () => {
    const { services: failing } = fakeServices(clientFor(createFakeGraph([]).fetch), {
      openPanelWindow: async () => {
        throw new Error('boom');
      },
    });
    const reply = await createDispatcher(failing, SELF)(
      { type: 'openPanelWindow', userRef: 'AdeleV@contoso.onmicrosoft.com', mode: 'status' },
      POPUP,
    );
    expect(reply).toMatchObject({ ok: false, error: { kind: 'unknown' } });
  });
});
