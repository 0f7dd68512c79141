/**
 * Reading until a write shows. Entra replicates changes over minutes (entra-docs howto-authentication-temporary-access-
 * pass.md, Limitations: "It can take a few minutes for changes to replicate"), so a read right after a write may show
 * the state before it. Reads only: nothing here ever repeats the write.
 */

export type Wait = (ms: number) => Promise<void>;

export const realWait: Wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The waits between reads: the first read is at once, then 0.5, 1 and 2 s later (3.5 s, four reads, in all). */
export const SETTLE_DELAYS_MS: readonly number[] = [500, 1000, 2000];

export interface Settled<T> {
  /** A read showed the change. */
  seen: boolean;
  /** The last successful read (the one that showed it, when seen). */
  last: T | undefined;
  /** At least one read succeeded. */
  readOnce: boolean;
  /** The last read's failure, when it failed. */
  error: unknown;
  reads: number;
}

export interface SettleOptions {
  wait?: Wait;
  delays?: readonly number[];
}

/** Reads until `shows` says the change is there, or the delays run out. A failed read counts as "not yet". */
export async function readUntil<T>(
  read: () => Promise<T>,
  shows: (value: T) => boolean,
  { wait = realWait, delays = SETTLE_DELAYS_MS }: SettleOptions = {},
): Promise<Settled<T>> {
  const result: Settled<T> = { seen: false, last: undefined, readOnce: false, error: undefined, reads: 0 };
  for (let attempt = 0; attempt <= delays.length; attempt += 1) {
    if (attempt > 0) await wait(delays[attempt - 1] as number);
    result.reads += 1;
    try {
      const value = await read();
      result.last = value;
      result.readOnce = true;
      result.error = undefined;
      if (shows(value)) {
        result.seen = true;
        return result;
      }
    } catch (error) {
      result.error = error;
    }
  }
  return result;
}
