import { render } from 'preact';
import { browser } from 'wxt/browser';
import { HostAccessNotice } from '@/components/HostAccessNotice';
import { PopupApp } from '@/components/PopupApp';
import { effectiveSettings, managedLayer } from '@/utils/managed-config';
import { policyCacheItem, settingsItem, tenantProfilesItem } from '@/utils/storage';
import { validProfiles } from '@/utils/tenant-profiles';
import { rescueFocus } from '@/utils/ui/focus-rescue';
import { offeredProfiles } from '@/utils/ui/offered-profiles';
import { createPopupStore, type PopupStore, type ProfileSource } from '@/utils/ui/popup-store';
import { parsePrincipal } from '@/utils/upn';
import '@/components/theme.css';
import './popup.css';

const app = document.getElementById('app');

/** Site access for the configured cloud too (a national one's admin centers are optional permissions). */
function SiteAccess({ store }: { store: PopupStore }) {
  return (
    <HostAccessNotice
      compact
      cloud={cloudOf(store.session.value)}
      onAskElsewhere={() => void browser.runtime.openOptionsPage()}
    />
  );
}
// Sign out becoming Sign in (and back) keeps the keyboard on the account bar's button.
rescueFocus(['.account-bar button', 'main button', 'button']);
// The organisation's profiles replace the admin's own; its allowedTenants and a fixed app registration rule some out.
const profileSource: ProfileSource = {
  async load() {
    const [local, saved, reading] = await Promise.all([
      tenantProfilesItem.getValue(),
      settingsItem.getValue(),
      managedLayer.get(),
    ]);
    return offeredProfiles(effectiveSettings(saved, reading.values), validProfiles(local), reading.values);
  },
  // The options page's save path: the background takes the new registration up and signs out.
  saveSettings: (settings) => settingsItem.setValue(settings),
};
if (app) {
  const store = createPopupStore(undefined, () => policyCacheItem.getValue(), profileSource);
  render(
    <PopupApp
      store={store}
      parsePrincipal={(text) => parsePrincipal(text)?.value ?? null}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onLookedUp={() => window.close()}
      hostAccess={<SiteAccess store={store} />}
    />,
    app,
  );
}
