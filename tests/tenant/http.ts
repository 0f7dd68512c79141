/** Transport-neutral request and reply shapes shared by the login, Graph and portal handlers. */
import type { IncomingHttpHeaders } from 'node:http';
import type { HostKind } from './hosts';

export interface IncomingCall {
  hostKind: HostKind;
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface HttpReply {
  status: number;
  headers: Record<string, string | string[]>;
  body: string;
}

export function header(call: { headers: IncomingHttpHeaders }, name: string): string | undefined {
  const value = call.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function jsonReply(status: number, body: unknown, headers: Record<string, string | string[]> = {}): HttpReply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(body) };
}

export function htmlReply(status: number, html: string, headers: Record<string, string | string[]> = {}): HttpReply {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body: html };
}

export function textReply(status: number, text: string, headers: Record<string, string | string[]> = {}): HttpReply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body: text };
}

export function redirectReply(location: string, headers: Record<string, string | string[]> = {}): HttpReply {
  return { status: 302, headers: { location, ...headers }, body: '' };
}

export function parseCookies(call: IncomingCall): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header(call, 'cookie') ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0) cookies[part.slice(0, index).trim()] = decodeURIComponent(part.slice(index + 1).trim());
  }
  return cookies;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * CORS for cross-origin callers (extension pages and service workers without host permissions).
 * Graph supports CORS for SPAs; Entra sends CORS headers on /token for SPA redirect URIs (auth-in-mv3.md).
 */
export const CORS_ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
export const CORS_EXPOSED_HEADERS = 'request-id, client-request-id, Retry-After, Location, ETag, x-ms-ags-diagnostic';
/** [U] Real Graph's Access-Control-Max-Age is unknown; none means Chromium re-sends preflights (as measured in research). */
export const PREFLIGHT_MAX_AGE_SECONDS: number | null = null;

export function corsHeaders(call: IncomingCall): Record<string, string> {
  const origin = header(call, 'origin');
  if (!origin) return {};
  return { 'access-control-allow-origin': origin, 'access-control-expose-headers': CORS_EXPOSED_HEADERS, vary: 'Origin' };
}

export function isPreflight(call: IncomingCall): boolean {
  return call.method === 'OPTIONS' && Boolean(header(call, 'origin')) && Boolean(header(call, 'access-control-request-method'));
}

export function preflightReply(call: IncomingCall): HttpReply {
  const requested = header(call, 'access-control-request-headers');
  const headers: Record<string, string> = {
    ...corsHeaders(call),
    'access-control-allow-methods': CORS_ALLOWED_METHODS,
    'access-control-allow-headers': requested ?? 'authorization, content-type, client-request-id, sdkversion, consistencylevel',
  };
  if (PREFLIGHT_MAX_AGE_SECONDS !== null) headers['access-control-max-age'] = String(PREFLIGHT_MAX_AGE_SECONDS);
  return { status: 204, headers, body: '' };
}
