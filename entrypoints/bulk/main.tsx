/**
 * The bulk page (/bulk.html), opened from the popup and the options page in a tab of its own. Issued passes live in
 * this page's memory only (utils/bulk/bulk-store.ts) until it closes.
 */

import { render } from 'preact';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { BulkApp } from '@/components/BulkApp';
import { createBulkStore } from '@/utils/bulk/bulk-store';
import { createCopyWatch } from '@/utils/bulk/copy-watch';
import { downloadText, resultsFileName } from '@/utils/bulk/download';
import { resultsCsv } from '@/utils/bulk/results-csv';
import { applyDocumentLanguage } from '@/utils/i18n/document-language';
import { sendRequest } from '@/utils/send-request';
import { rescueFocus } from '@/utils/ui/focus-rescue';
import '@/components/theme.css';
import './bulk.css';

applyDocumentLanguage();
// The title in index.html is the English one the tab shows until this runs.
document.title = i18n.t('bulk.app.title');
const app = document.getElementById('app');
// A replaced control (Check becoming the table, Issue becoming the progress) hands the keyboard to the page's heading.
rescueFocus(['main h2[tabindex]', 'h1', 'main button']);
if (app && window.top !== window) {
  // The background answers the top-level page only; a framed copy says so instead of failing at every click.
  app.textContent = i18n.t('bulk.app.framed');
} else if (app) {
  const store = createBulkStore(sendRequest);
  const copyWatch = createCopyWatch(sendRequest);
  window.addEventListener('pagehide', () => copyWatch.forget());
  render(
    <BulkApp
      store={store}
      copyWatch={copyWatch}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onPrint={() => window.print()}
      onDownload={(rows) => downloadText(resultsFileName(), resultsCsv(rows))}
    />,
    app,
  );
}
