import { render } from 'preact';
import { browser } from 'wxt/browser';
import { PanelNotice } from '@/components/PanelNotice';
import { type PanelContext, type PanelIntent, TapPanel } from '@/components/TapPanel';
import { noticeFromQuery } from '@/utils/context-menu/notice';
import { postToHost, reportHeight } from '@/utils/ui/frame';
import '@/components/theme.css';
import './panel.css';

const params = new URLSearchParams(window.location.search);
const userRef = params.get('userRef')?.trim() ?? '';
const context: PanelContext = params.get('context') === 'window' ? 'window' : 'portal';
const intent: PanelIntent = params.get('intent') === 'issue' ? 'issue' : 'status';
const app = document.getElementById('app');

function close(): void {
  if (context === 'portal') postToHost({ type: 'entra-tap:close' });
  else window.close();
}

const notice = noticeFromQuery(params);

if (app && notice) {
  document.documentElement.dataset.context = 'window';
  render(<PanelNotice sentence={notice} onClose={() => window.close()} />, app);
} else if (app) {
  document.documentElement.dataset.context = context;
  render(
    <TapPanel
      key={userRef}
      userRef={userRef}
      context={context}
      intent={intent}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onClose={close}
    />,
    app,
  );
  if (context === 'portal') reportHeight(app);
}
