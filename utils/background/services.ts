import type { AuthorizeProbe } from '../auth/authorize-probe';
import type { AuthBroker } from '../auth/broker';
import type { BulkServices } from '../bulk-background/bulk-services';
import type { GraphClient } from '../graph/client';
import type { PolicyStore } from '../graph/policy';
import type { HistoryService } from '../history/history';
import type { ManagedConfig } from '../managed-config';
import type { PanelWindowRequest, WindowContent } from '../panel-window';
import type { EntraSettings } from '../storage';
import type { FrameBindings } from './frame-bindings';
import type { IssueGuard } from './issue-guard';
import type { PanelLoads } from './panel-loads';

/** Clears a copied pass from the clipboard later (or now) when it still holds it; false when the admin turned it off. */
export interface ClipboardGuard {
  watch(digest: string, when: 'later' | 'now'): Promise<{ scheduled: boolean; afterSeconds: number }>;
}

/** Everything the handlers need, injected by the composition root (fakes in unit tests). */
export interface BackgroundServices {
  broker: Pick<
    AuthBroker,
    | 'getToken'
    | 'signIn'
    | 'signOut'
    | 'account'
    | 'settings'
    | 'knownTenantId'
    | 'resolveTenantId'
    | 'actingTenant'
    | 'switchTenant'
  >;
  graph: GraphClient;
  policyStore: PolicyStore;
  guard: IssueGuard;
  frames: FrameBindings;
  panelLoads: PanelLoads;
  /** The bulk page's batches in flight, and its reads shared by every row (the policy, the admin's roles). */
  bulk: BulkServices;
  clipboard: ClipboardGuard;
  /** The local history (storage.local): record(entry) after every issue, replace and revoke, from any page. */
  history: HistoryService;
  /** The setup check's view of the sign-in: this browser's redirect URI, and whether Entra's authorize page accepts it. */
  setup: {
    redirectUri: string;
    probeAuthorize(settings: Pick<EntraSettings, 'clientId' | 'tenantId'>): Promise<AuthorizeProbe>;
  };
  openPanelWindow(request: PanelWindowRequest): Promise<{ windowId: number }>;
  /** What the background's own window shows, or null when the window isn't one of them. */
  windowContent(windowId: number, tabId: number): Promise<WindowContent | null>;
  /** The organisation's validated managed configuration (storage.managed; {} when no policy names the extension). */
  organisation(): Promise<ManagedConfig>;
  isOnline(): boolean;
  now(): number;
  /** Sleeps between the bounded re-reads after a write (instant in unit tests). */
  wait(ms: number): Promise<void>;
  /** Diagnostics only: never a token, a pass value or a response body. */
  log(message: string): void;
}
