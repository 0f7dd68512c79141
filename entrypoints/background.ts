import { browser } from 'wxt/browser';
import { createServices } from '@/utils/background/create-services';
import { createDispatcher } from '@/utils/background/dispatcher';
import { setupContextMenus } from '@/utils/context-menu';
import { openPanelWindow, watchPanelWindows } from '@/utils/panel-window';
import { settingsItem } from '@/utils/storage';

export default defineBackground(() => {
  const services = createServices();
  const dispatch = createDispatcher(services, { id: browser.runtime.id, pagesBaseUrl: browser.runtime.getURL('/') });

  // Registered synchronously so a restarted service worker gets the message that woke it.
  // Returning a promise answers (the polyfill); undefined leaves messages that aren't ours to other listeners.
  browser.runtime.onMessage.addListener((message, sender) => dispatch(message, sender));

  settingsItem.watch(() => {
    void services.settingsChanged();
  });

  setupContextMenus({ openPanelWindow });
  watchPanelWindows();
});
