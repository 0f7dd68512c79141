// @vitest-environment happy-dom
/** The options page's tenant profiles and the popup's switcher between them. */
import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ProfileSwitcher } from '@/components/ProfileSwitcher';
import { TenantProfilesForm } from '@/components/TenantProfilesForm';
import { type ManagedReading, validateManaged } from '@/utils/managed-config';
import type { TenantProfile } from '@/utils/tenant-profiles';

afterEach(cleanup);

const CLIENT = '0e6c7f4a-8d5b-4c1e-9f3a-2b7d6e5c4a31';
const OTHER_CLIENT = '1f7d8a5b-9e6c-4d2f-8a4b-3c8e7f6d5b42';
const SETTINGS = { clientId: CLIENT, tenantId: 'contoso.onmicrosoft.com' };
const FABRIKAM = { label: 'Fabrikam', tenant: 'fabrikam.onmicrosoft.com' };

const renderForm = (saved: TenantProfile[] = [], managed: Record<string, unknown> = {}) => {
  const save = vi.fn().mockResolvedValue(undefined);
  render(
    <TenantProfilesForm
      load={async () => saved}
      save={save}
      loadSettings={async () => SETTINGS}
      watchSettings={() => () => undefined}
      managed={signal<ManagedReading>(validateManaged(managed))}
    />,
  );
  return save;
};

describe('TenantProfilesForm (options)', () => {
  it('lists the configured tenant as Home first', async () => {
    renderForm([FABRIKAM]);
    const list = screen.getByTestId('profile-list');
    await waitFor(() => expect(list.textContent).toContain('Fabrikam: fabrikam.onmicrosoft.com'));
    expect(list.querySelector('li')?.textContent).toBe('Home: contoso.onmicrosoft.com');
  });

  it('names each invalid field, marks it invalid and describes it, focuses the first one, and saves nothing', async () => {
    const save = renderForm();
    fireEvent.input(screen.getByLabelText('Tenant (ID or verified domain)'), { target: { value: 'fabrikam' } });
    fireEvent.input(screen.getByLabelText('App registration client ID (optional)'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }));
    const label = screen.getByLabelText('Label');
    await waitFor(() => expect(label.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(label.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/Enter a label/);
    const tenant = screen.getByLabelText('Tenant (ID or verified domain)');
    expect(tenant.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(tenant.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/verified domain/);
    const client = screen.getByLabelText('App registration client ID (optional)');
    expect(client.getAttribute('aria-describedby')).toBe('profile-client-id-problem profile-client-id-hint');
    await waitFor(() => expect(document.activeElement).toBe(label));
    expect(save).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('adds a valid profile (no client id: the configured registration) and says so once; removes it again', async () => {
    const save = renderForm();
    fireEvent.input(screen.getByLabelText('Label'), { target: { value: 'Fabrikam' } });
    fireEvent.input(screen.getByLabelText('Tenant (ID or verified domain)'), { target: { value: 'Fabrikam.onmicrosoft.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Added Fabrikam.'));
    expect(save).toHaveBeenCalledWith([FABRIKAM]);
    expect((screen.getByLabelText('Label') as HTMLInputElement).value).toBe('');

    fireEvent.click(screen.getByRole('button', { name: 'Remove Fabrikam (fabrikam.onmicrosoft.com)' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Removed Fabrikam.'));
    expect(save).toHaveBeenLastCalledWith([]);
  });

  it('refuses a repeat of a listed profile', async () => {
    const save = renderForm([FABRIKAM]);
    await screen.findByRole('button', { name: 'Remove Fabrikam (fabrikam.onmicrosoft.com)' });
    fireEvent.input(screen.getByLabelText('Label'), { target: { value: 'Again' } });
    fireEvent.input(screen.getByLabelText('Tenant (ID or verified domain)'), { target: { value: 'fabrikam.onmicrosoft.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add profile' }));
    expect(await screen.findByText(/in the list already/)).toBeTruthy();
    expect(save).not.toHaveBeenCalled();
  });

  it('managed tenantProfiles replace the list, read-only with the reason; one allowedTenants rules out is marked', async () => {
    renderForm([FABRIKAM], {
      tenantProfiles: [{ label: 'Northwind', tenant: 'northwind.onmicrosoft.com' }, FABRIKAM],
      allowedTenants: ['northwind.onmicrosoft.com'],
    });
    const list = screen.getByTestId('profile-list');
    expect(list.textContent).toContain('Northwind: northwind.onmicrosoft.com');
    expect(list.textContent).toMatch(/Fabrikam: fabrikam\.onmicrosoft\.com Not offered: .*allowedTenants/);
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(screen.queryByLabelText('Label')).toBeNull();
    expect(screen.getByTestId('managed-note').textContent).toMatch(/^Set by your organisation\./);
  });
});

describe('ProfileSwitcher (popup)', () => {
  const profiles = [
    { label: 'Home', tenant: 'contoso.onmicrosoft.com', home: true as const },
    FABRIKAM,
    { label: 'Northwind', tenant: 'northwind.onmicrosoft.com', clientId: OTHER_CLIENT },
  ];
  const renderSwitcher = (current = 'contoso.onmicrosoft.com') => {
    const onSwitchTenant = vi.fn().mockResolvedValue(undefined);
    const onUseRegistration = vi.fn().mockResolvedValue(undefined);
    const view = render(
      <ProfileSwitcher
        profiles={profiles}
        current={current}
        busy={false}
        onSwitchTenant={onSwitchTenant}
        onUseRegistration={onUseRegistration}
      />,
    );
    return { onSwitchTenant, onUseRegistration, view };
  };

  it('starts on the tenant it acts in, and Switch does nothing there', () => {
    const { onSwitchTenant } = renderSwitcher();
    expect((screen.getByLabelText('Act in') as HTMLSelectElement).value).toBe('0');
    const button = screen.getByRole('button', { name: 'Switch' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    expect(onSwitchTenant).not.toHaveBeenCalled();
  });

  it('a profile of the same registration switches the tenant, and says so once it acts there', async () => {
    const { onSwitchTenant, view } = renderSwitcher();
    fireEvent.change(screen.getByLabelText('Act in'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Switch' }));
    expect(onSwitchTenant).toHaveBeenCalledWith('fabrikam.onmicrosoft.com');
    expect(screen.getByRole('status').textContent).toBe('');
    view.rerender(
      <ProfileSwitcher
        profiles={profiles}
        current="fabrikam.onmicrosoft.com"
        busy={false}
        onSwitchTenant={onSwitchTenant}
        onUseRegistration={vi.fn()}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe('Now acting in Fabrikam (fabrikam.onmicrosoft.com).');
  });

  it('a profile with another client id asks first, saying sign-in will be needed; Cancel changes nothing', async () => {
    const { onSwitchTenant, onUseRegistration } = renderSwitcher();
    fireEvent.change(screen.getByLabelText('Act in'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Switch' }));
    expect(onUseRegistration).not.toHaveBeenCalled();
    expect(screen.getByRole('group').textContent).toMatch(/another app registration .*signs you out: you sign in again/);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group')).toBeNull();
    expect(onUseRegistration).not.toHaveBeenCalled();
    expect(onSwitchTenant).not.toHaveBeenCalled();
  });
});
