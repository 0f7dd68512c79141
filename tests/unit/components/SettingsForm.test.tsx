// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PreferencesForm } from '@/components/PreferencesForm';
import { SettingsForm } from '@/components/SettingsForm';
import { ANNOUNCEMENT_MS } from '@/utils/ui/announcer';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Fake time passes (timers run) and Preact renders what changed. */
const elapse = (ms: number) =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });

describe('SettingsForm (options)', () => {
  it('refuses invalid ids with inline messages and saves nothing', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    render(<SettingsForm load={async () => null} save={save} />);
    fireEvent.input(screen.getByLabelText('Application (client) ID'), { target: { value: 'not-a-guid' } });
    fireEvent.input(screen.getByLabelText('Directory (tenant) ID'), { target: { value: 'contoso' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/The Application \(client\) ID is a GUID/)).toBeTruthy();
    expect(screen.getByText(/Use the Directory \(tenant\) ID/)).toBeTruthy();
    expect(save).not.toHaveBeenCalled();
  });

  it('Save puts the keyboard on the first field with a problem, marked invalid and described by it', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    render(<SettingsForm load={async () => null} save={save} />);
    const client = screen.getByLabelText('Application (client) ID');
    const tenant = screen.getByLabelText('Directory (tenant) ID');
    fireEvent.input(client, { target: { value: 'not-a-guid' } });
    fireEvent.input(tenant, { target: { value: 'contoso' } });
    const saveButton = screen.getByRole('button', { name: 'Save' });
    saveButton.focus();
    fireEvent.click(saveButton);
    await waitFor(() => expect(document.activeElement).toBe(client));
    expect(client.getAttribute('aria-invalid')).toBe('true');
    const clientProblem = document.getElementById('client-id-problem');
    expect(clientProblem?.textContent).toMatch(/is a GUID/);
    expect(client.getAttribute('aria-describedby')).toBe('client-id-problem');
    // The client id fixed, the tenant still wrong: Save goes to the tenant field.
    fireEvent.input(client, { target: { value: '0e6c7f4a-8d5b-4c1e-9f3a-2b7d6e5c4a31' } });
    saveButton.focus();
    fireEvent.click(saveButton);
    await waitFor(() => expect(document.activeElement).toBe(tenant));
    expect(client.getAttribute('aria-invalid')).toBe('false');
    expect(tenant.getAttribute('aria-invalid')).toBe('true');
    expect(tenant.getAttribute('aria-describedby')).toBe('tenant-id-problem');
    // No status sentence besides the field's own description: said once, with the field.
    expect(screen.getByRole('status').textContent).toBe('');
    expect(save).not.toHaveBeenCalled();
  });

  it('saves valid ids and says Saved', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    render(<SettingsForm load={async () => null} save={save} />);
    fireEvent.input(screen.getByLabelText('Application (client) ID'), {
      target: { value: '0e6c7f4a-8d5b-4c1e-9f3a-2b7d6e5c4a31' },
    });
    fireEvent.input(screen.getByLabelText('Directory (tenant) ID'), { target: { value: 'contoso.onmicrosoft.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(save).toHaveBeenCalledWith({ clientId: '0e6c7f4a-8d5b-4c1e-9f3a-2b7d6e5c4a31', tenantId: 'contoso.onmicrosoft.com' });
  });

  it('loads the saved settings', async () => {
    render(<SettingsForm load={async () => ({ clientId: 'abc', tenantId: 'contoso.onmicrosoft.com' })} save={vi.fn()} />);
    await waitFor(() =>
      expect((screen.getByLabelText('Directory (tenant) ID') as HTMLInputElement).value).toBe('contoso.onmicrosoft.com'),
    );
  });
});

describe('SettingsForm: the Microsoft cloud', () => {
  const ids = () => {
    fireEvent.input(screen.getByLabelText('Application (client) ID'), {
      target: { value: '0e6c7f4a-8d5b-4c1e-9f3a-2b7d6e5c4a31' },
    });
    fireEvent.input(screen.getByLabelText('Directory (tenant) ID'), { target: { value: 'contosogov.onmicrosoft.us' } });
  };

  it('asks the browser for a national cloud inside the Save click, before anything is awaited, and saves it', async () => {
    const save = vi.fn().mockResolvedValue(undefined);
    const requestCloudAccess = vi.fn().mockResolvedValue(true);
    render(<SettingsForm load={async () => null} save={save} requestCloudAccess={requestCloudAccess} />);
    ids();
    fireEvent.change(screen.getByLabelText('Microsoft cloud'), { target: { value: 'usGovL4' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    // Synchronously, in the click: a browser shows its prompt only during the gesture.
    expect(requestCloudAccess).toHaveBeenCalledWith(expect.objectContaining({ name: 'usGovL4' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(save).toHaveBeenCalledWith({
      clientId: '0e6c7f4a-8d5b-4c1e-9f3a-2b7d6e5c4a31',
      tenantId: 'contosogov.onmicrosoft.us',
      cloud: 'usGovL4',
    });
  });

  it('saves, and says what is missing, when the browser refuses', async () => {
    render(
      <SettingsForm
        load={async () => null}
        save={vi.fn().mockResolvedValue(undefined)}
        requestCloudAccess={vi.fn().mockResolvedValue(false)}
      />,
    );
    ids();
    fireEvent.change(screen.getByLabelText('Microsoft cloud'), { target: { value: 'china' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Saved. The browser hasn’t given Entra TAP access to the China (operated by 21Vianet) admin centers, so no panel shows there: select Allow access under Site access.',
      ),
    );
  });

  it('asks nothing worldwide and loads the saved cloud', async () => {
    const requestCloudAccess = vi.fn();
    render(
      <SettingsForm
        load={async () => ({ clientId: 'abc', tenantId: 'contosogov.onmicrosoft.us', cloud: 'usGovL5' })}
        save={vi.fn().mockResolvedValue(undefined)}
        requestCloudAccess={requestCloudAccess}
      />,
    );
    await waitFor(() => expect((screen.getByLabelText('Microsoft cloud') as HTMLSelectElement).value).toBe('usGovL5'));
    fireEvent.change(screen.getByLabelText('Microsoft cloud'), { target: { value: 'global' } });
    ids();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved'));
    expect(requestCloudAccess).not.toHaveBeenCalled();
  });
});

describe('options: status lines said once, then cleared', () => {
  const validIds = () => {
    fireEvent.input(screen.getByLabelText('Application (client) ID'), {
      target: { value: '0e6c7f4a-8d5b-4c1e-9f3a-2b7d6e5c4a31' },
    });
    fireEvent.input(screen.getByLabelText('Directory (tenant) ID'), { target: { value: 'contoso.onmicrosoft.com' } });
  };

  it('"Saved" leaves the status region after 8 s, as the panel\'s sentences do', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    render(<SettingsForm load={async () => null} save={vi.fn().mockResolvedValue(undefined)} />);
    validIds();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const status = screen.getByRole('status');
    await waitFor(() => expect(status.textContent).toBe('Saved'));
    await elapse(ANNOUNCEMENT_MS - 500);
    expect(status.textContent).toBe('Saved');
    await elapse(600);
    expect(status.textContent).toBe('');
  });

  it('a failure stays until the admin saves again', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const save = vi.fn().mockRejectedValueOnce(new Error('quota')).mockResolvedValueOnce(undefined);
    render(<SettingsForm load={async () => null} save={save} />);
    validIds();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const status = screen.getByRole('status');
    await waitFor(() => expect(status.textContent).toBe('Could not save. Try again.'));
    await elapse(ANNOUNCEMENT_MS * 2);
    expect(status.textContent).toBe('Could not save. Try again.');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(status.textContent).toBe('Saved'));
  });

  it('the clipboard setting\'s "Saved" is cleared too', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const save = vi.fn().mockResolvedValue(undefined);
    render(<PreferencesForm load={async () => ({ clipboardClearSeconds: 30 })} save={save} />);
    const field = screen.getByLabelText(/Clear a copied pass/) as HTMLInputElement;
    await waitFor(() => expect(field.value).toBe('30'));
    fireEvent.click(screen.getByRole('button', { name: 'Save clipboard setting' }));
    const status = screen.getByRole('status');
    await waitFor(() => expect(status.textContent).toBe('Saved'));
    expect(save).toHaveBeenCalledWith({ clipboardClearSeconds: 30 });
    await elapse(ANNOUNCEMENT_MS + 100);
    expect(status.textContent).toBe('');
  });
});
