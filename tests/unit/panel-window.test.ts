import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  InvalidPrincipalError,
  openNoticeWindow,
  openPanelWindow,
  type PanelWindowBrowser,
  panelWindowContent,
  watchPanelWindows,
} from '@/utils/panel-window';

const api = fakeBrowser as unknown as PanelWindowBrowser;
const ADELE = 'AdeleV@contoso.onmicrosoft.com';
const GUEST = 'chris_fabrikam.com#EXT#@contoso.onmicrosoft.com';
const PANEL = 'chrome-extension://test-extension-id/panel.html';

/** A panel window's URL is the bare page: whom it shows lives in the background's table, never in a URL. */
const expectBare = (url: unknown) => expect(url).toBe(PANEL);

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('openPanelWindow', () => {
  it('refuses anything that is not a principal, with a typed error and no window', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    await expect(openPanelWindow({ userRef: '<script>x</script>', mode: 'issue' }, api)).rejects.toBeInstanceOf(
      InvalidPrincipalError,
    );
    await expect(openPanelWindow({ userRef: 'Аdele@contoso.onmicrosoft.com', mode: 'status' }, api)).rejects.toThrow(
      'not a user principal name or object ID',
    );
    expect(create).not.toHaveBeenCalled();
  });

  it('opens a focused 420×680 popup on the bare panel page; the table says whom it shows and in which mode', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    const { windowId } = await openPanelWindow({ userRef: ` "${GUEST}" `, mode: 'issue', link: 'a link' }, api);
    expect(create).toHaveBeenCalledTimes(1);
    const data = create.mock.calls[0]?.[0];
    expect(data).toMatchObject({ type: 'popup', width: 420, height: 680, focused: true });
    expectBare(data?.url);
    expect(await fakeBrowser.windows.get(windowId)).toMatchObject({ id: windowId, type: 'popup' });
    expect(await panelWindowContent(windowId, undefined, api)).toEqual({ userRef: GUEST, mode: 'issue', link: 'a link' });
    expect(await panelWindowContent(windowId + 1, undefined, api)).toBeNull();
  });

  it('knows a window only with its own tab', async () => {
    vi.spyOn(fakeBrowser.windows, 'create').mockResolvedValue({ id: 7, tabs: [{ id: 70 }] } as never);
    await openPanelWindow({ userRef: ADELE, mode: 'status' }, api);
    expect(await panelWindowContent(7, 70, api)).toEqual({ userRef: ADELE, mode: 'status' });
    expect(await panelWindowContent(7, 71, api)).toBeNull();
  });

  it('a notice window keeps its text in the table, not in its URL', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    const { windowId } = await openNoticeWindow('call me tomorrow', api);
    const data = create.mock.calls[0]?.[0];
    expect(data).toMatchObject({ type: 'popup', width: 420, height: 200, focused: true });
    expectBare(data?.url);
    expect(await panelWindowContent(windowId, undefined, api)).toEqual({ notice: 'call me tomorrow' });
  });

  it('keeps one window per principal, case-insensitively: a second call focuses it', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    const update = vi.spyOn(fakeBrowser.windows, 'update');
    const first = await openPanelWindow({ userRef: ADELE, mode: 'status' }, api);
    const second = await openPanelWindow({ userRef: ADELE.toUpperCase(), mode: 'status' }, api);
    expect(second.windowId).toBe(first.windowId);
    expect(create).toHaveBeenCalledTimes(1);
    expect(update).toHaveBeenCalledWith(first.windowId, { focused: true });
  });

  it('opens one window for two quick clicks on the same principal', async () => {
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    const [a, b] = await Promise.all([
      openPanelWindow({ userRef: ADELE, mode: 'issue' }, api),
      openPanelWindow({ userRef: `${ADELE}.`, mode: 'issue' }, api),
    ]);
    expect(a.windowId).toBe(b.windowId);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('opens separate windows for different principals; an object id is its own principal', async () => {
    const a = await openPanelWindow({ userRef: ADELE, mode: 'issue' }, api);
    const b = await openPanelWindow({ userRef: 'IslaO@contoso.onmicrosoft.com', mode: 'issue' }, api);
    const c = await openPanelWindow({ userRef: '22222222-0000-4000-8000-000000000001', mode: 'issue' }, api);
    expect(new Set([a.windowId, b.windowId, c.windowId]).size).toBe(3);
  });

  it('remembers windows in storage.session, so a restarted service worker still focuses them', async () => {
    const first = await openPanelWindow({ userRef: ADELE, mode: 'status' }, api);
    const stored = await fakeBrowser.storage.session.get('panelWindows');
    expect(stored.panelWindows).toEqual({
      [`upn:${ADELE.toLowerCase()}`]: { windowId: first.windowId, userRef: ADELE, mode: 'status' },
    });

    vi.resetModules();
    const restarted = await import('@/utils/panel-window');
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    expect(await restarted.openPanelWindow({ userRef: ADELE, mode: 'status' }, api)).toEqual(first);
    expect(create).not.toHaveBeenCalled();
  });

  it('forgets a window when it is closed, and opens a new one next time', async () => {
    watchPanelWindows(api);
    const first = await openPanelWindow({ userRef: ADELE, mode: 'status' }, api);
    const other = await openPanelWindow({ userRef: 'IslaO@contoso.onmicrosoft.com', mode: 'status' }, api);
    await fakeBrowser.windows.remove(first.windowId);
    await vi.waitFor(async () => {
      const stored = await fakeBrowser.storage.session.get('panelWindows');
      expect(Object.values(stored.panelWindows as object)).toEqual([
        { windowId: other.windowId, userRef: 'IslaO@contoso.onmicrosoft.com', mode: 'status' },
      ]);
    });
    const again = await openPanelWindow({ userRef: ADELE, mode: 'status' }, api);
    expect(again.windowId).not.toBe(first.windowId);
  });

  it('opens a new window when the remembered one is gone (closed while nothing listened)', async () => {
    const first = await openPanelWindow({ userRef: ADELE, mode: 'issue' }, api);
    await fakeBrowser.windows.remove(first.windowId);
    const update = vi.spyOn(fakeBrowser.windows, 'update').mockRejectedValueOnce(new Error('No window with id'));
    const again = await openPanelWindow({ userRef: ADELE, mode: 'issue' }, api);
    expect(update).toHaveBeenCalled();
    expect(again.windowId).not.toBe(first.windowId);
  });

  it('switches a status window to issue in place, and never reloads an issue window', async () => {
    vi.spyOn(fakeBrowser.windows, 'create').mockResolvedValue({ id: 7, tabs: [{ id: 70 }] } as never);
    const update = vi.spyOn(fakeBrowser.windows, 'update').mockResolvedValue({ id: 7 } as never);
    const tabsUpdate = vi.spyOn(fakeBrowser.tabs, 'update').mockResolvedValue({} as never);

    await openPanelWindow({ userRef: ADELE, mode: 'status' }, api);
    expect(await openPanelWindow({ userRef: ADELE, mode: 'issue' }, api)).toEqual({ windowId: 7 });
    expect(tabsUpdate).toHaveBeenCalledTimes(1);
    const [tabId, info] = tabsUpdate.mock.calls[0] as unknown as [number, { url: string }];
    expect(tabId).toBe(70);
    expectBare(info.url);
    expect(await panelWindowContent(7, 70, api)).toMatchObject({ mode: 'issue' });

    expect(await openPanelWindow({ userRef: ADELE, mode: 'status' }, api)).toEqual({ windowId: 7 });
    expect(await openPanelWindow({ userRef: ADELE, mode: 'issue' }, api)).toEqual({ windowId: 7 });
    expect(tabsUpdate).toHaveBeenCalledTimes(1);
    expect(update).toHaveBeenCalledTimes(3);
  });

  it('replaces a status window it cannot retarget with a new issue window', async () => {
    const remove = vi.spyOn(fakeBrowser.windows, 'remove');
    const first = await openPanelWindow({ userRef: ADELE, mode: 'status' }, api);
    const create = vi.spyOn(fakeBrowser.windows, 'create');
    const again = await openPanelWindow({ userRef: ADELE, mode: 'issue' }, api);
    expect(remove).toHaveBeenCalledWith(first.windowId);
    expect(again.windowId).not.toBe(first.windowId);
    expectBare(create.mock.calls[0]?.[0]?.url);
    expect(await panelWindowContent(again.windowId, undefined, api)).toMatchObject({ mode: 'issue' });
  });
});
