import type { CloudName } from './clouds';
/**
 * The one protocol between the extension's UIs (panel, popup, options), the content script and the background.
 * Senders send a Request; the background validates sender and shape (see parseRequest, classifySender) and answers a Reply.
 * No reply ever carries a token. Only the issueTap reply carries a pass value, straight to the panel that asked.
 *
 * A panel never says whom it acts for: the background bound it when it was created (a portal frame through the content
 * script's introduction and its one-time ticket, a window because the background opened it) and answers for that user only.
 */
import type { AuthMethodSummary, GroupRef, IssuedTap, TapMethod, TapPolicy, TargetUser } from './graph/types';
import type { HistoryEntry, HistorySettings } from './history/types';
import type { IssueDefaults } from './managed-config';
import type { OfferedProfile } from './ui/offered-profiles';

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
  /** The signed-in account's directory (its token's tid), the tenant every request acts in. */
  tenantId: string | null;
  /** The configured domain of that directory, once known to name it; null when unknown or configured by id. */
  tenantDomain: string | null;
  /** Tenant domain or id the extension is configured for. */
  configuredTenant: string | null;
  /** The directory switched to (domain or id) when it isn't the configured one; absent otherwise. */
  actingTenant?: string;
  /** false when the organisation's managed configuration keeps turning the TAP policy on out of the popup. */
  enablePolicyAllowed?: false;
  /** The Microsoft cloud configured, when it isn't the worldwide one. */
  cloud?: CloudName;
}

export type IneligibleReason =
  | 'policyDisabled'
  | 'notIncluded'
  | 'excluded'
  | 'externalGuest'
  | 'externalMember'
  | 'accountDisabled'
  | 'self'
  | 'roleCannotActOnAdmin'
  | 'policyUnreadable';

/** Graph creates the pass, but the user can't sign in with it until something changes (Issue stays enabled). */
export type EligibilityWarning = 'notIncluded' | 'excluded' | 'accountDisabled';

export interface Eligibility {
  canIssue: boolean;
  /** Empty when canIssue. The first one is the headline. */
  reasons: { reason: IneligibleReason; sentence: string; groups?: GroupRef[] }[];
  /** What the admin should know before issuing a pass that would not work yet; shown when canIssue. */
  warnings: { reason: EligibilityWarning; sentence: string; groups?: GroupRef[] }[];
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
  /**
   * Set after a write Graph accepted but its read-back doesn't show yet (replication): what was asked, and the sentence
   * to show. `policy` is then what Graph still reads.
   */
  pending?: { state: TapPolicy['state']; message: string };
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
  /**
   * What the form's untouched fields mean when the organisation's managed configuration sets defaults (added by the
   * background, which holds the validated managed layer; absent when it sets none).
   */
  issueDefaults?: IssueDefaults;
  /** The directory this view was read from and every action acts in (added by the background). */
  tenant?: TenantView;
}

/** The tenant a panel acts in, as shown in its header. */
export interface TenantView {
  /** The directory's object id (the token's tid). */
  id: string;
  /** How to name it: its domain when known to be that directory, else the id. */
  name: string;
  /** Its Microsoft cloud when that isn't the worldwide one: how to name it, and what is different there. */
  cloud?: { label: string; note?: string };
}

export type ErrorKind =
  | 'notConfigured'
  | 'signedOut'
  | 'consentRequired'
  | 'forbidden'
  | 'policyBlocked'
  | 'lifetimeOutOfRange'
  | 'externalGuest'
  | 'externalMember'
  | 'notFound'
  | 'invalidInput'
  | 'throttled'
  | 'offline'
  | 'serverError'
  | 'ambiguous'
  | 'cancelled'
  | 'wrongTenant'
  | 'unbound'
  | 'conditionalAccess'
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
  /** Whom to ask, as the organisation's policy words it (managed supportContact); added by the background. */
  support?: string;
  /**
   * The portal shows another directory than the one signed in to: the tenant (as the portal names it) a sign-in could
   * switch to. The panel offers it; absent when the organisation doesn't allow that directory.
   */
  switchTo?: string;
  /** Where to do what the sentence says (the admin-consent URL, PIM "My roles"); added by the background. */
  link?: { href: string; label: string /** Show the URL itself, to send to someone. */; showUrl?: boolean };
}

