// @vitest-environment happy-dom
/** The options page with an organisation's managed configuration: values locked with the reason, bad values named. */
import { signal } from '@preact/signals';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OrganisationSettings } from '@/components/OrganisationSettings';
import { PreferencesForm } from '@/components/PreferencesForm';
import { SettingsForm } from '@/components/SettingsForm';
import { EMPTY_READING, type ManagedReading, validateManaged } from '@/utils/managed-config';

afterEach(cleanup);

const CLIENT = '0e6c7f4a-8d5b-4c1e-9f3a-2b7d6e5c4a31';
const SAVED = { clientId: '11111111-2222-4333-8444-555555555555', tenantId: 'fabrikam.com' };

const reading = (raw: Record<string, unknown>) => signal<ManagedReading>(validateManaged(raw));

describe('SettingsForm with managed ids', () => {
  it('shows a managed id read-only with the reason, in place of the saved one, and saves only the other', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    render(<SettingsForm load={async () => SAVED} save={save} managed={reading({ clientId: CLIENT })} />);
    const client = screen.getByLabelText('Application (client) ID') as HTMLInputElement;
    const tenant = screen.getByLabelText('Directory (tenant) ID') as HTMLInputElement;
    await waitFor(() => expect(tenant.value).toBe('fabrikam.com'));
    expect(client.value).toBe(CLIENT);
    expect(client.readOnly).toBe(true);
    expect(tenant.readOnly).toBe(false);
    const note = document.getElementById(client.getAttribute('aria-describedby') ?? '');
    expect(note?.textContent).toMatch(/^Set by your organisation\. Your organisation’s browser policy sets this/);

    fireEvent.input(tenant, { target: { value: 'Northwind.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    // The saved client id stays what it was; the organisation's value is never written into local storage.
    expect(save).toHaveBeenCalledWith({ clientId: SAVED.clientId, tenantId: 'northwind.com' });
  });

  it('does not validate a managed field, even when nothing was saved for it', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    render(<SettingsForm load={async () => null} save={save} managed={reading({ clientId: CLIENT })} />);
    fireEvent.input(screen.getByLabelText('Directory (tenant) ID'), { target: { value: 'contoso.onmicrosoft.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(save).toHaveBeenCalledWith({ clientId: '', tenantId: 'contoso.onmicrosoft.com' }));
  });

  it('has nothing to save when the organisation sets both ids', async () => {
    render(
      <SettingsForm
        load={async () => SAVED}
        save={vi.fn()}
        managed={reading({ clientId: CLIENT, tenantId: 'contoso.onmicrosoft.com' })}
      />,
    );
    expect((screen.getByLabelText('Directory (tenant) ID') as HTMLInputElement).value).toBe('contoso.onmicrosoft.com');
    // The cloud comes with the directory the organisation sets.
    expect(screen.getAllByTestId('managed-note')).toHaveLength(3);
    expect((screen.getByLabelText('Microsoft cloud') as HTMLInputElement).value).toBe('Worldwide');
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });

  it('a bad managed value locks nothing: the saved value stays editable', async () => {
    render(<SettingsForm load={async () => SAVED} save={vi.fn()} managed={reading({ clientId: 'my app' })} />);
    const client = screen.getByLabelText('Application (client) ID') as HTMLInputElement;
    await waitFor(() => expect(client.value).toBe(SAVED.clientId));
    expect(client.readOnly).toBe(false);
    expect(screen.queryByTestId('managed-note')).toBeNull();
  });

  it('follows a policy change while the page is open', async () => {
    const managed = signal(EMPTY_READING);
    render(<SettingsForm load={async () => SAVED} save={vi.fn()} managed={managed} />);
    const client = screen.getByLabelText('Application (client) ID') as HTMLInputElement;
    await waitFor(() => expect(client.value).toBe(SAVED.clientId));
    act(() => {
      managed.value = validateManaged({ clientId: CLIENT });
    });
    expect(client.value).toBe(CLIENT);
    expect(client.readOnly).toBe(true);
  });
});

describe('PreferencesForm with managed clipboard seconds', () => {
  it('shows them read-only with the reason and offers no save', async () => {
    const save = vi.fn();
    render(
      <PreferencesForm
        load={async () => ({ clipboardClearSeconds: 60 })}
        save={save}
        managed={reading({ clipboardClearSeconds: 15 })}
      />,
    );
    const field = screen.getByLabelText(/Clear a copied pass/) as HTMLInputElement;
    expect(field.value).toBe('15');
    expect(field.readOnly).toBe(true);
    expect(field.getAttribute('aria-describedby')).toContain('clipboard-seconds-managed');
    expect(screen.getByTestId('managed-note').textContent).toMatch(/Set by your organisation/);
    expect(screen.queryByRole('button', { name: 'Save clipboard setting' })).toBeNull();
    fireEvent.submit(field.closest('form') as HTMLFormElement);
    expect(save).not.toHaveBeenCalled();
  });
});

describe('OrganisationSettings', () => {
  it('shows nothing when no policy names the extension', () => {
    const { container } = render(<OrganisationSettings reading={signal(EMPTY_READING)} browserFamily="chromium" />);
    expect(container.textContent).toBe('');
  });

  it('lists each managed value in words, marking the keys this version only keeps', () => {
    render(
      <OrganisationSettings
        reading={reading({
          clientId: CLIENT,
          defaultLifetimeMinutes: 480,
          defaultOneTime: true,
          clipboardClearSeconds: 0,
          allowEnablePolicy: false,
          cloud: 'usGovL4',
          keepHistory: true,
          allowedTenants: ['contoso.onmicrosoft.com'],
          supportContact: 'IT service desk: ext. 4455',
        })}
        browserFamily="firefox"
      />,
    );
    const section = screen.getByTestId('organisation-settings');
    expect(screen.getByRole('heading', { name: 'Set by your organisation' })).toBeTruthy();
    const row = (key: string) => section.querySelector(`[data-key="${key}"]`)?.textContent ?? '';
    expect(row('clientId')).toContain(CLIENT);
    expect(row('defaultLifetimeMinutes')).toContain('8 hours');
    expect(row('defaultOneTime')).toContain('Yes');
    expect(row('clipboardClearSeconds')).toContain('Never');
    expect(row('allowEnablePolicy')).toContain('Not allowed');
    expect(row('supportContact')).toContain('IT service desk: ext. 4455');
    expect(row('cloud')).toMatch(/US Government \(GCC High\).*Sign-in, Microsoft Graph and the admin centers/);
    expect(row('keepHistory')).toMatch(/Never a pass itself/);
    expect(row('allowedTenants')).toMatch(/Other tenants the panel may act in.*contoso\.onmicrosoft\.com/);
    expect(section.textContent).toContain('about:policies');
  });

  it('names each bad value and each unknown key in a sentence, never crashing', () => {
    render(
      <OrganisationSettings
        reading={reading({ clientId: CLIENT, defaultOneTime: 'yes', clipboardClearSeconds: 99_999, colour: 'blue' })}
        browserFamily="chromium"
      />,
    );
    const problems = screen.getByTestId('managed-problems');
    expect(problems.textContent).toContain('2 values in the policy can’t be used');
    expect(problems.textContent).toContain(
      'The policy sets "defaultOneTime" to the text "yes", but it must be true or false. It is ignored until the policy is corrected.',
    );
    expect(problems.textContent).toContain('"clipboardClearSeconds" to the number 99999');
    expect(screen.getByTestId('managed-unknown').textContent).toContain('"colour"');
    // In Chromium a wrong-typed value never arrives: the page says where to look instead.
    expect(screen.getByTestId('organisation-settings').textContent).toContain('chrome://policy');
  });
});
