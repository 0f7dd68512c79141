/**
 * Runs `work` over the chunks in order, at most `limit` at a time. Before each chunk starts, `stopped` is asked: once
 * it says so, no further chunk starts, and those already running finish. Resolves with how many chunks started.
 * `work` reports its own failures (it must not throw).
 */
export async function runPool<T>(
  chunks: readonly T[],
  limit: number,
  work: (chunk: T) => Promise<void>,
  stopped: () => boolean = () => false,
): Promise<number> {
  let next = 0;
  const lane = async () => {
    while (next < chunks.length && !stopped()) {
      const chunk = chunks[next++] as T;
      await work(chunk);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, chunks.length) }, lane));
  return next;
}
