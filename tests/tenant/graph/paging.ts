/**
 * Server-side paging of directory-object collections (graph-docs: concepts/paging.md): a page of at most $top objects and,
 * while more remain, an absolute @odata.nextLink carrying every other query parameter plus an opaque $skiptoken.
 */
import { graphError } from './errors';
import { graphV1 } from './odata';
import type { GraphCall, GraphResult } from './types';

/**
 * graph-docs user-list-transitivememberof.md (Optional query parameters): "The default and maximum page sizes are 100 and
 * 999 objects respectively." group-list-members.md says the same for members; user-list-memberof.md is silent: [U] the same.
 */
export const DIRECTORY_PAGE_SIZE = { default: 100, max: 999 } as const;

/**
 * $top outside 1..999 (or not a whole number): [O] 400 Request_UnsupportedQuery with this text, quoted in
 * turbot/steampipe-plugin-azuread (azuread/table_azuread_user.go, for '1000') and a public PowerShell module (for '0').
 * Graph rejects rather than clamps for directory objects (paging.md allows either). [U] same answer for a non-number.
 */
export const PAGE_SIZE_MESSAGE = (raw: string) => `Invalid page size specified: '${raw}'. Must be between 1 and 999 inclusive.`;

/**
 * A $skiptoken this tenant did not issue for this collection: [O] "Invalid Skip Token" with an empty code
 * (microsoftgraph/microsoft-graph-docs-contrib issue #5103, a directory /users nextLink). [U] status 400.
 */
export const INVALID_SKIP_TOKEN = { status: 400, code: '', message: 'Invalid Skip Token' } as const;

/** Real directory tokens are base64 of a binary cursor starting "DSpt" (json-batching.md sample): the same look here. */
const TOKEN_PREFIX = 'DSpt\u0002';

/**
 * Stateless, so it survives a reset, as Graph's do: [O] "There is not validity period on this token"
 * (microsoftgraph/msgraph-sdk-javascript issue #1463, maintainer). Bound to the collection it pages.
 */
function encodeToken(collection: string, offset: number): string {
  return Buffer.from(`${TOKEN_PREFIX}${collection}\u0000${offset}`, 'utf8').toString('base64url');
}

function decodeToken(token: string, collection: string): number | null {
  const text = Buffer.from(token, 'base64url').toString('utf8');
  if (!text.startsWith(TOKEN_PREFIX)) return null;
  const [key, offset] = text.slice(TOKEN_PREFIX.length).split('\u0000');
  if (key !== collection || !offset || !/^\d+$/.test(offset)) return null;
  return Number(offset);
}

const queryValue = (name: string, call: GraphCall) => call.query.get(`$${name}`) ?? call.query.get(name);

/** v1.0 accepts query options without the $ prefix too (graph-docs: concepts/query-parameters.md). */
const isSkipToken = (name: string) => name.toLowerCase() === '$skiptoken' || name.toLowerCase() === 'skiptoken';

/** The values keep `$`, `,` and `'` readable, as Graph's own nextLinks do (paging.md sample). */
function encodeValue(value: string): string {
  return encodeURIComponent(value).replace(/%24/g, '$').replace(/%2C/gi, ',').replace(/%27/g, "'");
}

/**
 * The page of `objects` this request asks for, or Graph's 400. `collection` names the list the token belongs to (user id,
 * relationship, cast); `limit` is the test switch TenantRuntime.directoryPageSize.
 */
export function pageOf<T>(
  call: GraphCall,
  objects: T[],
  collection: string,
): { value: T[]; nextLink: string | null } | GraphResult {
  const rawTop = queryValue('top', call);
  let size: number = DIRECTORY_PAGE_SIZE.default;
  if (rawTop !== null) {
    const top = /^\d+$/.test(rawTop) ? Number(rawTop) : Number.NaN;
    if (!(top >= 1 && top <= DIRECTORY_PAGE_SIZE.max)) {
      return graphError(call.meta, 400, 'Request_UnsupportedQuery', PAGE_SIZE_MESSAGE(rawTop));
    }
    size = top;
  }
  // [U] test switch: server-driven paging below $top (paging.md: results span pages "due to server-side paging or due to
  // the use of the $top query parameter"), so a few dozen seeded groups can stand for a user in thousands.
  const limit = call.runtime.directoryPageSize;
  if (limit !== null && limit > 0) size = Math.min(size, limit);
  let offset = 0;
  const rawToken = queryValue('skiptoken', call);
  if (rawToken !== null) {
    const decoded = decodeToken(rawToken, collection);
    if (decoded === null) {
      return graphError(call.meta, INVALID_SKIP_TOKEN.status, INVALID_SKIP_TOKEN.code, INVALID_SKIP_TOKEN.message);
    }
    offset = decoded;
  }
  const value = objects.slice(offset, offset + size);
  const next = offset + size;
  if (next >= objects.length) return { value, nextLink: null };
  return { value, nextLink: nextLinkFor(call, encodeToken(collection, next)) };
}

/**
 * paging.md: the nextLink is the whole URL, "The URL also contains all the other query parameters present in the original
 * request"; absolute even inside $batch (json-batching.md response sample: "https://graph.microsoft.com/beta/me/memberOf?
 * $top=1&$skiptoken=…"). [U] the path is rebuilt from the request's segments (users('x') becomes users/x), and always v1.0;
 * the host is the Graph the request came to (graph.microsoft.us in US Gov: odata.ts graphV1).
 */
function nextLinkFor(call: GraphCall, token: string): string {
  const path = call.segments.map((segment) => encodeURIComponent(segment).replace(/%40/g, '@')).join('/');
  const kept = [...call.query.entries()].filter(([name]) => !isSkipToken(name));
  const query = [...kept.map(([name, value]) => `${name}=${encodeValue(value)}`), `$skiptoken=${token}`].join('&');
  return `${graphV1(call)}/${path}?${query}`;
}

export function isPage<T>(
  page: { value: T[]; nextLink: string | null } | GraphResult,
): page is { value: T[]; nextLink: string | null } {
  return 'value' in page && 'nextLink' in page;
}
