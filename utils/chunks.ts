/** Splits a list into chunks of at most `size`, in order ($batch's 20 requests, checkMemberGroups' 20 ids, a list's messages). */
export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let at = 0; at < items.length; at += size) chunks.push(items.slice(at, at + size));
  return chunks;
}
