// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RecentHistory } from '@/components/history/RecentHistory';
import { PopupApp } from '@/components/PopupApp';
import { createPopupStore } from '@/utils/ui/popup-store';
import { DIEGO, entry } from './fixtures';

afterEach(cleanup);

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();

describe('RecentHistory (popup)', () => {
  it('one line each: what, who, when, result; and a link to the options page at #history', async () => {
    const load = vi.fn(async () => [
      entry({ action: 'revoke', options: undefined, when: minutesAgo(0) }),
      entry({
        action: 'replace',
        user: DIEGO,
        when: minutesAgo(5),
        result: { status: 'failed', kind: 'throttled', message: 'Graph is busy.' },
      }),
      entry({
        when: minutesAgo(180),
        result: { status: 'unknown', message: 'The answer was lost.' },
      }),
    ]);
    render(<RecentHistory load={load} />);
    const heading = await screen.findByRole('heading', { name: 'Recent history' });
    expect(heading.tagName).toBe('H2');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      // The history table's result words, not the stored status.
      'Revoked for Adele Vance, just now, Done',
      'Replaced for Diego Siciliani, 5 min ago, Failed',
      'Issued for Adele Vance, 3 h ago, Unknown',
    ]);
    const link = screen.getByRole('link', { name: 'Show all history' });
    expect(link.getAttribute('href')).toBe('/options.html#history');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(load).toHaveBeenCalledOnce();
  });

  it('nothing at all while there is no entry, or the background does not answer', async () => {
    const { container } = render(<RecentHistory load={async () => []} />);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(container.innerHTML).toBe('');
    cleanup();
    const failing = render(<RecentHistory load={() => Promise.reject(new Error('gone'))} />);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(failing.container.innerHTML).toBe('');
  });

  it('sits at the end of the popup', async () => {
    const send = vi.fn(async (type: string) => {
      if (type === 'getSession') return { configured: true, signedIn: false, configuredTenant: 'contoso.onmicrosoft.com' };
      if (type === 'getPolicy') throw new Error('none');
      throw new Error(`unexpected ${type}`);
    });
    const store = createPopupStore(send as never);
    render(
      <PopupApp
        store={store}
        parsePrincipal={() => null}
        onOpenOptions={vi.fn()}
        onLookedUp={vi.fn()}
        recent={<RecentHistory load={async () => [entry()]} />}
      />,
    );
    await waitFor(() => expect(screen.getByRole('main').lastElementChild?.className).toBe('recent'));
  });
});
