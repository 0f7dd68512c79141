/**
 * The site-access notice of a panel window, loaded by that window alone (entrypoints/panel/main.tsx) into the slot it
 * made above the panel. Its own bundle, so the portal frame's page never carries it.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { HostAccessNotice } from '@/components/HostAccessNotice';

export default defineUnlistedScript(() => {
  const slot = document.querySelector('.window-notice');
  if (slot) render(<HostAccessNotice compact onAskElsewhere={() => void browser.runtime.openOptionsPage()} />, slot);
});
