import type { AuthBroker } from '../auth/broker';
import type { GraphClient } from '../graph/client';
import type { PolicyStore } from '../graph/policy';
import type { PanelMode } from '../messages';
import type { IssueGuard } from './issue-guard';

/** Everything the handlers need, injected by the composition root (fakes in unit tests). */
export interface BackgroundServices {
  broker: Pick<AuthBroker, 'getToken' | 'signIn' | 'signOut' | 'account' | 'settings'>;
  graph: GraphClient;
  policyStore: PolicyStore;
  guard: IssueGuard;
  openPanelWindow(request: { userRef: string; mode: PanelMode }): Promise<{ windowId: number }>;
  isOnline(): boolean;
  now(): number;
  /** Diagnostics only: never a token, a pass value or a response body. */
  log(message: string): void;
}
