import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  type ContextMenuBrowser,
  handleContextMenuClick,
  invalidPrincipalSentence,
  type MenuClickInfo,
  setupContextMenus,
} from '@/utils/context-menu';
import type { openNoticeWindow, openPanelWindow } from '@/utils/panel-window';

const ADELE = 'AdeleV@contoso.onmicrosoft.com';
const ID = '22222222-0000-4000-8000-000000000001';
const USER_PAGE = `https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/${ID}/hidePreviewBanner~/true`;

/** What Chrome passes for a right-click on a selection in an ordinary web page (ticket, mail, chat). */
function selectionClick(menuItemId: string, selectionText: string): MenuClickInfo {
  return { menuItemId, selectionText, editable: false, pageUrl: 'https://tickets.example/42', frameId: 0 } as MenuClickInfo;
}
function linkClick(menuItemId: string, linkUrl: string): MenuClickInfo {
  return { menuItemId, linkUrl, editable: false, pageUrl: 'https://mail.example/inbox', frameId: 0 } as MenuClickInfo;
}
const TAB = { id: 12, index: 0, windowId: 1, url: 'https://tickets.example/42', active: true, pinned: false, incognito: false };

function stubBrowser() {
  const created: Parameters<ContextMenuBrowser['contextMenus']['create']>[0][] = [];
  let clicked: ((info: MenuClickInfo, tab?: unknown) => void) | undefined;
  const contextMenus: ContextMenuBrowser['contextMenus'] = {
    create: vi.fn((properties) => {
      created.push(properties);
      return properties.id;
    }),
    removeAll: vi.fn(async () => undefined),
    onClicked: {
      addListener: (callback) => {
        clicked = callback;
      },
    },
  };
  const api = { runtime: fakeBrowser.runtime, windows: fakeBrowser.windows, contextMenus } as unknown as ContextMenuBrowser;
  return { api, created, contextMenus, click: (info: MenuClickInfo, tab?: unknown) => clicked?.(info, tab) };
}

function panelOpener() {
  return vi.fn<typeof openPanelWindow>(async () => ({ windowId: 99 }));
}
function noticeOpener() {
  return vi.fn<typeof openNoticeWindow>(async () => ({ windowId: 98 }));
}
const deps = (open = panelOpener(), notice = noticeOpener()) => ({ openPanelWindow: open, openNoticeWindow: notice });

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('setupContextMenus', () => {
  it('creates the two selection items and the one link item on install, with no host access', async () => {
    const { api, created, contextMenus } = stubBrowser();
    setupContextMenus({ ...deps(), browser: api });
    expect(contextMenus.create).not.toHaveBeenCalled();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await vi.waitFor(() => expect(created).toHaveLength(3));
    expect(contextMenus.removeAll).toHaveBeenCalledBefore(contextMenus.create as never);
    expect(created).toEqual([
      { id: 'issue-tap', title: 'Issue Temporary Access Pass for “%s”', contexts: ['selection'] },
      { id: 'check-tap', title: 'Check Temporary Access Pass status for “%s”', contexts: ['selection'] },
      {
        id: 'check-tap-link',
        title: 'Check Temporary Access Pass status for this user',
        contexts: ['link'],
        targetUrlPatterns: [
          'mailto:*',
          'https://entra.microsoft.com/*',
          'https://portal.azure.com/*',
          'https://intune.microsoft.com/*',
          'https://admin.microsoft.com/*',
          'https://admin.cloud.microsoft/*',
        ],
      },
    ]);
    for (const item of created) expect(item).not.toHaveProperty('documentUrlPatterns');
  });

  it('routes clicks to the handler', async () => {
    const { api, click } = stubBrowser();
    const open = panelOpener();
    setupContextMenus({ ...deps(open), browser: api });
    click(selectionClick('check-tap', ADELE), TAB);
    await vi.waitFor(() => expect(open).toHaveBeenCalledWith({ userRef: ADELE, mode: 'status' }));
  });

  it('reports a failed action on the console without throwing into the event', async () => {
    const { api, click } = stubBrowser();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    setupContextMenus({ ...deps(vi.fn(async () => Promise.reject(new Error('no window')))), browser: api });
    expect(() => click(selectionClick('issue-tap', ADELE), TAB)).not.toThrow();
    await vi.waitFor(() => expect(error).toHaveBeenCalledWith('Entra TAP: the menu action failed.', 'no window'));
  });
});

