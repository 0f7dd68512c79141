import { describe, expect, it } from 'vitest';
import { readUntil } from '@/utils/graph/settle';

describe('readUntil', () => {
  const instant = () => {
    const waits: number[] = [];
    return { waits, wait: async (ms: number) => void waits.push(ms) };
  };

  it('stops at the first read that shows the change', async () => {
    const { waits, wait } = instant();
    const values = [1, 2, 3];
    const outcome = await readUntil(
      async () => values.shift() as number,
      (v) => v === 2,
      { wait },
    );
    expect(outcome).toMatchObject({ seen: true, last: 2, reads: 2, readOnce: true });
    expect(waits).toEqual([500]);
  });

  it('gives up after the bound with the last value read', async () => {
    const { waits, wait } = instant();
    let n = 0;
    const outcome = await readUntil(
      async () => ++n,
      () => false,
      { wait, delays: [10, 20] },
    );
    expect(outcome).toMatchObject({ seen: false, last: 3, reads: 3 });
    expect(waits).toEqual([10, 20]);
  });

  it('counts a failed read as "not yet", and remembers the failure only while no later read succeeded', async () => {
    const { wait } = instant();
    const answers: (number | Error)[] = [new Error('busy'), 5, new Error('again')];
    const read = async () => {
      const next = answers.shift() as number | Error;
      if (next instanceof Error) throw next;
      return next;
    };
    const outcome = await readUntil(read, () => false, { wait, delays: [1, 1] });
    expect(outcome).toMatchObject({ seen: false, last: 5, readOnce: true, reads: 3 });
    expect((outcome.error as Error).message).toBe('again');
    const none = await readUntil(
      async () => {
        throw new Error('down');
      },
      () => true,
      { wait, delays: [1] },
    );
    expect(none).toMatchObject({ seen: false, readOnce: false, last: undefined, reads: 2 });
  });
});
