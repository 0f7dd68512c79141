import { render } from 'preact';
import { browser } from 'wxt/browser';
import { HostAccessNotice } from '@/components/HostAccessNotice';
import { PopupApp } from '@/components/PopupApp';
import { policyCacheItem } from '@/utils/storage';
import { rescueFocus } from '@/utils/ui/focus-rescue';
import { createPopupStore } from '@/utils/ui/popup-store';
import { parsePrincipal } from '@/utils/upn';
import '@/components/theme.css';
import './popup.css';

const app = document.getElementById('app');
// Sign out becoming Sign in (and back) keeps the keyboard on the account bar's button.
rescueFocus(['.account-bar button', 'main button', 'button']);
if (app) {
  const store = createPopupStore(undefined, () => policyCacheItem.getValue());
  render(
    <PopupApp
      store={store}
      parsePrincipal={(text) => parsePrincipal(text)?.value ?? null}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onLookedUp={() => window.close()}
      hostAccess={<HostAccessNotice compact onAskElsewhere={() => void browser.runtime.openOptionsPage()} />}
    />,
    app,
  );
}
