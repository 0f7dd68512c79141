import { describe, expect, it, vi } from 'vitest';
import { createClipboardGuard } from '@/utils/background/clipboard-guard';
import type { ClipboardWatch } from '@/utils/clipboard-ops';
import { MAX_CLIPBOARD_CLEAR_SECONDS } from '@/utils/storage';

const DIGEST = 'a'.repeat(64);

function guardWith(seconds: number) {
  const delivered: ClipboardWatch[] = [];
  const guard = createClipboardGuard({
    clearAfterSeconds: async () => seconds,
    deliver: vi.fn(async (watch: ClipboardWatch) => {
      delivered.push(watch);
    }),
  });
  return { guard, delivered };
}

describe('clipboard guard', () => {
  it('hands a digest-only watch for the admin’s delay, or now', async () => {
    const { guard, delivered } = guardWith(60);
    expect(await guard.watch(DIGEST, 'later')).toEqual({ scheduled: true, afterSeconds: 60 });
    expect(await guard.watch(DIGEST, 'now')).toEqual({ scheduled: true, afterSeconds: 0 });
    expect(delivered.map((watch) => watch.delayMs)).toEqual([60_000, 0]);
  });

  it('0 turns clearing off: nothing is delivered', async () => {
    const { guard, delivered } = guardWith(0);
    expect(await guard.watch(DIGEST, 'later')).toEqual({ scheduled: false, afterSeconds: 0 });
    expect(delivered).toEqual([]);
  });

  it('a stored delay beyond the form’s maximum is cut to it (it bounds how long a watch keeps Firefox awake)', async () => {
    const { guard, delivered } = guardWith(10 * MAX_CLIPBOARD_CLEAR_SECONDS);
    expect(await guard.watch(DIGEST, 'later')).toEqual({ scheduled: true, afterSeconds: MAX_CLIPBOARD_CLEAR_SECONDS });
    expect(delivered[0]?.delayMs).toBe(MAX_CLIPBOARD_CLEAR_SECONDS * 1000);
  });
});
