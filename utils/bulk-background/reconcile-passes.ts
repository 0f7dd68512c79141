import { itemResult, sendBatch } from '../graph/batch';
import type { GraphClient } from '../graph/client';
import { readUntil, type Wait } from '../graph/settle';
import { isNewPass, tapCollectionUrl, toCurrentPass } from '../graph/tap';
import type { TapMethod } from '../graph/types';
import type { Limiter } from './limiter';

export interface LostPost {
  key: string;
  userId: string;
  /** The pass the check saw: a pass with another id is the new one. */
  previousPassId: string | null;
}

export type Reconciled =
  /** A pass the lost POST created: its value is gone. */
  | { kind: 'created'; pass: TapMethod }
  /** Every read worked and none showed a new pass. */
  | { kind: 'notSeen' }
  /** No read of this user's passes worked. */
  | { kind: 'unchecked' };

interface Progress {
  created?: TapMethod;
  readOnce: boolean;
}

/**
 * After a lost answer, the users' passes read back (one $batch of GETs, at most twenty) until each shows a new pass or
 * the bounded re-reads of settle.ts run out, as issueTap's reconcile does for one user. Reads only.
 */
export async function reconcilePasses(
  lost: LostPost[],
  startedAt: number,
  deps: { client: GraphClient; inFlight: Limiter; wait: Wait },
): Promise<Map<string, Reconciled>> {
  const progress = new Map<string, Progress>(lost.map((post) => [post.key, { readOnce: false }]));
  const open = () => lost.filter((post) => !progress.get(post.key)?.created);
  const read = async () => {
    const asked = open();
    const items = await deps.inFlight(() =>
      sendBatch(
        deps.client,
        asked.map((post) => ({ id: post.key, method: 'GET' as const, url: tapCollectionUrl(post.userId) })),
      ),
    );
    for (const post of asked) {
      const result = itemResult(items.get(post.key));
      if (!result.ok) continue;
      const state = progress.get(post.key) as Progress;
      state.readOnce = true;
      const pass = toCurrentPass(result.value);
      if (isNewPass(pass, post.previousPassId, startedAt)) state.created = pass;
    }
    return open().length;
  };
  await readUntil(read, (stillOpen) => stillOpen === 0, { wait: deps.wait });
  return new Map(
    lost.map((post): [string, Reconciled] => {
      const state = progress.get(post.key) as Progress;
      if (state.created) return [post.key, { kind: 'created', pass: state.created }];
      return [post.key, state.readOnce ? { kind: 'notSeen' } : { kind: 'unchecked' }];
    }),
  );
}
