import { isGuid, normalizeUserRef } from '../graph/paths';
import type { ErrorInfo, IssueOptions, Request, RequestType } from '../messages';

/** Who sent a message (the fields of runtime.MessageSender we check). */
export interface MessageSender {
  id?: string;
  url?: string;
}

/** This extension: its id and the origin of its own pages, e.g. chrome-extension://<id>/ */
export interface Self {
  id: string;
  pagesBaseUrl: string;
}

export type ParseResult = { ok: true; request: Request } | { ok: false; error: ErrorInfo } | { ok: 'ignore' };

const invalid = (detail: string): ParseResult => ({
  ok: false,
  error: {
    kind: 'invalidInput',
    message: `The extension received a malformed request (${detail}). Reload the page and try again.`,
  },
});

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasOnlyKeys = (o: Record<string, unknown>, allowed: readonly string[]) => Object.keys(o).every((k) => allowed.includes(k));
const ATTEMPT_ID = /^[A-Za-z0-9-]{8,64}$/;
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

const bare = (type: 'getSession' | 'signIn' | 'signOut' | 'enablePolicy'): Request => ({ type });

const PARSERS: { [K in RequestType]: Parser } = {
  getSession: (m) => (hasOnlyKeys(m, ['type']) ? bare('getSession') : 'unexpected fields'),
  signIn: (m) => (hasOnlyKeys(m, ['type']) ? bare('signIn') : 'unexpected fields'),
  signOut: (m) => (hasOnlyKeys(m, ['type']) ? bare('signOut') : 'unexpected fields'),
  enablePolicy: (m) => (hasOnlyKeys(m, ['type']) ? bare('enablePolicy') : 'unexpected fields'),
  getPolicy: (m) => {
    if (!hasOnlyKeys(m, ['type', 'refresh'])) return 'unexpected fields';
    if (m.refresh !== undefined && typeof m.refresh !== 'boolean') return 'refresh must be true or false';
    return m.refresh === undefined ? { type: 'getPolicy' } : { type: 'getPolicy', refresh: m.refresh };
  },
  getPanelState: (m) => {
    if (!hasOnlyKeys(m, ['type', 'userRef'])) return 'unexpected fields';
    const userRef = normalizeUserRef(m.userRef);
    return userRef ? { type: 'getPanelState', userRef } : 'userRef is not an object id or user principal name';
  },
  openPanelWindow: (m) => {
    if (!hasOnlyKeys(m, ['type', 'userRef', 'mode'])) return 'unexpected fields';
    const userRef = normalizeUserRef(m.userRef);
    if (!userRef) return 'userRef is not an object id or user principal name';
    if (m.mode !== 'issue' && m.mode !== 'status') return 'mode must be issue or status';
    return { type: 'openPanelWindow', userRef, mode: m.mode };
  },
  issueTap: (m) => {
    if (!hasOnlyKeys(m, ['type', 'userId', 'attemptId', 'options'])) return 'unexpected fields';
    if (typeof m.userId !== 'string' || !isGuid(m.userId)) return 'userId must be an object id';
    if (typeof m.attemptId !== 'string' || !ATTEMPT_ID.test(m.attemptId)) return 'attemptId is missing or malformed';
    const options = parseOptions(m.options);
    if (!options) return 'options are malformed';
    return { type: 'issueTap', userId: m.userId.toLowerCase(), attemptId: m.attemptId, options };
  },
  revokeTap: (m) => {
    if (!hasOnlyKeys(m, ['type', 'userId', 'methodId'])) return 'unexpected fields';
    if (typeof m.userId !== 'string' || !isGuid(m.userId)) return 'userId must be an object id';
    if (typeof m.methodId !== 'string' || !METHOD_ID.test(m.methodId)) return 'methodId is malformed';
    return { type: 'revokeTap', userId: m.userId.toLowerCase(), methodId: m.methodId };
  },
};

/** True for this extension's own pages; content scripts share the id but their url is the web page's. */
export function isOwnPage(sender: MessageSender, self: Self): boolean {
  return sender.id === self.id && typeof sender.url === 'string' && sender.url.startsWith(self.pagesBaseUrl);
}

/**
 * Checks who sent a message and that it is exactly one of the RequestMap shapes.
 * Messages of a type this protocol doesn't know are ignored (another listener may own them).
 */
export function parseRequest(msg: unknown, sender: MessageSender, self: Self): ParseResult {
  if (!isRecord(msg) || typeof msg.type !== 'string' || !Object.hasOwn(PARSERS, msg.type)) return { ok: 'ignore' };
  if (!isOwnPage(sender, self)) {
    return { ok: false, error: { kind: 'forbidden', message: 'Only the extension’s own pages can ask for this.' } };
  }
  const parsed = PARSERS[msg.type as RequestType](msg);
  return typeof parsed === 'string' ? invalid(parsed) : { ok: true, request: parsed };
}
