import { describe, expect, it, vi } from 'vitest';
import type { SessionInfo } from '@/utils/messages';
import { createPopupStore } from '@/utils/ui/popup-store';
import { policyView } from '../components/fixtures';

const OTHER_CLIENT = '1f7d8a5b-9e6c-4d2f-8a4b-3c8e7f6d5b42';

const session = (patch: Partial<SessionInfo> = {}): SessionInfo => ({
  configured: true,
  signedIn: true,
  username: 'megan@contoso.onmicrosoft.com',
  displayName: 'Megan',
  tenantId: '6b1a4ee4-3c35-4e8a-9a3d-0d1e5b2f7a10',
  tenantDomain: null,
  configuredTenant: 'contoso.onmicrosoft.com',
  ...patch,
});

describe('popup store: tenant profiles', () => {
  it('loads the offered profiles at init', async () => {
    const send = vi.fn(async (type: string) => (type === 'getSession' ? session({ signedIn: false }) : policyView()));
    const load = vi.fn(async () => [{ label: 'Home', tenant: 'contoso.onmicrosoft.com', home: true as const }]);
    const store = createPopupStore(send as never, async () => null, { load, saveSettings: vi.fn() });
    await store.init();
    expect(store.profiles.value).toHaveLength(1);
  });

  it('another app registration is saved as the settings, and the popup waits until the background signed out', async () => {
    let saved = false;
    let reads = 0;
    const send = vi.fn(async (type: string) => {
      if (type !== 'getSession') return policyView();
      reads++;
      // The background takes the new registration up a moment later.
      return saved && reads > 2 ? session({ signedIn: false, configuredTenant: 'northwind.onmicrosoft.com' }) : session();
    });
    const saveSettings = vi.fn(async () => {
      saved = true;
    });
    const store = createPopupStore(send as never, async () => null, { load: async () => [], saveSettings });
    await store.useRegistration({ label: 'Northwind', tenant: 'northwind.onmicrosoft.com', clientId: OTHER_CLIENT });
    expect(saveSettings).toHaveBeenCalledWith({ clientId: OTHER_CLIENT, tenantId: 'northwind.onmicrosoft.com' });
    expect(store.session.value).toMatchObject({ signedIn: false, configuredTenant: 'northwind.onmicrosoft.com' });
    expect(send).not.toHaveBeenCalledWith('switchTenant', expect.anything());
  });

  it('a profile without its own client id is never saved as the settings', async () => {
    const saveSettings = vi.fn();
    const store = createPopupStore(vi.fn() as never, async () => null, { load: async () => [], saveSettings });
    await store.useRegistration({ label: 'Fabrikam', tenant: 'fabrikam.onmicrosoft.com' });
    expect(saveSettings).not.toHaveBeenCalled();
  });
});
