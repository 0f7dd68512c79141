import { describe, expect, it } from 'vitest';
import { createDispatcher } from '@/utils/background/dispatcher';
import { answerRequestPort, type PagePort } from '@/utils/background/request-port';
import type { MessageSender } from '@/utils/background/sender';
import { ChannelClosedError, createRequestChannel, REQUEST_PORT, type RequestPort } from '@/utils/request-channel';
import { fakeServices } from './background/services-fake';
import { clientFor, createFakeGraph } from './graph/fake-graph';

const SELF = { id: 'ext', pagesBaseUrl: 'chrome-extension://ext/' };
const POPUP: MessageSender = { id: 'ext', url: 'chrome-extension://ext/popup.html' };
const PORTAL_SCRIPT: MessageSender = {
  id: 'ext',
  url: 'https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserManagementMenuBlade/~/AllUsers',
  tab: { id: 5 },
  frameId: 0,
};

type Listener = (message: unknown) => void;

/** Two ends of one runtime port, delivering asynchronously as the browser does (structured clone: JSON here). */
function portPair(name: string, sender?: MessageSender) {
  const pageListeners: Listener[] = [];
  const backgroundListeners: Listener[] = [];
  const disconnectListeners: (() => void)[] = [];
  let connected = true;
  const deliver = (listeners: Listener[], message: unknown) => {
    const copy = JSON.parse(JSON.stringify(message)) as unknown;
    setTimeout(() => {
      if (connected) for (const listener of listeners) listener(copy);
    }, 0);
  };
  const close = () => {
    if (!connected) return;
    connected = false;
    for (const listener of disconnectListeners) listener();
  };
  const page: RequestPort & { posted: unknown[] } = {
    posted: [],
    postMessage(message) {
      if (!connected) throw new Error('Attempting to use a disconnected port object');
      page.posted.push(message);
      deliver(backgroundListeners, message);
    },
    onMessage: { addListener: (listener) => void pageListeners.push(listener) },
    onDisconnect: { addListener: (listener) => void disconnectListeners.push(listener) },
    disconnect: close,
  };
  const background: PagePort & { replies: unknown[] } = {
    name,
    ...(sender && { sender }),
    replies: [],
    postMessage(message) {
      if (!connected) throw new Error('Attempting to use a disconnected port object');
      background.replies.push(message);
      deliver(pageListeners, message);
    },
    onMessage: { addListener: (listener) => void backgroundListeners.push(listener) },
    disconnect: close,
  };
  return { page, background, close, isConnected: () => connected };
}

function channelTo(
  sender: MessageSender | undefined,
  dispatch: (message: unknown, sender: MessageSender) => Promise<unknown> | undefined,
) {
  const ports: ReturnType<typeof portPair>[] = [];
  const channel = createRequestChannel(() => {
    const pair = portPair(REQUEST_PORT, sender);
    answerRequestPort(pair.background, dispatch);
    ports.push(pair);
    return pair.page;
  });
  return { channel, ports };
}

