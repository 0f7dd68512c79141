/**
 * An HTTP CONNECT proxy for browsers that can't map host names to a port (Firefox: network.dns.localDomains maps names
 * to 127.0.0.1 but keeps port 443). Only TLS tunnels to the tenant's own host names on port 443 are opened, and each
 * goes to the tenant's loopback port; anything else is refused, so a test never reaches the internet.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { connect } from 'node:net';
import { HOSTS } from './hosts';

export interface TunnelProxy {
  port: number;
  /** Every CONNECT target the browser asked for, allowed or not (so a test can say what was refused). */
  refused(): string[];
  close(): Promise<void>;
}

const ALLOWED = new Set<string>(Object.values(HOSTS).map((host) => `${host}:443`));

export async function startTunnelProxy(tenantPort: number): Promise<TunnelProxy> {
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((_req, res) => {
    // Plain http:// is never tunnelled: the tenant speaks only HTTPS, as Microsoft's hosts do.
    res.writeHead(403).end();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('connect', (req, client: Socket, head: Buffer) => {
    const target = (req.url ?? '').toLowerCase();
    if (!ALLOWED.has(target)) {
      refused.push(target);
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(tenantPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.once('close', () => sockets.delete(upstream));
    const drop = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', drop);
    client.on('error', drop);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    refused: () => [...refused],
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
