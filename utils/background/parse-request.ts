import { i18n } from '#i18n';
import { isGuid, normalizeUserRef } from '../graph/paths';
import { BULK_CHUNK, type BulkIssueRow, type ErrorInfo, type IssueOptions, type Request, type RequestType } from '../messages';
import { normalizeTenantRef } from '../tenant-ref';

export type ParseResult = { ok: true; request: Request } | { ok: false; error: ErrorInfo } | { ok: 'ignore' };

// The detail names the protocol's fields as code does (a page of this extension never sends a malformed request): it
// stays English inside the catalogue's sentence.
const invalid = (detail: string): ParseResult => ({
  ok: false,
  error: { kind: 'invalidInput', message: i18n.t('background.request.malformed', { detail }) },
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasOnlyKeys = (o: Record<string, unknown>, allowed: readonly string[]) => Object.keys(o).every((k) => allowed.includes(k));
const ATTEMPT_ID = /^[A-Za-z0-9-]{8,64}$/;
/** Frame tickets: 128+ random bits in base64url, made by the content script. */
const TICKET = /^[A-Za-z0-9_-]{22,64}$/;
const DIGEST = /^[0-9a-f]{64}$/;
// Graph method ids: GUIDs for passes; allow the id alphabet Graph uses for other methods, nothing URL-special.
const METHOD_ID = /^[A-Za-z0-9_-]{1,128}$/;

function parseOptions(v: unknown): IssueOptions | null {
  if (!isRecord(v) || !hasOnlyKeys(v, ['startDateTime', 'lifetimeInMinutes', 'isUsableOnce'])) return null;
  const out: IssueOptions = {};
  if (v.startDateTime !== undefined) {
    if (typeof v.startDateTime !== 'string' || v.startDateTime.length > 40 || Number.isNaN(Date.parse(v.startDateTime)))
      return null;
    out.startDateTime = v.startDateTime;
  }
  if (v.lifetimeInMinutes !== undefined) {
    if (typeof v.lifetimeInMinutes !== 'number' || !Number.isInteger(v.lifetimeInMinutes)) return null;
    out.lifetimeInMinutes = v.lifetimeInMinutes;
  }
  if (v.isUsableOnce !== undefined) {
    if (typeof v.isUsableOnce !== 'boolean') return null;
    out.isUsableOnce = v.isUsableOnce;
  }
  return out;
}

type Parser = (m: Record<string, unknown>) => Request | string;

const bare = (type: 'getSession' | 'signOut' | 'enablePolicy' | 'checkSetup' | 'getProfiles' | 'clearHistory'): Request => ({
  type,
});
const HISTORY_LIMIT_MAX = 10_000;

/** A list of 1..BULK_CHUNK items, or the sentence saying why not. */
function bulkList(v: unknown, name: string): unknown[] | string {
  if (!Array.isArray(v) || v.length < 1 || v.length > BULK_CHUNK) return `${name} must be a list of 1 to ${BULK_CHUNK}`;
  return v;
}

function bulkRow(v: unknown): BulkIssueRow | string {
  if (!isRecord(v) || !hasOnlyKeys(v, ['rowId', 'userId', 'options'])) return 'a row has unexpected fields';
  if (typeof v.rowId !== 'string' || !ATTEMPT_ID.test(v.rowId)) return 'a rowId is missing or malformed';
  if (typeof v.userId !== 'string' || !isGuid(v.userId)) return 'a row’s userId must be an object id';
  const options = parseOptions(v.options);
  if (!options) return 'a row’s options are malformed';
  return { rowId: v.rowId, userId: v.userId.toLowerCase(), options };
}

/** The optional ticket field: absent, or a well-formed ticket (refused otherwise, never ignored). */
function ticketOf(m: Record<string, unknown>): { ticket?: string } | null {
  if (m.ticket === undefined) return {};
  return typeof m.ticket === 'string' && TICKET.test(m.ticket) ? { ticket: m.ticket } : null;
}

const PARSERS: { [K in RequestType]: Parser } = {
  getSession: (m) => (hasOnlyKeys(m, ['type']) ? bare('getSession') : 'unexpected fields'),
  signIn: (m) => {
    const ticket = ticketOf(m);
    if (!hasOnlyKeys(m, ['type', 'ticket'])) return 'unexpected fields';
    return ticket ? { type: 'signIn', ...ticket } : 'ticket is malformed';
  },
  signOut: (m) => (hasOnlyKeys(m, ['type']) ? bare('signOut') : 'unexpected fields'),
  switchTenant: (m) => {
    const ticket = ticketOf(m);
    if (!hasOnlyKeys(m, ['type', 'ticket', 'tenant'])) return 'unexpected fields';
    if (!ticket) return 'ticket is malformed';
    const tenant = m.tenant === undefined ? undefined : normalizeTenantRef(m.tenant);
    if (tenant === null) return 'tenant must be a directory id or domain name';
    // A frame switches to the tenant bound to it, never one it names.
    if (ticket.ticket && tenant) return 'a panel cannot name a tenant';
    return { type: 'switchTenant', ...ticket, ...(tenant && { tenant }) };
  },
  introduceFrame: (m) => {
    if (!hasOnlyKeys(m, ['type', 'nonce', 'userRef', 'tenant'])) return 'unexpected fields';
    if (typeof m.nonce !== 'string' || !TICKET.test(m.nonce)) return 'nonce is malformed';
    // The content script only mounts on user pages, whose URLs carry an object id or (Microsoft 365 admin center) a UPN:
    // the one validator, as for windows; Graph resolves a UPN to its object id before anything is issued.
    const userRef = normalizeUserRef(m.userRef);
    if (!userRef) return 'userRef is not an object id or user principal name';
    const tenant = m.tenant === undefined ? undefined : normalizeTenantRef(m.tenant);
    if (tenant === null) return 'tenant must be a directory id or domain name';
    return { type: 'introduceFrame', nonce: m.nonce, userRef, ...(tenant && { tenant }) };
  },
  releaseFrame: (m) => {
    if (!hasOnlyKeys(m, ['type', 'nonce'])) return 'unexpected fields';
    if (typeof m.nonce !== 'string' || !TICKET.test(m.nonce)) return 'nonce is malformed';
    return { type: 'releaseFrame', nonce: m.nonce };
  },
  claimPanel: (m) => {
    const ticket = ticketOf(m);
    if (!hasOnlyKeys(m, ['type', 'ticket'])) return 'unexpected fields';
    return ticket ? { type: 'claimPanel', ...ticket } : 'ticket is malformed';
  },
  openInWindow: (m) => {
    const ticket = ticketOf(m);
    if (!hasOnlyKeys(m, ['type', 'ticket'])) return 'unexpected fields';
    return ticket ? { type: 'openInWindow', ...ticket } : 'ticket is malformed';
  },
  clearClipboard: (m) => {
    const ticket = ticketOf(m);
    if (!hasOnlyKeys(m, ['type', 'ticket', 'digest', 'when'])) return 'unexpected fields';
    if (!ticket) return 'ticket is malformed';
    if (typeof m.digest !== 'string' || !DIGEST.test(m.digest)) return 'digest is malformed';
    if (m.when !== 'later' && m.when !== 'now') return 'when must be later or now';
    return { type: 'clearClipboard', ...ticket, digest: m.digest, when: m.when };
  },
  enablePolicy: (m) => (hasOnlyKeys(m, ['type']) ? bare('enablePolicy') : 'unexpected fields'),
  checkSetup: (m) => (hasOnlyKeys(m, ['type']) ? bare('checkSetup') : 'unexpected fields'),
  getProfiles: (m) => (hasOnlyKeys(m, ['type']) ? bare('getProfiles') : 'unexpected fields'),
  clearHistory: (m) => (hasOnlyKeys(m, ['type']) ? bare('clearHistory') : 'unexpected fields'),
  getHistory: (m) => {
    if (!hasOnlyKeys(m, ['type', 'limit'])) return 'unexpected fields';
    if (m.limit === undefined) return { type: 'getHistory' };
    const limit = m.limit;
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > HISTORY_LIMIT_MAX) {
      return `limit must be a whole number from 1 to ${HISTORY_LIMIT_MAX}`;
    }
    return { type: 'getHistory', limit };
  },
  getPolicy: (m) => {
    if (!hasOnlyKeys(m, ['type', 'refresh'])) return 'unexpected fields';
    if (m.refresh !== undefined && typeof m.refresh !== 'boolean') return 'refresh must be true or false';
    return m.refresh === undefined ? { type: 'getPolicy' } : { type: 'getPolicy', refresh: m.refresh };
  },
  getPanelState: (m) => {
    const ticket = ticketOf(m);
    if (!hasOnlyKeys(m, ['type', 'ticket', 'fresh'])) return 'unexpected fields';
    if (!ticket) return 'ticket is malformed';
    if (m.fresh !== undefined && typeof m.fresh !== 'boolean') return 'fresh must be true or false';
    return { type: 'getPanelState', ...ticket, ...(m.fresh !== undefined && { fresh: m.fresh }) };
  },
  openPanelWindow: (m) => {
    if (!hasOnlyKeys(m, ['type', 'userRef', 'mode'])) return 'unexpected fields';
    const userRef = normalizeUserRef(m.userRef);
    if (!userRef) return 'userRef is not an object id or user principal name';
    if (m.mode !== 'issue' && m.mode !== 'status') return 'mode must be issue or status';
    return { type: 'openPanelWindow', userRef, mode: m.mode };
  },
  issueTap: (m) => {
    const ticket = ticketOf(m);
    if (!hasOnlyKeys(m, ['type', 'ticket', 'userId', 'attemptId', 'options'])) return 'unexpected fields';
    if (!ticket) return 'ticket is malformed';
    if (typeof m.userId !== 'string' || !isGuid(m.userId)) return 'userId must be an object id';
    if (typeof m.attemptId !== 'string' || !ATTEMPT_ID.test(m.attemptId)) return 'attemptId is missing or malformed';
    const options = parseOptions(m.options);
    if (!options) return 'options are malformed';
    return { type: 'issueTap', ...ticket, userId: m.userId.toLowerCase(), attemptId: m.attemptId, options };
  },
  bulkCheck: (m) => {
    if (!hasOnlyKeys(m, ['type', 'refs'])) return 'unexpected fields';
    const refs = bulkList(m.refs, 'refs');
    if (typeof refs === 'string') return refs;
    const seen = new Set<string>();
    for (const ref of refs) {
      // The one validator (utils/principal.ts); the reference is kept as the list wrote it, so the page can match its rows.
      const normal = normalizeUserRef(ref);
      if (!normal) return 'a ref is not an object id or user principal name';
      if (seen.has(normal.toLowerCase())) return 'a ref appears twice';
      seen.add(normal.toLowerCase());
    }
    return { type: 'bulkCheck', refs: refs as string[] };
  },
  bulkIssue: (m) => {
    if (!hasOnlyKeys(m, ['type', 'rows'])) return 'unexpected fields';
    const list = bulkList(m.rows, 'rows');
    if (typeof list === 'string') return list;
    const rows: BulkIssueRow[] = [];
    for (const item of list) {
      const row = bulkRow(item);
      if (typeof row === 'string') return row;
      // Two rows for one user in one $batch would be two POSTs, the second replacing the first's pass.
      if (rows.some((r) => r.rowId === row.rowId || r.userId === row.userId)) return 'a rowId or userId appears twice';
      rows.push(row);
    }
    return { type: 'bulkIssue', rows };
  },
  revokeTap: (m) => {
    const ticket = ticketOf(m);
    if (!hasOnlyKeys(m, ['type', 'ticket', 'userId', 'methodId'])) return 'unexpected fields';
    if (!ticket) return 'ticket is malformed';
    if (typeof m.userId !== 'string' || !isGuid(m.userId)) return 'userId must be an object id';
    if (typeof m.methodId !== 'string' || !METHOD_ID.test(m.methodId)) return 'methodId is malformed';
    return { type: 'revokeTap', ...ticket, userId: m.userId.toLowerCase(), methodId: m.methodId };
  },
};

/** The message's type when it is one of this protocol's, else null (another listener may own it). */
export function requestTypeOf(msg: unknown): RequestType | null {
  return isRecord(msg) && typeof msg.type === 'string' && Object.hasOwn(PARSERS, msg.type) ? (msg.type as RequestType) : null;
}

/** Checks that a message is exactly one of the RequestMap shapes (who sent it is classifySender's question). */
export function parseRequest(msg: unknown): ParseResult {
  const type = requestTypeOf(msg);
  if (!type) return { ok: 'ignore' };
  const parsed = PARSERS[type](msg as Record<string, unknown>);
  return typeof parsed === 'string' ? invalid(parsed) : { ok: true, request: parsed };
}
