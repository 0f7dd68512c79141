// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '@/components/PopupApp';
import { openBulkPage } from '@/utils/ui/open-bulk';
import { createPopupStore } from '@/utils/ui/popup-store';
import { policyView, signedInSession } from '../components/fixtures';

const SESSION = signedInSession();

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
