/** $select and @odata.context, as Graph shapes them (graph-docs: user-get.md, "Using $select"). */
import { CLOUDS, type Cloud } from '../hosts';
import type { TenantRuntime } from '../runtime';
import { graphError } from './errors';
import type { GraphResult, RequestMeta } from './types';

/**
 * The v1.0 root of the Graph the request came to, for absolute URLs in answers (@odata.context, @odata.nextLink):
 * https://graph.microsoft.us/v1.0 on the US Gov host, so a client following a nextLink stays in its cloud. [U] that Graph
 * US Gov writes its own host there (deployments.md gives the service root; the docs' samples are all worldwide).
 */
export function graphV1(call: { runtime: TenantRuntime }): string {
  return graphRootOf(call.runtime.hostCloud);
}

export function graphRootOf(cloud: Cloud): string {
  return `https://${CLOUDS[cloud].graphHost}/v1.0`;
}

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

export function entityContext(call: { runtime: TenantRuntime }, entitySet: string, names: string[] | null): string {
  const root = graphV1(call);
  return names ? `${root}/$metadata#${entitySet}(${names.join(',')})/$entity` : `${root}/$metadata#${entitySet}/$entity`;
}

export function ok(body: unknown, status = 200): GraphResult {
  return { status, body };
}
