// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SetupCheck } from '@/components/SetupCheck';
import { SetupScript, type SetupSettings } from '@/components/SetupScript';
import type { SetupReport } from '@/utils/messages';
import { RequestError } from '@/utils/send-request';

afterEach(cleanup);

const REDIRECT = 'https://bjppmkdmnkjkahflgkhdahmcejhldfnh.chromiumapp.org/';
const FIREFOX = 'https://0b0081845e5d554082f7467b0e71e1976fbfeb0d.extensions.allizom.org/';
const script = (id: 'powershell' | 'azure-cli') => screen.getByTestId(`setup-script-${id}`).textContent ?? '';

describe('SetupScript (options)', () => {
  it('offers both scripts for this browser’s redirect URI and the saved tenant', async () => {
    render(<SetupScript redirectUri={REDIRECT} loadSettings={async () => ({ tenantId: 'contoso.onmicrosoft.com' })} />);
    await waitFor(() => expect(script('powershell')).toContain("-TenantId 'contoso.onmicrosoft.com'"));
    expect(script('powershell')).toContain(`$redirectUris = @('${REDIRECT}')`);
    expect(script('azure-cli')).toContain(`SPA_BODY='{"spa":{"redirectUris":["${REDIRECT}"]}}'`);
    expect(screen.getByRole('button', { name: 'Copy the PowerShell script' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Copy the Azure CLI script' })).toBeTruthy();
  });

  it('adds the other stores’ URIs when asked, and names one it leaves out', async () => {
    render(<SetupScript redirectUri={REDIRECT} />);
    expect(screen.queryByLabelText('Other redirect URIs, one per line')).toBeNull();
    fireEvent.click(screen.getByLabelText('Also register other browsers’ redirect URIs'));
    fireEvent.input(screen.getByLabelText('Other redirect URIs, one per line'), {
      target: { value: `${FIREFOX}\nhttp://bad.example/` },
    });
    await waitFor(() => expect(script('powershell')).toContain(`@('${REDIRECT}', '${FIREFOX}')`));
    expect(script('powershell')).not.toContain('bad.example');
    expect(screen.getByText('“http://bad.example/” must start with https://. It is left out of the scripts.')).toBeTruthy();
  });

  it('follows the saved cloud: a change of cloud rewrites both scripts', async () => {
    let notify: ((settings: SetupSettings | null) => void) | undefined;
    const unsubscribe = vi.fn();
    const { unmount } = render(
      <SetupScript
        redirectUri={REDIRECT}
        loadSettings={async () => ({ tenantId: 'contoso.onmicrosoft.com' })}
        watchSettings={(onChange) => {
          notify = onChange;
          return unsubscribe;
        }}
      />,
    );
    await waitFor(() => expect(script('powershell')).toContain("Connect-MgGraph -TenantId 'contoso.onmicrosoft.com' -Scopes"));
    expect(script('azure-cli')).toContain('https://graph.microsoft.com/v1.0/');
    expect(screen.queryByTestId('setup-script-cloud')).toBeNull();

    act(() => notify?.({ tenantId: 'contoso.onmicrosoft.us', cloud: 'usGovL4' }));
    await waitFor(() =>
      expect(script('powershell')).toContain("Connect-MgGraph -Environment USGov -TenantId 'contoso.onmicrosoft.us' -Scopes"),
    );
    expect(script('azure-cli')).toContain('az cloud set --name AzureUSGovernment');
    expect(script('azure-cli')).toContain('https://graph.microsoft.us/v1.0/');
    expect(script('azure-cli')).not.toContain('graph.microsoft.com');
    expect(screen.getByTestId('setup-script-cloud').textContent).toContain('US Government (GCC High)');

    act(() => notify?.({ tenantId: 'contoso.partner.onmschina.cn', cloud: 'china' }));
    await waitFor(() => expect(script('powershell')).toContain('Connect-MgGraph -Environment China'));
    expect(script('azure-cli')).toContain('az cloud set --name AzureChinaCloud');
    expect(script('azure-cli')).toContain('https://microsoftgraph.chinacloudapi.cn/v1.0/');

    act(() => notify?.({ tenantId: 'contoso.onmicrosoft.com' }));
    await waitFor(() => expect(script('powershell')).not.toContain('-Environment'));
    expect(script('azure-cli')).not.toContain('az cloud set');
    act(() => {
      unmount();
    });
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });

  it('shows no script for a name it can’t use', async () => {
    render(<SetupScript redirectUri={REDIRECT} />);
    fireEvent.input(screen.getByLabelText('App registration name'), { target: { value: ' ' } });
    expect(await screen.findByText('Enter a name for the app registration.')).toBeTruthy();
    expect(screen.queryByTestId('setup-script-powershell')).toBeNull();
  });
});

describe('SetupCheck (options)', () => {
  const report: SetupReport = {
    username: 'MeganB@contoso.onmicrosoft.com',
    lines: [
      { key: 'redirectUri', status: 'ok', title: 'Redirect URI registered as a single-page application', detail: 'Fine.' },
      {
        key: 'permission',
        permission: 'User.Read.All',
        status: 'problem',
        title: 'User.Read.All consented',
        detail: 'Not granted.',
        fix: 'Grant it.',
        link: {
          href: 'https://login.microsoftonline.com/x/adminconsent?client_id=y',
          label: 'Admin-consent link',
          showUrl: true,
        },
      },
    ],
  };

  it('runs on click, says how many problems, and shows each line with its fix', async () => {
    const run = vi.fn().mockResolvedValue(report);
    render(<SetupCheck run={run} />);
    fireEvent.click(screen.getByRole('button', { name: 'Check setup' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Checked as MeganB@contoso.onmicrosoft.com: 1 problem.'),
    );
    const line = screen.getByTestId('setup-line-permission-User.Read.All');
    expect(line.getAttribute('data-status')).toBe('problem');
    expect(line.textContent).toContain('Problem');
    expect(line.textContent).toContain('Fix: Grant it.');
    expect(screen.getByRole('link', { name: 'Admin-consent link' }).getAttribute('href')).toContain('/adminconsent?');
    expect(screen.getByTestId('setup-line-redirectUri').textContent).toContain('OK');
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('shows the background’s sentence when the check can’t run', async () => {
    const run = vi.fn().mockRejectedValue(new RequestError({ kind: 'notConfigured', message: 'Configure it first.' }));
    render(<SetupCheck run={run} />);
    fireEvent.click(screen.getByRole('button', { name: 'Check setup' }));
    // On the options page "configure it" points at the fields above, not at the options page.
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Enter and save the Application (client) ID and Directory (tenant) ID above, then check again.',
    );
  });
});
