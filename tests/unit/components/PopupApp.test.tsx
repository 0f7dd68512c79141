// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '@/components/PopupApp';
import type { PolicyView, SessionInfo } from '@/utils/messages';
import { ANNOUNCEMENT_MS } from '@/utils/ui/announcer';
import { createPopupStore, type PopupStore } from '@/utils/ui/popup-store';
import { parsePrincipal } from '@/utils/upn';
import { POLICY, policyView, signedInSession } from './fixtures';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Fake time passes (timers run) and Preact renders what changed. */
const elapse = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });

const SESSION = signedInSession({ username: 'AlexW@contoso.onmicrosoft.com', displayName: 'Alex Wilber' });

function setup(handlers: Record<string, (req: unknown) => unknown>, cached: PolicyView | null = null) {
  const send = vi.fn(async (type: string, req: unknown) => {
    const handler = handlers[type];
    if (!handler) throw new Error(`unexpected ${type}`);
    return handler(req);
  });
  const store = createPopupStore(send as unknown as Parameters<typeof createPopupStore>[0], async () => cached);
  const onLookedUp = vi.fn();
  render(
    <PopupApp
      store={store as PopupStore}
      parsePrincipal={(text) => parsePrincipal(text)?.value ?? null}
      onOpenOptions={vi.fn()}
      onLookedUp={onLookedUp}
    />,
  );
  return { send, onLookedUp };
}

