import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PopupApp } from '@/components/PopupApp';
import { policyCacheItem } from '@/utils/storage';
import { createPopupStore } from '@/utils/ui/popup-store';
import { parsePrincipal } from '@/utils/upn';
import '@/components/theme.css';
import './popup.css';

const app = document.getElementById('app');
if (app) {
  const store = createPopupStore(undefined, () => policyCacheItem.getValue());
  render(
    <PopupApp
      store={store}
      parsePrincipal={(text) => parsePrincipal(text)?.value ?? null}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onLookedUp={() => window.close()}
    />,
    app,
  );
}
