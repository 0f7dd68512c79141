/**
 * The panel page. It never decides whom it is for: a portal frame waits for its content script's hello (a ticket and a
 * private port), a window is one the background opened; either way the background's claim names the user. A
 * panel.html that anything else frames or opens gets no claim and shows only a sentence.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { PanelNotice } from '@/components/PanelNotice';
import { TapPanel } from '@/components/TapPanel';
import { UnboundPanel } from '@/components/UnboundPanel';
import { applyDocumentLanguage } from '@/utils/i18n/document-language';
import type { PanelClaim, PanelState, RequestMap, RequestType } from '@/utils/messages';
import { sendRequest } from '@/utils/send-request';
import { createActivationGuard } from '@/utils/ui/activation-guard';
import { rescueFocus } from '@/utils/ui/focus-rescue';
import { awaitHostPort, type HostPort } from '@/utils/ui/host-port';
import type { Send } from '@/utils/ui/panel-store';
import { canProveVisibility, createVisibilityGate } from '@/utils/ui/visibility-gate';
import '@/components/theme.css';
import './panel.css';

applyDocumentLanguage();
// The window's title bar (index.html's English is what shows until this runs).
document.title = i18n.t('panel.window.title');
const app = document.getElementById('app');
// A replaced control (Sign in → the loaded view, Try again → the skeleton) hands the keyboard to the user's name.
rescueFocus(['.user-name', 'main button', 'main']);
const framed = window.parent !== window;

function withTicket(ticket: string | undefined): Send {
  return <T extends RequestType>(type: T, req: RequestMap[T]['req']) =>
    sendRequest(type, (ticket ? { ...req, ticket } : req) as RequestMap[T]['req']);
}

async function claimAs(ticket?: string): Promise<PanelClaim | null> {
  return sendRequest('claimPanel', ticket ? { ticket } : {}).catch(() => null);
}

/**
 * The shortcut brought the admin here: the keyboard starts on the panel's heading (the user's name). While the view
 * is still loading it waits on the panel itself, and moves to the heading once that appears.
 */
function focusPanel(): void {
  const focusOn = (element: HTMLElement) => {
    element.tabIndex = -1;
    element.focus();
  };
  const heading = document.querySelector<HTMLElement>('.user-name');
  if (heading) {
    focusOn(heading);
    return;
  }
  const main = document.querySelector<HTMLElement>('main');
  if (main) focusOn(main);
  const observer = new MutationObserver(() => {
    const arrived = document.querySelector<HTMLElement>('.user-name');
    if (!arrived) return;
    observer.disconnect();
    if (document.activeElement === main || document.activeElement === document.body) focusOn(arrived);
  });
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => observer.disconnect(), 10_000);
}

async function startInFrame(root: HTMLElement): Promise<void> {
  document.documentElement.dataset.context = 'portal';
  let claim: PanelClaim | null = null;
  let firstView: Promise<PanelState> | undefined;
  const port: HostPort | null = await awaitHostPort(async (candidate) => {
    // Asked together: a portal panel is always for a user, so its view needn't wait for the claim's answer.
    const view = sendRequest('getPanelState', { ticket: candidate.ticket });
    view.catch(() => undefined);
    claim = await claimAs(candidate.ticket);
    if (claim) firstView = view;
    return claim !== null;
  });
  const bound = claim as PanelClaim | null;
  if (!port || bound?.kind !== 'user') {
    render(<UnboundPanel />, root);
    return;
  }
  port.post({ type: 'ready' });
  const gate = createVisibilityGate(root, { needsHost: true });
  const guard = createActivationGuard(window, undefined, (active) => port.post({ type: 'attention', active }));
  port.onMessage((message) => {
    if (message.type === 'visibility') gate.reportHost(message.visible);
    else if (message.type === 'theme') document.documentElement.dataset.theme = message.theme;
    else if (message.type === 'focus') focusPanel();
  });
  const send = withTicket(port.ticket);
  const Panel = () => (
    <TapPanel
      claim={bound}
      send={send}
      armed={gate.armed.value}
      guard={guard}
      firstView={firstView}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onClose={() => port.post({ type: 'close' })}
      onCollapse={() => port.post({ type: 'collapse' })}
      windowOnly={!canProveVisibility()}
    />
  );
  render(<Panel />, root);
}

async function startInWindow(root: HTMLElement): Promise<void> {
  document.documentElement.dataset.context = 'window';
  const claim = await claimAs();
  if (!claim) {
    render(<UnboundPanel />, root);
    return;
  }
  if (claim.kind === 'notice') {
    render(<PanelNotice sentence={claim.sentence} onClose={() => window.close()} />, root);
    return;
  }
  // A window the background opened for the admin's own click: no page frames or covers it, so it is armed.
  render(
    <TapPanel
      claim={claim}
      send={withTicket(undefined)}
      armed
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onClose={() => window.close()}
    />,
    root,
  );
  showHostAccess(root);
}

/**
 * A window says when the portal panel can't appear (no access to the portal hosts). A portal frame couldn't exist
 * without that access, so the notice is a script of its own (entrypoints/host-access-notice.tsx) that only a window
 * loads: an import() here would add Vite's ~1.2 KB preload helper to every frame.
 */
function showHostAccess(root: HTMLElement): void {
  const slot = document.createElement('div');
  slot.className = 'window-notice';
  root.before(slot);
  const script = document.createElement('script');
  script.src = browser.runtime.getURL('/host-access-notice.js');
  document.head.append(script);
}

if (app) void (framed ? startInFrame(app) : startInWindow(app));
