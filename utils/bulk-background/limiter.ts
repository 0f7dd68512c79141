/**
 * Runs a task when fewer than the limit are running; the rest wait their turn, first come first served, except a task
 * marked `first`: what every other one waits for (the shared reads of a list) goes to the head of the line.
 */
export type Limiter = <T>(task: () => Promise<T>, options?: { first?: boolean }) => Promise<T>;

export function createLimiter(max: number): Limiter {
  let active = 0;
  const waiting: (() => void)[] = [];
  const startNext = () => {
    if (active >= max) return;
    const start = waiting.shift();
    if (!start) return;
    active += 1;
    start();
  };
  return async <T>(task: () => Promise<T>, options: { first?: boolean } = {}): Promise<T> => {
    await new Promise<void>((resolve) => {
      if (options.first) waiting.unshift(resolve);
      else waiting.push(resolve);
      startNext();
    });
    try {
      return await task();
    } finally {
      active -= 1;
      startNext();
    }
  };
}
