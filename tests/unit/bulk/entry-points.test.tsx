// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '@/components/PopupApp';
import type { SessionInfo } from '@/utils/messages';
import { openBulkPage } from '@/utils/ui/open-bulk';
import { createPopupStore } from '@/utils/ui/popup-store';
import { policyView } from '../components/fixtures';

const SESSION: SessionInfo = {
  configured: true,
  signedIn: true,
  username: 'MeganB@contoso.onmicrosoft.com',
  displayName: 'Megan Bowen',
  tenantId: '6b1a4ee4-3c35-4e8a-9a3d-0d1e5b2f7a10',
  tenantDomain: 'contoso.onmicrosoft.com',
  configuredTenant: 'contoso.onmicrosoft.com',
};

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

describe('ways to the bulk page', () => {
  it('the popup offers "Issue for a list…"', async () => {
    const send = vi.fn(async (type: string) => (type === 'getSession' ? SESSION : policyView()));
    const store = createPopupStore(send as unknown as Parameters<typeof createPopupStore>[0]);
    const onOpenBulk = vi.fn();
    render(
      <PopupApp store={store} parsePrincipal={() => null} onOpenOptions={vi.fn()} onLookedUp={vi.fn()} onOpenBulk={onOpenBulk} />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Issue for a list…' }));
    expect(onOpenBulk).toHaveBeenCalledOnce();
  });

  it('opens /bulk.html of this extension in a tab of its own', async () => {
    await openBulkPage();
    const tabs = await browser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContain(browser.runtime.getURL('/bulk.html'));
  });
});
