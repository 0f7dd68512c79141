// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clipboardDelivery } from '@/utils/background/clipboard-delivery';
import { KEEP_ALIVE_INTERVAL_MS } from '@/utils/background/keep-alive';
import { type ClipboardWatch, sha256Hex } from '@/utils/clipboard-ops';

afterEach(() => {
  vi.useRealTimers();
});

const PASS = 'k7#Qm2+Vx9pL';
const OTHER = 'ticket #4711';

/** A document whose execCommand reads and writes a pretend clipboard, as Firefox's event page does the real one. */
function clipboardDocument(initial: string) {
  const clipboard = { text: initial };
  document.execCommand = vi.fn((command: string) => {
    if (command === 'paste') {
      (document.activeElement as HTMLTextAreaElement).value = clipboard.text;
      return true;
    }
    if (command === 'copy') {
      const event = new Event('copy', { cancelable: true });
      Object.defineProperty(event, 'clipboardData', {
        value: {
          setData: (_type: string, text: string) => {
            clipboard.text = text;
          },
        },
      });
      document.dispatchEvent(event);
      return true;
    }
    return false;
  });
  return clipboard;
}

const watchOf = async (text: string, delayMs: number): Promise<ClipboardWatch> => ({
  target: 'entra-tap-clipboard',
  digest: await sha256Hex(text),
  delayMs,
});

describe('clipboardDelivery: chosen by what the background can do', () => {
  it('an offscreen API wins: the watch goes to that document, even where the background also has one', async () => {
    const offscreen = { createDocument: vi.fn(async () => {}), hasDocument: vi.fn(async () => false) };
    const send = vi.fn(async () => ({ watching: true }));
    const ping = vi.fn(async () => ({}));
    const deliver = clipboardDelivery({ offscreen, document, send, ping });
    const watch = await watchOf(PASS, 60_000);
    await deliver(watch);
    expect(offscreen.createDocument).toHaveBeenCalledWith(expect.objectContaining({ reasons: ['CLIPBOARD'] }));
    expect(send).toHaveBeenCalledWith(watch);
    expect(ping).not.toHaveBeenCalled();
  });

  it('no offscreen API but a document (Firefox event page): the background clears it itself, only if still there', async () => {
    vi.useFakeTimers();
    const clipboard = clipboardDocument(PASS);
    const send = vi.fn(async () => undefined);
    const deliver = clipboardDelivery({ document, send, ping: async () => ({}) });
    await deliver(await watchOf(PASS, 2_000));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(clipboard.text).toBe(PASS);
    await vi.advanceTimersByTimeAsync(1);
    await vi.waitFor(() => expect(clipboard.text).toBe(''));

    clipboard.text = OTHER;
    await deliver(await watchOf(PASS, 0));
    await vi.advanceTimersByTimeAsync(0);
    expect(clipboard.text).toBe(OTHER);
    expect(send).not.toHaveBeenCalled();
  });

  it('neither (a service worker without the offscreen API): says so', async () => {
    const deliver = clipboardDelivery({ send: vi.fn(), ping: vi.fn() });
    await expect(deliver(await watchOf(PASS, 1_000))).rejects.toThrow('No document can clear the clipboard');
  });
});

describe('the event page stays awake while (and only while) a watch waits', () => {
  let ping: ReturnType<typeof vi.fn<() => Promise<unknown>>>;
  let deliver: (watch: ClipboardWatch) => Promise<void>;

  beforeEach(() => {
    vi.useFakeTimers();
    clipboardDocument(PASS);
    ping = vi.fn(async () => ({ os: 'linux' }));
    deliver = clipboardDelivery({ document, send: vi.fn(), ping });
  });

  it('pings every 20 s while the pass waits, under Firefox’s 30 s idle timeout, and stops when it is cleared', async () => {
    expect(KEEP_ALIVE_INTERVAL_MS).toBeLessThan(30_000);
    await deliver(await watchOf(PASS, 60_000));
    expect(ping).not.toHaveBeenCalled(); // the message that brought the watch already reset the idle timer
    await vi.advanceTimersByTimeAsync(20_000);
    expect(ping).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(ping).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(20_000); // 60 s: the watch fires and ends the keep-alive
    const atClear = ping.mock.calls.length;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(ping).toHaveBeenCalledTimes(atClear);
  });

  it('a "now" that replaces the only watch stops the pings at once', async () => {
    await deliver(await watchOf(PASS, 60_000));
    await vi.advanceTimersByTimeAsync(20_000);
    expect(ping).toHaveBeenCalledTimes(1);
    await deliver(await watchOf(PASS, 0));
    await vi.advanceTimersByTimeAsync(120_000);
    expect(ping).toHaveBeenCalledTimes(1);
  });

  it('with two passes waiting, it stays awake until the last one is done', async () => {
    await deliver(await watchOf(PASS, 30_000));
    await deliver(await watchOf(OTHER, 70_000));
    await vi.advanceTimersByTimeAsync(40_000); // the first is done, the second still waits
    expect(ping).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(ping).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(10_000); // 70 s: the second is done
    await vi.advanceTimersByTimeAsync(100_000);
    expect(ping).toHaveBeenCalledTimes(3);
  });

  it('a "now" with nothing waiting never starts pinging; a failed ping doesn’t stop the next', async () => {
    await deliver(await watchOf(PASS, 0));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ping).not.toHaveBeenCalled();

    ping.mockRejectedValueOnce(new Error('context unloading'));
    await deliver(await watchOf(PASS, 50_000));
    await vi.advanceTimersByTimeAsync(40_000);
    expect(ping).toHaveBeenCalledTimes(2);
  });
});
