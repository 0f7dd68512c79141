// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SettingsForm } from '@/components/SettingsForm';

afterEach(cleanup);

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
