// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NewPass } from '@/components/NewPass';
import type { IssuedTap } from '@/utils/graph/types';
import type { PanelStore } from '@/utils/ui/panel-store';
import { issuedTap } from './fixtures';

const USER = { displayName: 'Adele Vance', userPrincipalName: 'AdeleV@contoso.onmicrosoft.com' };
const frames = (count: number) =>
  new Promise<void>((resolve) => {
    const next = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => next(left - 1)));
    next(count);
  });

function storeHolding(tap: IssuedTap | null) {
  return { issued: signal(tap), copied: vi.fn(), announce: vi.fn() } as unknown as PanelStore & {
    issued: { value: IssuedTap | null };
  };
}

afterEach(cleanup);

describe('NewPass', () => {
  it('gives the keyboard to a new pass once: shown again (the panel re-rendered after a sign-in), it leaves focus be', async () => {
    const store = storeHolding(issuedTap());
    const first = render(<NewPass store={store} user={USER} onDone={vi.fn()} />);
    const card = screen.getByRole('group', { name: 'Temporary Access Pass for Adele Vance' });
    await waitFor(() => expect(document.activeElement).toBe(card));
    first.unmount();

    const signIn = document.createElement('button');
    document.body.append(signIn);
    signIn.focus();
    render(<NewPass store={store} user={USER} onDone={vi.fn()} />);
    expect(screen.getByTestId('pass-value')).toBeTruthy();
    await frames(3);
    expect(document.activeElement).toBe(signIn);

    store.issued.value = issuedTap({ id: 'tap-newer', temporaryAccessPass: 'Zz9yXw8vUt7s' }); // another pass: it does
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('group', { name: 'Temporary Access Pass for Adele Vance' })),
    );
    signIn.remove();
  });

  it('shows nothing while the panel holds no pass', () => {
    render(<NewPass store={storeHolding(null)} user={USER} onDone={vi.fn()} />);
    expect(screen.queryByTestId('pass-value')).toBeNull();
  });
});
