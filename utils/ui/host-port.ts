import { type HostToPanel, isFrameHello, type PanelToHost } from '../frame-protocol';

/** The panel's side of the private port its content script handed it with the ticket. */
export interface HostPort {
  ticket: string;
  post(message: PanelToHost): void;
  onMessage(listener: (message: HostToPanel) => void): void;
  /** Stops using this port (its ticket was refused). */
  close(): void;
}

/**
 * Waits for hellos from the parent frame and yields each one's port and ticket, until `accept` takes one. A page can
 * post hellos too (with tickets the background never issued): those are refused by the background and dropped here,
 * and the genuine one may still follow. Resolves null when none is accepted within `timeoutMs`.
 */
export function awaitHostPort(accept: (port: HostPort) => Promise<boolean>, timeoutMs = 5_000): Promise<HostPort | null> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (port: HostPort | null) => {
      if (settled) return;
      settled = true;
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
      resolve(port);
    };
    const onMessage = (event: MessageEvent) => {
      const raw = event.ports[0];
      if (event.source !== window.parent || !raw || !isFrameHello(event.data)) return;
      const listeners: ((message: HostToPanel) => void)[] = [];
      const early: HostToPanel[] = [];
      raw.onmessage = ({ data }: MessageEvent<HostToPanel>) => {
        if (listeners.length === 0) early.push(data);
        for (const listener of listeners) listener(data);
      };
      const port: HostPort = {
        ticket: event.data.nonce,
        post: (message) => raw.postMessage(message),
        onMessage: (listener) => {
          listeners.push(listener);
          for (const message of early.splice(0)) listener(message);
        },
        close: () => raw.close(),
      };
      void accept(port).then((ok) => {
        if (ok) finish(port);
        else port.close();
      });
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    window.addEventListener('message', onMessage);
  });
}