/** One line of the options page's "Check setup": what was checked, what was found, and what to do about it. */
export interface SetupCheckLine {
  key: 'redirectUri' | 'permission' | 'roles' | 'policyReadable' | 'policyOn' | 'tenant';
  /** For a 'permission' line: the delegated permission it is about. */
  permission?: string;
  /** ok; problem: blocks issuing; warning: works, with less; unknown: couldn't be checked (detail says why). */
  status: 'ok' | 'problem' | 'warning' | 'unknown';
  /** What the line checks, e.g. "Redirect URI registered as a single-page application". */
  title: string;
  /** What the check found, in a sentence. */
  detail: string;
  /** What to do, for anything but ok. */
  fix?: string;
  link?: ErrorInfo['link'];
}

export interface SetupReport {
  lines: SetupCheckLine[];
  /** The account the check signed in with, when it got that far. */
  username: string | null;
}

/** Whom a panel acts for and how it was opened, as the background bound it. */
export type PanelClaim =
  | {
      kind: 'user';
      /** portal: a frame the content script mounted on a user page; window: a window the background opened. */
      context: 'portal' | 'window';
      /** Always 'status' in portal frames: nothing there may start focused on Issue. */
      mode: PanelMode;
      /** The object id or UPN from the portal URL or the admin's selection; Graph resolves it. */
      userRef: string;
      /** Opened from a right-clicked link: its address, shown beside the resolved user. */
      link?: string;
    }
  | { kind: 'notice'; sentence: string };

/** A panel's proof of its binding: portal frames hold the one-time ticket their content script handed them. */
export interface PanelTicket {
  ticket?: string;
}

export interface RequestMap {
  getSession: { req: Record<never, never>; res: SessionInfo };
  signIn: { req: PanelTicket; res: SessionInfo };
  signOut: { req: Record<never, never>; res: SessionInfo };
  /**
   * Signs in to another directory with the same account and acts there from now on: a portal frame asks for the tenant
   * its URL named (bound at its introduction; it names none itself), the popup for a tenant profile.
   */
  switchTenant: { req: PanelTicket & { tenant?: string }; res: SessionInfo };
  /** Content script → background: the frame it is mounting on this tab is for userRef; nonce is its ticket. */
  introduceFrame: {
    /** tenant: the directory the portal URL names (path segment, `#@tenant/`), GUID or domain; absent when it names none. */
    req: { nonce: string; userRef: string; tenant?: string };
    res: { introduced: true };
  };
  /** Content script → background: that frame is gone. */
  releaseFrame: { req: { nonce: string }; res: { released: true } };
  /** Panel → background: whom am I for? Binds a portal frame's ticket to the frame that presents it first. */
  claimPanel: { req: PanelTicket; res: PanelClaim };
  /** The bound user's first view; fresh skips the ≤ 10 s shared copy (after an action). */
  getPanelState: { req: PanelTicket & { fresh?: boolean }; res: PanelState };
  /** attemptId: a random id per click; the same id is never issued twice. userId must be the bound user's. */
  issueTap: { req: PanelTicket & { userId: string; attemptId: string; options: IssueOptions }; res: IssuedTap };
  revokeTap: {
    req: PanelTicket & { userId: string; methodId: string };
    /** alreadyGone: Graph had no such pass (404); message says so in plain words. */
    res: { revoked: true; alreadyGone?: true; message?: string };
  };
  getPolicy: { req: { refresh?: boolean }; res: PolicyView };
  /** Asks for Policy.ReadWrite.AuthenticationMethod (incremental consent), PATCHes state=enabled, re-reads. */
  enablePolicy: { req: Record<never, never>; res: PolicyView };
  /** A portal panel that can't act where it is (covered, filtered, off screen): its user in a window of its own. */
  openInWindow: { req: PanelTicket; res: { windowId: number } };
  /**
   * Options page only: signs in if needed (a fresh trip through the authorization endpoint) and checks the setup line by
   * line. Nothing in the report is a token.
   */
  checkSetup: { req: Record<never, never>; res: SetupReport };
  /** The tenant profiles the popup offers (home first; the organisation's rules applied). */
  getProfiles: { req: Record<never, never>; res: OfferedProfile[] };
  /** Opens (or focuses) the panel for a principal in a small window. */
  openPanelWindow: { req: { userRef: string; mode: PanelMode }; res: { windowId: number } };
  /**
   * The pass was copied: clear the clipboard later (or now) if it still holds it. digest: SHA-256 (hex) of the pass,
   * never the pass; the comparison happens where the clipboard is read.
   */
  clearClipboard: {
    req: PanelTicket & { digest: string; when: 'later' | 'now' };
    /** afterSeconds: when 'later' happens; scheduled false when the admin turned clearing off. */
    res: { scheduled: boolean; afterSeconds: number };
  };
  /**
   * Extension pages only (options, popup, bulk), never a panel: the local history, newest first, within retention; at
   * most `limit` entries (the popup's last few).
   */
  getHistory: { req: { limit?: number }; res: { entries: HistoryEntry[]; settings: HistorySettings } };
  /**
   * Bulk page only (/bulk.html, top level): resolves and checks up to BULK_CHUNK references (the panel's verdicts; a
   * user the policy doesn't let sign in is skipped in a list, see utils/background/handlers/bulk-check.ts).
   */
  bulkCheck: { req: { refs: string[] }; res: { rows: BulkCheckRow[]; policy: TapPolicy | null } };
  /**
   * Bulk page only: issues up to BULK_CHUNK passes for checked users, throttling honoured, each rowId at most once;
   * every row's outcome in the reply.
   */
  bulkIssue: { req: { rows: BulkIssueRow[] }; res: { results: BulkIssueResult[] } };
  /** Options page only: removes every history entry. */
  clearHistory: { req: Record<never, never>; res: { cleared: number } };
}

