/**
 * The one protocol between the extension's UIs (panel, popup, options) and the background.
 * UIs send a Request; the background validates sender and shape (see parseRequest) and answers a Reply.
 * No reply ever carries a token. Only the issueTap reply carries a pass value, straight to the panel that asked.
 */
import type { AuthMethodSummary, GroupRef, IssuedTap, TapMethod, TapPolicy, TargetUser } from './graph/types';

/** What the admin chose in the panel; every field optional (Graph applies the policy's defaults). */
export interface IssueOptions {
  /** ISO 8601 instant; absent = usable immediately. */
  startDateTime?: string;
  lifetimeInMinutes?: number;
  isUsableOnce?: boolean;
}

export interface SessionInfo {
  configured: boolean;
  signedIn: boolean;
  /** The admin's UPN, when signed in. */
  username: string | null;
  displayName: string | null;
  tenantId: string | null;
  /** Tenant domain or id the extension is configured for. */
  configuredTenant: string | null;
}

export type IneligibleReason =
  | 'policyDisabled'
  | 'notIncluded'
  | 'excluded'
  | 'externalGuest'
  | 'accountDisabled'
  | 'self'
  | 'roleCannotActOnAdmin'
  | 'policyUnreadable';

export interface Eligibility {
  canIssue: boolean;
  /** Empty when canIssue. The first one is the headline. */
  reasons: { reason: IneligibleReason; sentence: string; groups?: GroupRef[] }[];
}

export interface PolicyView {
  policy: TapPolicy | null;
  /** Display names for every group the policy's targets name. */
  groups: GroupRef[];
  /** Set when the policy could not be read (e.g. 403): the plain sentence to show instead. */
  unreadable: ErrorInfo | null;
  /** Epoch ms when this copy was read from Graph. */
  fetchedAt: number;
  fromCache: boolean;
}

export interface PanelState {
  user: TargetUser;
  currentPass: TapMethod | null;
  methods: AuthMethodSummary[];
  policy: PolicyView;
  eligibility: Eligibility;
  /** Admin's directory role display names (for the footer / explanations). */
  adminRoles: string[];
  /** Set when the user's current pass could not be read: the sentence to show in its place. */
  passUnreadable: ErrorInfo | null;
  /** Set when the user's registered methods could not be read. */
  methodsUnreadable: ErrorInfo | null;
}

export type ErrorKind =
  | 'notConfigured'
  | 'signedOut'
  | 'consentRequired'
  | 'forbidden'
  | 'policyBlocked'
  | 'lifetimeOutOfRange'
  | 'externalGuest'
  | 'notFound'
  | 'invalidInput'
  | 'throttled'
  | 'offline'
  | 'serverError'
  | 'ambiguous'
  | 'cancelled'
  | 'unknown';

/** Every failure, as data: a sentence a person can act on. */
export interface ErrorInfo {
  kind: ErrorKind;
  /** What happened and what to do, in plain words. */
  message: string;
  status?: number;
  code?: string;
  requestId?: string;
  /** For throttling: seconds Graph asked us to wait. */
  retryAfterSeconds?: number;
}

export interface RequestMap {
  getSession: { req: Record<never, never>; res: SessionInfo };
  signIn: { req: Record<never, never>; res: SessionInfo };
  signOut: { req: Record<never, never>; res: SessionInfo };
  /** userRef: an object id GUID or a UPN, from the portal URL or the admin's selection. */
  getPanelState: { req: { userRef: string }; res: PanelState };
  /** attemptId: a random id per click; the same id is never issued twice. */
  issueTap: { req: { userId: string; attemptId: string; options: IssueOptions }; res: IssuedTap };
  revokeTap: {
    req: { userId: string; methodId: string };
    /** alreadyGone: Graph had no such pass (404); message says so in plain words. */
    res: { revoked: true; alreadyGone?: true; message?: string };
  };
  getPolicy: { req: { refresh?: boolean }; res: PolicyView };
  /** Asks for Policy.ReadWrite.AuthenticationMethod (incremental consent), PATCHes state=enabled, re-reads. */
  enablePolicy: { req: Record<never, never>; res: PolicyView };
  /** Opens (or focuses) the panel for a principal in a small window. */
  openPanelWindow: { req: { userRef: string; mode: PanelMode }; res: { windowId: number } };
}

export type PanelMode = 'issue' | 'status';
export type RequestType = keyof RequestMap;
export type Request<T extends RequestType = RequestType> = { [K in T]: { type: K } & RequestMap[K]['req'] }[T];
export type Reply<T extends RequestType = RequestType> =
  | { ok: true; data: RequestMap[T]['res'] }
  | { ok: false; error: ErrorInfo };