describe('request channel (a page) and request port (the background)', () => {
  const { services } = fakeServices(clientFor(createFakeGraph([]).fetch));
  const dispatch = createDispatcher(services, SELF);

  it('carries a request to the dispatcher and its Reply back, on one port for many requests', async () => {
    const { channel, ports } = channelTo(POPUP, dispatch);
    const [session, again] = await Promise.all([channel.send({ type: 'getSession' }), channel.send({ type: 'getSession' })]);
    expect(session).toMatchObject({ ok: true, data: { signedIn: true, username: 'AlexW@contoso.onmicrosoft.com' } });
    expect(again).toEqual(session);
    expect(ports).toHaveLength(1);
    expect(ports[0]?.page.posted).toEqual([
      { id: 1, request: { type: 'getSession' } },
      { id: 2, request: { type: 'getSession' } },
    ]);
  });

  it("judges every message by the port's sender, as a message would be: the content script gets no data", async () => {
    const { channel } = channelTo(PORTAL_SCRIPT, dispatch);
    await expect(channel.send({ type: 'getSession' })).resolves.toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    await expect(channel.send({ type: 'getHistory' })).resolves.toMatchObject({ ok: false, error: { kind: 'forbidden' } });
  });

  it('matches answers by id when they come back out of order', async () => {
    const gates: Record<string, () => void> = {};
    const slowFirst = (message: unknown) => {
      const { type } = message as { type: string };
      return new Promise<unknown>((resolve) => {
        gates[type] = () => resolve({ ok: true, data: type });
      });
    };
    const { channel } = channelTo(POPUP, slowFirst);
    const first = channel.send({ type: 'first' });
    const second = channel.send({ type: 'second' });
    await expect.poll(() => Object.keys(gates).length).toBe(2);
    gates.second?.();
    await expect(second).resolves.toEqual({ ok: true, data: 'second' });
    gates.first?.();
    await expect(first).resolves.toEqual({ ok: true, data: 'first' });
  });

  it('answers a message that is no request with no reply (the page says so), never leaving it waiting', async () => {
    const { channel } = channelTo(POPUP, dispatch);
    await expect(channel.send({ type: 'notARequest' })).resolves.toBeUndefined();
    await expect(channel.send('just text')).resolves.toBeUndefined();
  });

  it('answers with no reply when the background fails to answer: a throw, a rejection, or an answer it cannot post', async () => {
    const failing = [
      () => {
        throw new Error('a bug in the listener');
      },
      () => Promise.reject(new Error('a bug in the handler')),
    ];
    for (const dispatchFails of failing) {
      const { channel } = channelTo(POPUP, dispatchFails);
      await expect(channel.send({ type: 'getSession' })).resolves.toBeUndefined();
    }
    const pair = portPair(REQUEST_PORT, POPUP);
    answerRequestPort(pair.background, () => Promise.resolve({ ok: true, data: 'too large to post' }));
    const post = pair.background.postMessage.bind(pair.background);
    pair.background.postMessage = (message) => {
      if ((message as { reply?: unknown }).reply !== undefined)
        throw new Error('Message length exceeded maximum allowed length.');
      post(message);
    };
    const answers: unknown[] = [];
    pair.page.onMessage.addListener((message) => answers.push(message));
    pair.page.postMessage({ id: 7, request: { type: 'getSession' } });
    await expect.poll(() => answers).toEqual([{ id: 7 }]);
  });

  it('fails a request in flight when the port closes, and sends the next one on a new port (never the first again)', async () => {
    const never = () => new Promise<unknown>(() => undefined);
    const { channel, ports } = channelTo(POPUP, never);
    const inFlight = channel.send({ type: 'issueTap' });
    await expect.poll(() => ports[0]?.page.posted.length).toBe(1);
    ports[0]?.close(); // the worker stopped
    await expect(inFlight).rejects.toBeInstanceOf(ChannelClosedError);
    void channel.send({ type: 'getSession' }).catch(() => undefined);
    expect(ports).toHaveLength(2);
    expect(ports[1]?.page.posted).toEqual([{ id: 2, request: { type: 'getSession' } }]);
  });

  it('sends once more on a new port when posting throws (a closed port not yet reported): the post never left', async () => {
    const { channel, ports } = channelTo(POPUP, dispatch);
    await channel.send({ type: 'getSession' });
    const stale = ports[0];
    if (!stale) throw new Error('no port');
    // Closed without its disconnect event: the next post throws.
    const postMessage = stale.page.postMessage.bind(stale.page);
    stale.page.postMessage = () => {
      throw new Error('Attempting to use a disconnected port object');
    };
    await expect(channel.send({ type: 'getSession' })).resolves.toMatchObject({ ok: true });
    expect(ports).toHaveLength(2);
    expect(ports[1]?.page.posted).toEqual([{ id: 2, request: { type: 'getSession' } }]);
    expect(stale.isConnected()).toBe(false); // let go of, not left open beside the new one
    stale.page.postMessage = postMessage;
  });

  it('gives up with ChannelClosedError when a fresh port refuses the post too', async () => {
    const channel = createRequestChannel(() => ({
      postMessage: () => {
        throw new Error('Extension context invalidated.');
      },
      onMessage: { addListener: () => undefined },
      onDisconnect: { addListener: () => undefined },
      disconnect: () => undefined,
    }));
    await expect(channel.send({ type: 'getSession' })).rejects.toBeInstanceOf(ChannelClosedError);
  });

  it('leaves ports of other names alone, and closes one without a sender or carrying a malformed envelope', async () => {
    const other = portPair('somebody-else', POPUP);
    answerRequestPort(other.background, dispatch);
    other.page.postMessage({ id: 1, request: { type: 'getSession' } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(other.background.replies).toEqual([]);
    expect(other.isConnected()).toBe(true);

    const anonymous = portPair(REQUEST_PORT);
    answerRequestPort(anonymous.background, dispatch);
    expect(anonymous.isConnected()).toBe(false);

    for (const malformed of [{ type: 'getSession' }, { id: '1', request: {} }, { id: 1.5, request: {} }, null]) {
      const pair = portPair(REQUEST_PORT, POPUP);
      answerRequestPort(pair.background, dispatch);
      pair.page.postMessage(malformed as never);
      await expect.poll(pair.isConnected).toBe(false);
      expect(pair.background.replies).toEqual([]);
    }
  });

  it('drops an answer quietly when the page went away before it came', async () => {
    let answer: (reply: unknown) => void = () => undefined;
    const pair = portPair(REQUEST_PORT, POPUP);
    answerRequestPort(pair.background, () => new Promise((resolve) => (answer = resolve)));
    pair.page.postMessage({ id: 1, request: { type: 'getSession' } });
    await new Promise((resolve) => setTimeout(resolve, 5));
    pair.close();
    answer({ ok: true, data: {} });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(pair.background.replies).toEqual([]);
  });
});