describe('handleContextMenuClick', () => {
  it.each<[string, MenuClickInfo, { userRef: string; mode: 'issue' | 'status'; link?: string }]>([
    ['a selected UPN, issue', selectionClick('issue-tap', ADELE), { userRef: ADELE, mode: 'issue' }],
    ['a selected UPN, status', selectionClick('check-tap', ADELE), { userRef: ADELE, mode: 'status' }],
    ['a quoted selection with a full stop', selectionClick('issue-tap', ` “${ADELE}”.\n`), { userRef: ADELE, mode: 'issue' }],
    [
      'a selected guest UPN',
      selectionClick('issue-tap', 'chris_fabrikam.com#EXT#@contoso.onmicrosoft.com'),
      { userRef: 'chris_fabrikam.com#EXT#@contoso.onmicrosoft.com', mode: 'issue' },
    ],
    ['a selected object id', selectionClick('check-tap', ID.toUpperCase()), { userRef: ID, mode: 'status' }],
    [
      'a mailto: link: status, with the address shown',
      linkClick('check-tap-link', `mailto:${ADELE}?subject=Hi`),
      { userRef: ADELE, mode: 'status', link: ADELE },
    ],
    [
      'an admin-center user link: status, with the (shortened) URL shown',
      linkClick('check-tap-link', USER_PAGE),
      { userRef: ID, mode: 'status', link: `${USER_PAGE.slice(0, 59)}…` },
    ],
  ])('%s opens the panel window', async (_name, info, request) => {
    const open = panelOpener();
    const notice = noticeOpener();
    const result = await handleContextMenuClick(info, TAB, deps(open, notice));
    expect(open).toHaveBeenCalledExactlyOnceWith(request);
    expect(result).toMatchObject({ outcome: 'opened', windowId: 99, principal: { value: request.userRef } });
    expect(notice).not.toHaveBeenCalled();
  });

  it.each<[string, MenuClickInfo, string]>([
    [
      'a name that is not a UPN',
      selectionClick('issue-tap', 'Adele Vance'),
      '“Adele Vance” is not a user principal name or object ID.',
    ],
    [
      'script text',
      selectionClick('check-tap', '<script>alert(1)</script>'),
      '“<script>alert(1)</script>” is not a user principal name or object ID.',
    ],
    [
      'a Cyrillic look-alike',
      selectionClick('issue-tap', 'Аdele@contoso.onmicrosoft.com'),
      '“Аdele@contoso.onmicrosoft.com” is not a user principal name or object ID.',
    ],
    [
      'a zero-width space (echoed as a space)',
      selectionClick('issue-tap', 'Adele\u200BV@contoso.onmicrosoft.com'),
      '“Adele V@contoso.onmicrosoft.com” is not a user principal name or object ID.',
    ],
    [
      'a long selection (shortened)',
      selectionClick('issue-tap', `${'x'.repeat(10_000)}`),
      `“${'x'.repeat(59)}…” is not a user principal name or object ID.`,
    ],
    ['an empty selection', selectionClick('check-tap', ''), '“” is not a user principal name or object ID.'],
    [
      'a link to a non-user portal page',
      linkClick('check-tap-link', 'https://entra.microsoft.com/#home'),
      '“https://entra.microsoft.com/#home” is not a user principal name or object ID.',
    ],
    [
      'a mailto: link without an address',
      linkClick('check-tap-link', 'mailto:helpdesk'),
      '“helpdesk” is not a user principal name or object ID.',
    ],
  ])('%s shows the notice and nothing else', async (_name, info, sentence) => {
    const open = panelOpener();
    const notice = noticeOpener();
    const result = await handleContextMenuClick(info, TAB, deps(open, notice));
    expect(result.outcome).toBe('invalid');
    expect(open).not.toHaveBeenCalled();
    expect(notice).toHaveBeenCalledTimes(1);
    expect(invalidPrincipalSentence(notice.mock.calls[0]?.[0] ?? '')).toBe(sentence);
  });

  it('ignores items that are not ours', async () => {
    const open = panelOpener();
    const notice = noticeOpener();
    const result = await handleContextMenuClick(selectionClick('someone-else', ADELE), undefined, deps(open, notice));
    expect(result).toEqual({ outcome: 'ignored' });
    expect(open).not.toHaveBeenCalled();
    expect(notice).not.toHaveBeenCalled();
  });
});

describe('notice sentence', () => {
  it('quotes the text on one printable line', () => {
    expect(invalidPrincipalSentence('  two\nlines\u202E ')).toBe('“two lines” is not a user principal name or object ID.');
  });
});
