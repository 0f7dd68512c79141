import type { IssueOptions } from '../messages';
import type { GraphClient } from './client';
import { userPath } from './paths';
import type { IssuedTap, TapMethod } from './types';

export const tapCollectionUrl = (userRef: string) => `${userPath(userRef)}/authentication/temporaryAccessPassMethods`;
export const methodsUrl = (userRef: string) => `${userPath(userRef)}/authentication/methods`;

const num = (v: unknown, fallback: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

export function toTapMethod(raw: Record<string, unknown>): TapMethod {
  return {
    id: str(raw.id),
    createdDateTime: str(raw.createdDateTime),
    startDateTime: str(raw.startDateTime) || str(raw.createdDateTime),
    lifetimeInMinutes: num(raw.lifetimeInMinutes, 0),
    isUsableOnce: raw.isUsableOnce === true,
    isUsable: raw.isUsable === true,
    methodUsabilityReason: str(raw.methodUsabilityReason),
  };
}

/** The user's current pass (a collection of at most one), or null. */
export function toCurrentPass(body: unknown): TapMethod | null {
  const value = (body as { value?: unknown } | null)?.value;
  if (!Array.isArray(value) || value.length === 0) return null;
  const passes = value.filter((v) => v && typeof v === 'object').map((v) => toTapMethod(v as Record<string, unknown>));
  passes.sort((a, b) => Date.parse(b.createdDateTime) - Date.parse(a.createdDateTime));
  return passes[0] ?? null;
}

/**
 * Whether a pass read back after a lost answer is the one that POST created: a new id means a new pass (Graph replaces
 * the old one); without a known previous pass, go by creation time (two minutes' allowance for clock skew).
 */
export function isNewPass(pass: TapMethod | null, previousPassId: string | null, startedAt: number): pass is TapMethod {
  if (!pass) return false;
  return previousPassId ? pass.id !== previousPassId : Date.parse(pass.createdDateTime) >= startedAt - 2 * 60_000;
}

/** Only the fields the admin set: Graph applies the policy's defaults to the rest. */
export function tapRequestBody(options: IssueOptions): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (options.startDateTime !== undefined) body.startDateTime = options.startDateTime;
  if (options.lifetimeInMinutes !== undefined) body.lifetimeInMinutes = options.lifetimeInMinutes;
  if (options.isUsableOnce !== undefined) body.isUsableOnce = options.isUsableOnce;
  return body;
}

export async function listPasses(client: GraphClient, userRef: string): Promise<TapMethod | null> {
  return toCurrentPass(await client.request('GET', tapCollectionUrl(userRef)));
}

/** The one POST that creates (or, per Graph v1.0, replaces) the pass. Never retried. */
export async function createPass(client: GraphClient, userRef: string, options: IssueOptions): Promise<IssuedTap> {
  const raw = await client.request<Record<string, unknown>>('POST', tapCollectionUrl(userRef), { body: tapRequestBody(options) });
  return toIssuedTap(raw);
}

/** The 201 of a create: the only answer that holds the value. */
export function toIssuedTap(raw: Record<string, unknown> | null | undefined): IssuedTap {
  const value = typeof raw?.temporaryAccessPass === 'string' ? raw.temporaryAccessPass : '';
  return { ...toTapMethod(raw ?? {}), temporaryAccessPass: value };
}

export async function deletePass(client: GraphClient, userRef: string, methodId: string): Promise<void> {
  await client.request('DELETE', `${tapCollectionUrl(userRef)}/${encodeURIComponent(methodId)}`);
}