/** Bulk: at most this many rows per bulkCheck / bulkIssue message (one Graph $batch holds at most 20 requests). */
export const BULK_CHUNK = 20;

/** What a bulk row will do: issue a first pass, replace the user's current one, or nothing (and why). */
export type BulkVerdict = 'issue' | 'replace' | 'skip';

/** Why a bulk row is skipped: the panel's reasons, or what only a list has. */
export type BulkSkipReason = IneligibleReason | 'notFound' | 'error';

/** One checked row of a bulk list, as Graph resolved it. Never a pass value (a GET never has one). */
export interface BulkCheckRow {
  /** The reference the list gave (UPN or object id), as sent. */
  ref: string;
  verdict: BulkVerdict;
  /** The resolved user; absent when Graph didn't find one. */
  user?: { id: string; displayName: string; userPrincipalName: string };
  /** skip only: the first reason. */
  reason?: BulkSkipReason;
  /** skip: why, and what to do; replace: what replacing means; issue with a warning: the warning. */
  sentence?: string;
  /** replace only: the current pass's validity, for the table. */
  currentPass?: Pick<TapMethod, 'id' | 'startDateTime' | 'lifetimeInMinutes' | 'isUsableOnce'>;
}

/** One row to issue: a user the bulk page checked (resolved in this session) and the options its list line asked. */
export interface BulkIssueRow {
  /** A random id per row per run: the same rowId is never issued twice, however often it is sent. */
  rowId: string;
  userId: string;
  options: IssueOptions;
}

/** What happened to one row. Only 'issued' carries a pass, straight to the bulk page that asked. */
export type BulkIssueResult =
  | { rowId: string; userId: string; status: 'issued'; pass: IssuedTap }
  | { rowId: string; userId: string; status: 'failed'; error: ErrorInfo }
  /** Graph may have acted but the value never arrived (reconciled by reading): the error says what is known. */
  | { rowId: string; userId: string; status: 'unknown'; error: ErrorInfo };

export type PanelMode = 'issue' | 'status';
export type RequestType = keyof RequestMap;
export type Request<T extends RequestType = RequestType> = { [K in T]: { type: K } & RequestMap[K]['req'] }[T];
export type Reply<T extends RequestType = RequestType> =
  | { ok: true; data: RequestMap[T]['res'] }
  | { ok: false; error: ErrorInfo };
