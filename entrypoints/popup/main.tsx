import { render } from 'preact';
import { browser } from 'wxt/browser';
import { HostAccessNotice } from '@/components/HostAccessNotice';
import { RecentHistory } from '@/components/history/RecentHistory';
import { PopupApp } from '@/components/PopupApp';
import { applyDocumentLanguage } from '@/utils/i18n/document-language';
import { sendRequest } from '@/utils/send-request';
import { policyCacheItem, settingsItem } from '@/utils/storage';
import { rescueFocus } from '@/utils/ui/focus-rescue';
import { openBulkPage } from '@/utils/ui/open-bulk';
import { createPopupStore, type PopupStore, type ProfileSource } from '@/utils/ui/popup-store';
import { parsePrincipal } from '@/utils/upn';
import '@/components/theme.css';
import './popup.css';

applyDocumentLanguage();
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
  // The background applies them (it holds the validated managed layer).
  load: () => sendRequest('getProfiles', {}),
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
      onOpenBulk={() => void openBulkPage().then(() => window.close())}
      recent={<RecentHistory />}
    />,
    app,
  );
}