describe('PopupApp', () => {
  it('paints the cached policy, then refreshes it from Graph', async () => {
    const fresh = policyView({ policy: { ...POLICY, defaultLifetimeInMinutes: 120 }, fetchedAt: Date.now() });
    const { send } = setup(
      {
        getSession: () => SESSION,
        getPolicy: (req) =>
          (req as { refresh?: boolean }).refresh ? fresh : policyView({ fetchedAt: Date.now() - 60_000, fromCache: true }),
      },
      policyView({ fetchedAt: Date.now() - 60_000, fromCache: true }),
    );
    expect(await screen.findByText('Default lifetime 1 hour, allowed 1–8 hours')).toBeTruthy();
    expect(await screen.findByText('Default lifetime 2 hours, allowed 1–8 hours')).toBeTruthy();
    expect(send.mock.calls.map(([type, req]) => [type, req])).toContainEqual(['getPolicy', { refresh: true }]);
    expect(screen.getByTestId('account-upn').textContent).toBe('AlexW@contoso.onmicrosoft.com');
    expect(screen.getByRole('link', { name: 'Open TAP policy in the Entra admin center' }).getAttribute('href')).toBe(
      'https://entra.microsoft.com/contoso.onmicrosoft.com/#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/AdminAuthMethods/fromNav/Identity',
    );
  });

  it('turns the policy on only after the explicit confirmation', async () => {
    const disabled = policyView({ policy: { ...POLICY, state: 'disabled' } });
    const { send } = setup({
      getSession: () => SESSION,
      getPolicy: () => disabled,
      enablePolicy: () => policyView(),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Turn on Temporary Access Pass' }));
    expect(screen.getByText(/one extra permission/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(send.mock.calls.some(([t]) => t === 'enablePolicy')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Turn on Temporary Access Pass' }));
    fireEvent.click(screen.getByRole('button', { name: 'Turn on' }));
    await waitFor(() => expect(screen.getByTestId('policy-state').textContent).toBe('Enabled'));
    expect(send.mock.calls.filter(([t]) => t === 'enablePolicy')).toHaveLength(1);
  });

  it('validates the lookup and opens the panel window for a valid principal', async () => {
    const { send, onLookedUp } = setup({
      getSession: () => SESSION,
      getPolicy: () => policyView(),
      openPanelWindow: () => ({ windowId: 7 }),
    });
    const input = await screen.findByLabelText('User principal name or object ID');
    fireEvent.input(input, { target: { value: 'not a user' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    expect(screen.getByRole('alert').textContent).toMatch(/Enter a user principal name/);
    expect(send.mock.calls.some(([t]) => t === 'openPanelWindow')).toBe(false);
    fireEvent.input(input, { target: { value: ' AdeleV@contoso.onmicrosoft.com ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    await waitFor(() => expect(onLookedUp).toHaveBeenCalled());
    expect(send).toHaveBeenCalledWith('openPanelWindow', { userRef: 'AdeleV@contoso.onmicrosoft.com', mode: 'status' });
  });

  it('offers Sign in when signed out and does not ask Graph', async () => {
    const { send } = setup({
      getSession: () => ({ ...SESSION, signedIn: false, username: null }),
      getPolicy: () => {
        throw new Error('signed out');
      },
      signIn: () => SESSION,
    });
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(send.mock.calls.some(([, req]) => (req as { refresh?: boolean }).refresh)).toBe(false);
  });
});

describe('PopupApp: the site-access slot', () => {
  it('shows what the entrypoint passes, set up or not (without the portal hosts, the admin should hear it either way)', async () => {
    const cases: [SessionInfo, RegExp][] = [
      [SESSION, /AlexW@contoso\.onmicrosoft\.com/],
      [{ ...SESSION, configured: false, signedIn: false }, /The extension is not set up yet/],
    ];
    for (const [session, shown] of cases) {
      const send = vi.fn(async (type: string) => (type === 'getSession' ? session : policyView()));
      const store = createPopupStore(send as unknown as Parameters<typeof createPopupStore>[0], async () => null);
      render(
        <PopupApp
          store={store}
          parsePrincipal={() => null}
          onOpenOptions={vi.fn()}
          onLookedUp={vi.fn()}
          hostAccess={<p>site access slot</p>}
        />,
      );
      await screen.findAllByText(shown);
      expect(screen.getByText('site access slot')).toBeTruthy();
      cleanup();
    }
  });
});

describe('PopupApp: structure', () => {
  it('has one h1 (Entra TAP) whether set up or not, inside its main landmark', async () => {
    setup({ getSession: () => SESSION, getPolicy: () => policyView() });
    await screen.findByTestId('account-upn');
    const heading = screen.getByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('Entra TAP');
    expect(heading.closest('main')).toBe(screen.getByRole('main'));
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    cleanup();
    setup({ getSession: () => ({ configured: false, signedIn: false }) as SessionInfo });
    await screen.findByRole('button', { name: 'Open options' });
    expect(screen.getByRole('heading', { level: 1, name: 'Entra TAP' })).toBeTruthy();
  });
});

describe('PopupApp: another directory', () => {
  it('says which directory it acts in when switched, and switches back to the configured one', async () => {
    const FABRIKAM = {
      ...SESSION,
      tenantId: '7c2b5ff5-4d46-4f9b-8b4e-1e2f6c3a8b21',
      tenantDomain: 'fabrikam.onmicrosoft.com',
      actingTenant: 'fabrikam.onmicrosoft.com',
    };
    const { send } = setup({
      getSession: () => FABRIKAM,
      getPolicy: () => policyView(),
      switchTenant: () => SESSION,
    });
    const line = await screen.findByTestId('acting-tenant');
    expect(line.textContent).toContain('Acting in fabrikam.onmicrosoft.com, not contoso.onmicrosoft.com.');
    fireEvent.click(screen.getByRole('button', { name: 'Back to contoso.onmicrosoft.com' }));
    await waitFor(() => expect(screen.queryByTestId('acting-tenant')).toBeNull());
    expect(send).toHaveBeenCalledWith('switchTenant', { tenant: 'contoso.onmicrosoft.com' });
  });

  it('says the switch back once in its status region, and clears it after 8 s (nothing stale to find later)', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    setup({
      getSession: () => ({
        ...SESSION,
        tenantId: '7c2b5ff5-4d46-4f9b-8b4e-1e2f6c3a8b21',
        tenantDomain: 'fabrikam.onmicrosoft.com',
        actingTenant: 'fabrikam.onmicrosoft.com',
      }),
      getPolicy: () => policyView(),
      switchTenant: () => SESSION,
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Back to contoso.onmicrosoft.com' }));
    const status = screen.getByTestId('popup-status');
    expect(status.getAttribute('role')).toBe('status');
    await waitFor(() => expect(status.textContent).toBe('Now acting in contoso.onmicrosoft.com.'));
    await elapse(ANNOUNCEMENT_MS - 500);
    expect(status.textContent).toBe('Now acting in contoso.onmicrosoft.com.');
    await elapse(600);
    expect(status.textContent).toBe('');
  });
});
