import { REQUEST_PORT, type RequestEnvelope } from '../request-channel';
import type { MessageSender } from './sender';

/** The slice of runtime.Port the background uses for a page's request port. */
export interface PagePort {
  name: string;
  /** Set by the browser when the port opened, never by the page: the same sender every message on it is judged by. */
  sender?: MessageSender;
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  disconnect(): void;
}

/** The dispatcher: a Reply for a request, undefined for a message that isn't one. */
type Dispatch = (message: unknown, sender: MessageSender) => Promise<unknown> | undefined;

const isEnvelope = (message: unknown): message is RequestEnvelope =>
  typeof message === 'object' &&
  message !== null &&
  Number.isSafeInteger((message as { id?: unknown }).id) &&
  'request' in message;

/**
 * Answers the requests pages send on their port (utils/request-channel.ts) through the same dispatcher as
 * runtime.onMessage: each message is judged by the port's sender, so a port gives a page nothing a message wouldn't.
 * A port without a sender, or a message that isn't an envelope, closes the port.
 */
export function answerRequestPort(port: PagePort, dispatch: Dispatch): void {
  if (port.name !== REQUEST_PORT) return;
  const sender = port.sender;
  if (!sender) {
    port.disconnect();
    return;
  }
  /** False when the post failed: the page went away, or the answer couldn't be sent (not cloneable, too large). */
  const answer = (id: number, reply: unknown): boolean => {
    try {
      port.postMessage(reply === undefined ? { id } : { id, reply });
      return true;
    } catch {
      return false;
    }
  };
  port.onMessage.addListener((message) => {
    if (!isEnvelope(message)) {
      port.disconnect();
      return;
    }
    let answering: Promise<unknown>;
    try {
      answering = dispatch(message.request, sender) ?? Promise.resolve(undefined);
    } catch (error) {
      answering = Promise.reject(error);
    }
    // Never silence: a request the background failed to answer gets an empty answer, which the page says as "no
    // answer" (and a panel re-reads the user), as a sendMessage whose listener failed would have been.
    void answering.then(
      (reply) => answer(message.id, reply) || answer(message.id, undefined),
      () => answer(message.id, undefined),
    );
  });
}
