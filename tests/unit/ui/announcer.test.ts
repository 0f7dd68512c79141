import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ANNOUNCEMENT_MS, createAnnouncer } from '@/utils/ui/announcer';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('announcer (the live regions of the panel, popup and options page)', () => {
  it('says a sentence, then clears it after 8 s, so nothing stale is found later', () => {
    const announcer = createAnnouncer();
    expect(ANNOUNCEMENT_MS).toBe(8_000);
    announcer.announce('Saved');
    expect(announcer.text.value).toBe('Saved');
    vi.advanceTimersByTime(ANNOUNCEMENT_MS - 1);
    expect(announcer.text.value).toBe('Saved');
    vi.advanceTimersByTime(1);
    expect(announcer.text.value).toBe('');
  });

  it('a new sentence restarts the clock; an empty one clears at once', () => {
    const announcer = createAnnouncer();
    announcer.announce('Revoking the pass…');
    vi.advanceTimersByTime(5_000);
    announcer.announce('Pass revoked.');
    vi.advanceTimersByTime(5_000);
    expect(announcer.text.value).toBe('Pass revoked.');
    vi.advanceTimersByTime(3_000);
    expect(announcer.text.value).toBe('');
    announcer.announce('Copied');
    announcer.announce('');
    expect(announcer.text.value).toBe('');
  });

  it('the same words again are emptied first, so they are heard again, and still cleared', () => {
    const announcer = createAnnouncer();
    announcer.announce('Copied');
    announcer.announce('Copied');
    expect(announcer.text.value).toBe('');
    vi.advanceTimersByTime(60);
    expect(announcer.text.value).toBe('Copied');
    vi.advanceTimersByTime(ANNOUNCEMENT_MS);
    expect(announcer.text.value).toBe('');
  });

  it('a sentence cleared within the repeat gap stays cleared', () => {
    const announcer = createAnnouncer();
    announcer.announce('Copied');
    announcer.announce('Copied');
    announcer.announce('');
    vi.advanceTimersByTime(ANNOUNCEMENT_MS * 2);
    expect(announcer.text.value).toBe('');
  });

  it('hold keeps a lasting sentence (a failure) until the next one; dispose stops the timers', () => {
    const announcer = createAnnouncer();
    announcer.hold('Could not save. Try again.');
    vi.advanceTimersByTime(ANNOUNCEMENT_MS * 10);
    expect(announcer.text.value).toBe('Could not save. Try again.');
    announcer.announce('Saved');
    announcer.dispose();
    vi.advanceTimersByTime(ANNOUNCEMENT_MS * 2);
    expect(announcer.text.value).toBe('Saved');
  });
});
