/**
 * One HTTPS server answering as login.microsoftonline.com, graph.microsoft.com and the admin centers: entra.microsoft.com,
 * portal.azure.com, intune.microsoft.com, admin.microsoft.com and admin.cloud.microsoft; and, for the US Government
 * cloud, login.microsoftonline.us, graph.microsoft.us, entra.microsoft.us, portal.azure.us and intune.microsoft.us
 * (tests/tenant/hosts.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createCertificate } from './certificate';
import { createControl, handleControl, type TenantControl } from './control';
import { takeFault } from './faults';
import { graphFaultReply, handleGraph } from './graph/router';
import { type Cloud, chromiumArgsFor, cloudOfHost, type HostKind, hostKindOf, hostNameOf } from './hosts';
import { corsHeaders, type HttpReply, header, type IncomingCall, isPreflight, textReply } from './http';
import { handlePortal } from './portal/page';
import type { LoggedBatchItem, LoggedRequest } from './request-log';
import { createRuntime, requestView, type TenantRuntime } from './runtime';
import { AADSTS, entraErrorReply } from './sts/errors';
import { handleLogin } from './sts/router';

export interface StartTenantOptions {
  /** 0 or omitted: a random free port. */
  port?: number;
  /** Every response (preflights included) leaves this long after its request arrived, or when handled if later. */
  latencyMs?: number;
}

export interface Tenant {
  port: number;
  /** https://127.0.0.1:PORT */
  origin: string;
  /** --host-resolver-rules (ending in MAP * ~NOTFOUND) and --ignore-certificate-errors. */
  chromiumArgs: string[];
  /** PEM of the generated certificate, for clients that want to trust it instead of ignoring errors. */
  certificate: string;
  control: TenantControl;
  close(): Promise<void>;
}

interface Outcome {
  reply: HttpReply;
  batch?: LoggedBatchItem[];
  drop?: 'before' | 'after';
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function faultReply(
  kind: HostKind,
  call: IncomingCall,
  fault: { status?: number; retryAfter?: string | null; code?: string; message?: string },
): HttpReply {
  if (kind === 'graph') return graphFaultReply(call, fault);
  const status = fault.status ?? 500;
  const headers: Record<string, string> = fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {};
  if (kind === 'login') {
    return entraErrorReply(status, fault.code ?? 'temporarily_unavailable', fault.message ?? AADSTS.transient, {
      ...corsHeaders(call),
      ...headers,
    });
  }
  return textReply(status, fault.message ?? 'Service unavailable', headers);
}

/** The tid of a bearer token, unverified (Graph's auth checks it): which directory's Graph answers. */
function bearerTenant(call: IncomingCall): string | null {
  const token = /^Bearer\s+([^.\s]+)\.([^.\s]+)\./i.exec(header(call, 'authorization') ?? '');
  if (!token?.[2]) return null;
  try {
    const tid = (JSON.parse(Buffer.from(token[2], 'base64url').toString('utf8')) as { tid?: unknown }).tid;
    return typeof tid === 'string' ? tid : null;
  } catch {
    return null;
  }
}

/**
 * Which directory answers: Graph by the token's tid, login by the authority's tenant segment, the portal by its
 * tenant path segment; the host cloud's default directory otherwise (common, organizations, no segment): Contoso
 * worldwide, Contoso US Government on the Gov hosts. A directory of another cloud than the host's isn't served
 * (runtime.ts requestView).
 */
function directoryFor(kind: HostKind, call: IncomingCall): string | null {
  if (kind === 'graph') return bearerTenant(call);
  const first = call.url.pathname.split('/').filter(Boolean)[0];
  try {
    return first ? decodeURIComponent(first) : null;
  } catch {
    return null;
  }
}

function dispatch(home: TenantRuntime, kind: HostKind, cloud: Cloud, call: IncomingCall): Outcome {
  const runtime = requestView(home, cloud, directoryFor(kind, call));
  const preflight = isPreflight(call);
  const fault =
    preflight && kind !== 'portal'
      ? null
      : takeFault(runtime.faults, {
          host: kind,
          method: call.method,
          pathAndQuery: call.url.pathname + call.url.search,
          inBatch: false,
          body: call.body,
        });
  if (fault?.drop === 'before') return { reply: textReply(0, ''), drop: 'before' };
  if (fault?.status) return { reply: faultReply(kind, call, fault), drop: fault.drop };
  let outcome: Outcome;
  if (kind === 'graph') outcome = handleGraph(runtime, call);
  else if (kind === 'login') outcome = { reply: handleLogin(runtime, call) };
  else outcome = { reply: handlePortal(runtime, call.method, call.url.pathname, header(call, 'host') ?? '') };
  return fault?.drop === 'after' ? { ...outcome, drop: 'after' } : outcome;
}

async function handleRequest(runtime: TenantRuntime, control: TenantControl, req: IncomingMessage, res: ServerResponse) {
  const arrivedAt = performance.now();
  const received = new Date().toISOString();
  const body = await readBody(req);
  const hostHeader = req.headers.host ?? '';
  const kind = hostKindOf(hostHeader);
  const cloud = cloudOfHost(hostHeader) ?? 'global';
  const url = new URL(req.url ?? '/', `https://${hostHeader.replace(/:\d+$/, '') || '127.0.0.1'}`);
  const call: IncomingCall = {
    hostKind: kind ?? 'portal',
    method: (req.method ?? 'GET').toUpperCase(),
    url,
    headers: req.headers,
    body,
  };

  if (url.pathname.startsWith('/__control')) {
    send(res, handleControl(control, call));
    return;
  }
  const outcome: Outcome = kind
    ? dispatch(runtime, kind, cloud, call)
    : {
        reply: textReply(
          421,
          `Misdirected Request: this server answers only for the simulated Microsoft hosts, not '${hostHeader}'.`,
        ),
      };
  const entry: LoggedRequest = {
    time: received,
    host: kind ?? hostHeader,
    hostName: hostNameOf(hostHeader),
    method: call.method,
    path: url.pathname + url.search,
    status: outcome.drop ? 0 : outcome.reply.status,
    origin: header(call, 'origin') ?? null,
    isPreflight: isPreflight(call),
  };
  if (kind) entry.cloud = cloud;
  const tenantId = kind === 'graph' ? bearerTenant(call) : null;
  if (tenantId) entry.tenantId = tenantId;
  if (outcome.drop) entry.dropped = outcome.drop;
  if (outcome.batch) entry.batch = outcome.batch;
  runtime.log.push(entry);
  // The latency is the response's, counted from the request's arrival: this server's own handling (reading the body,
  // checking the token, building the answer: 1-8 ms measured on a busy 2-core machine) is inside it, as a real
  // service's is inside its latency, not added on top.
  await delay(Math.max(0, runtime.latencyMs - (performance.now() - arrivedAt)));
  if (outcome.drop) {
    req.socket.destroy();
    return;
  }
  send(res, outcome.reply);
}

function send(res: ServerResponse, reply: HttpReply) {
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body);
}

export async function startTenant(options: StartTenantOptions = {}): Promise<Tenant> {
  const tls = await createCertificate();
  const runtime = createRuntime(options.latencyMs ?? 0);
  const control = createControl(runtime);
  const server = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    handleRequest(runtime, control, req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, textReply(500, `Simulated tenant error: ${(error as Error).stack ?? String(error)}`));
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  runtime.origin = `https://127.0.0.1:${port}`;
  return {
    port,
    origin: runtime.origin,
    chromiumArgs: chromiumArgsFor(port),
    certificate: tls.cert,
    control,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
