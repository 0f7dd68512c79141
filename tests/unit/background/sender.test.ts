import { describe, expect, it } from 'vitest';
import { classifySender, mayAsk } from '@/utils/background/sender';
import { PORTAL_HOSTS } from '@/utils/portal-hosts';

const ID = 'bjppmkdmnkjkahflgkhdahmcejhldfnh';
const SELF = { id: ID, pagesBaseUrl: `chrome-extension://${ID}/` };
const PAGE = (path: string) => `chrome-extension://${ID}/${path}`;
const USER_PAGE =
  'https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/22222222-0000-4000-8000-000000000001';

describe('classifySender', () => {
  it.each([
    ['the popup (no tab)', { id: ID, url: PAGE('popup.html') }, { kind: 'page', path: '/popup.html' }],
    [
      'the options page in a tab',
      { id: ID, url: PAGE('options.html'), tab: { id: 3, windowId: 1 }, frameId: 0 },
      { kind: 'page', path: '/options.html' },
    ],
    [
      'the panel in a frame of a tab',
      { id: ID, url: PAGE('panel.html'), tab: { id: 3, windowId: 1 }, frameId: 12, documentId: 'doc' },
      { kind: 'panelFrame', tabId: 3, frameId: 12, documentId: 'doc' },
    ],
    [
      'the panel as a tab of its own',
      { id: ID, url: PAGE('panel.html'), tab: { id: 4, windowId: 9 }, frameId: 0 },
      { kind: 'panelWindow', tabId: 4, windowId: 9 },
    ],
    [
      'our content script on a portal page',
      { id: ID, url: USER_PAGE, tab: { id: 3 }, frameId: 0 },
      { kind: 'contentScript', tabId: 3, host: new URL(USER_PAGE).host },
    ],
  ])('%s', (_name, sender, caller) => {
    expect(classifySender(sender, SELF)).toEqual(caller);
  });

  it.each([
    [
      'another extension',
      { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/x.html' },
    ],
    ['no url', { id: ID }],
    ['a look-alike origin prefix', { id: ID, url: `chrome-extension://${ID}X/panel.html`, tab: { id: 1 }, frameId: 0 }],
    ['a content script in a sub-frame', { id: ID, url: USER_PAGE, tab: { id: 3 }, frameId: 4 }],
    ['a content script on a page that is not the portal', { id: ID, url: 'https://evil.example/', tab: { id: 3 }, frameId: 0 }],
    ['a framed extension page other than the panel', { id: ID, url: PAGE('options.html'), tab: { id: 3 }, frameId: 2 }],
    ['the panel without a tab', { id: ID, url: PAGE('panel.html') }],
    [
      'a content script on a look-alike of the M365 admin center',
      { id: ID, url: 'https://admin.microsoft.com.evil.example/#/users/:/UserDetails/x', tab: { id: 3 }, frameId: 0 },
    ],
    ['a content script on plain http', { id: ID, url: 'http://admin.cloud.microsoft/', tab: { id: 3 }, frameId: 0 }],
  ])('refuses %s', (_name, sender) => {
    expect(classifySender(sender, SELF)).toBeNull();
  });

  // The hosts the manifest runs the content script on (utils/portal-hosts.ts) are exactly those it may introduce frames from.
  it.each([
    ...PORTAL_HOSTS.map((host) => `https://${host}/`),
    'https://intune.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/Devices/userId/22222222-0000-4000-8000-000000000001',
    'https://admin.microsoft.com/#/users/:/UserDetails/22222222-0000-4000-8000-000000000001/LicensesAndApps',
    'https://admin.microsoft.com/Adminportal/Home#/users/:/UserDetails/AdeleV@contoso.onmicrosoft.com',
    'https://admin.cloud.microsoft/#/users/:/UserDetails/22222222-0000-4000-8000-000000000001',
  ])('accepts our content script on %s', (url) => {
    expect(classifySender({ id: ID, url, tab: { id: 3 }, frameId: 0 }, SELF)).toEqual({
      kind: 'contentScript',
      tabId: 3,
      host: new URL(url).host,
    });
  });
});

describe('mayAsk', () => {
  it('lets the content script only introduce and release frames', () => {
    const script = { kind: 'contentScript', tabId: 1, host: 'entra.microsoft.com' } as const;
    expect(mayAsk(script, 'introduceFrame')).toBe(true);
    expect(mayAsk(script, 'releaseFrame')).toBe(true);
    for (const type of ['getPanelState', 'issueTap', 'signIn', 'getSession', 'getPolicy'] as const) {
      expect(mayAsk(script, type)).toBe(false);
    }
  });

  it('keeps panels to panel requests, and other pages away from them', () => {
    const frame = { kind: 'panelFrame', tabId: 1, frameId: 2 } as const;
    const page = { kind: 'page' } as const;
    expect(mayAsk(frame, 'issueTap')).toBe(true);
    expect(mayAsk(frame, 'enablePolicy')).toBe(false);
    expect(mayAsk(frame, 'introduceFrame')).toBe(false);
    expect(mayAsk(page, 'issueTap')).toBe(false);
    expect(mayAsk(page, 'getPanelState')).toBe(false);
    expect(mayAsk(page, 'enablePolicy')).toBe(true);
  });

  it('lets only the options page, as a top-level document, ask for the setup check', () => {
    const options = classifySender({ id: ID, url: PAGE('options.html'), tab: { id: 3, windowId: 1 }, frameId: 0 }, SELF);
    const popup = classifySender({ id: ID, url: PAGE('popup.html') }, SELF);
    const framedOptions = classifySender({ id: ID, url: PAGE('options.html'), tab: { id: 3 }, frameId: 2 }, SELF);
    const panelWindow = classifySender({ id: ID, url: PAGE('panel.html'), tab: { id: 4, windowId: 9 }, frameId: 0 }, SELF);
    const script = classifySender({ id: ID, url: USER_PAGE, tab: { id: 3 }, frameId: 0 }, SELF);
    expect(options && mayAsk(options, 'checkSetup')).toBe(true);
    expect(popup && mayAsk(popup, 'checkSetup')).toBe(false);
    expect(framedOptions).toBeNull();
    expect(panelWindow && mayAsk(panelWindow, 'checkSetup')).toBe(false);
    expect(script && mayAsk(script, 'checkSetup')).toBe(false);
    // A page caller without a path (as a hand-made context might be) never qualifies.
    expect(mayAsk({ kind: 'page' }, 'checkSetup')).toBe(false);
  });

  it('lets only the bulk page, as a top-level document, check and issue a list', () => {
    const bulk = classifySender({ id: ID, url: PAGE('bulk.html'), tab: { id: 5, windowId: 2 }, frameId: 0 }, SELF);
    const framedBulk = classifySender({ id: ID, url: PAGE('bulk.html'), tab: { id: 5 }, frameId: 3 }, SELF);
    const options = classifySender({ id: ID, url: PAGE('options.html'), tab: { id: 3, windowId: 1 }, frameId: 0 }, SELF);
    const popup = classifySender({ id: ID, url: PAGE('popup.html') }, SELF);
    const panelWindow = classifySender({ id: ID, url: PAGE('panel.html'), tab: { id: 4, windowId: 9 }, frameId: 0 }, SELF);
    const panelFrame = classifySender({ id: ID, url: PAGE('panel.html'), tab: { id: 3 }, frameId: 12 }, SELF);
    const script = classifySender({ id: ID, url: USER_PAGE, tab: { id: 3 }, frameId: 0 }, SELF);
    for (const type of ['bulkCheck', 'bulkIssue'] as const) {
      expect(bulk && mayAsk(bulk, type)).toBe(true);
      for (const other of [options, popup, panelWindow, panelFrame, script]) expect(other && mayAsk(other, type)).toBe(false);
      expect(mayAsk({ kind: 'page' }, type)).toBe(false);
      // A look-alike path is another page.
      expect(mayAsk({ kind: 'page', path: '/bulk.html/' }, type)).toBe(false);
    }
    expect(framedBulk).toBeNull();
    // The bulk page gets no panel request, so it can never act as a panel bound to a user.
    expect(bulk && mayAsk(bulk, 'issueTap')).toBe(false);
    // Its copied passes are cleared like a panel's: the bulk page may ask, other pages not; panels still may.
    expect(bulk && mayAsk(bulk, 'clearClipboard')).toBe(true);
    for (const other of [options, popup, script]) expect(other && mayAsk(other, 'clearClipboard')).toBe(false);
    for (const own of [panelWindow, panelFrame]) expect(own && mayAsk(own, 'clearClipboard')).toBe(true);
  });
});
