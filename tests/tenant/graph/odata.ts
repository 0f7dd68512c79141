/** $select and @odata.context, as Graph shapes them (graph-docs: user-get.md, "Using $select"). */
import { graphError } from './errors';
import type { GraphResult, RequestMeta } from './types';

export const GRAPH_V1 = 'https://graph.microsoft.com/v1.0';

/** Content-Type Graph sends on JSON bodies (json-batching.md sample headers). */
export const ODATA_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function selectedProperties(query: URLSearchParams): string[] | null {
  const raw = query.get('$select') ?? query.get('select');
  if (!raw) return null;
  return raw
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

/** Validates the names against the type's properties; 400 like Graph for an unknown one. */
export function checkSelect(
  meta: RequestMeta,
  names: string[] | null,
  known: readonly string[],
  typeName: string,
): GraphResult | null {
  for (const name of names ?? []) {
    if (!known.some((property) => property.toLowerCase() === name.toLowerCase())) {
      return graphError(
        meta,
        400,
        'Request_BadRequest',
        `Could not find a property named '${name}' on type 'microsoft.graph.${typeName}'.`,
      );
    }
  }
  return null;
}

export function pick(entity: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const name of names) {
    const key = Object.keys(entity).find((candidate) => candidate.toLowerCase() === name.toLowerCase()) ?? name;
    result[key] = entity[key] ?? null;
  }
  return result;
}

export function entityContext(entitySet: string, names: string[] | null): string {
  return names ? `${GRAPH_V1}/$metadata#${entitySet}(${names.join(',')})/$entity` : `${GRAPH_V1}/$metadata#${entitySet}/$entity`;
}

export function ok(body: unknown, status = 200): GraphResult {
  return { status, body };
}
