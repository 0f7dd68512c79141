/**
 * The organisation's configuration: what an IT admin deploys with a browser policy (Chrome and Edge: the extension's
 * "3rdparty" policy, from Intune, Group Policy or a policy file; Firefox: policies.json "3rdparty"), read from
 * storage.managed. public/managed_schema.json declares the keys for Chrome and Edge; docs/deploy.md explains them.
 *
 * Every value is validated here, whatever the browser did first:
 * - Chromium checks each key against the schema's types and drops a wrong-typed key, and every unknown key, silently
 *   (measured, Chromium 156: "yes" for a boolean, "480" for an integer, a list with a number in it never reach
 *   storage.managed; chrome://policy shows them as schema errors). The schema declares types only, so a value of the
 *   right type but the wrong shape (a client id that isn't a GUID, seconds out of range) reaches this module, which
 *   names it on the options page in the same words in every browser.
 * - Firefox passes whatever policies.json holds, unchecked (wrong types, unknown keys, nested objects), and rejects
 *   storage.managed.get ("Managed storage manifest not found") when no policy names the extension, where Chromium
 *   answers {}. Firefox reads the policy at startup only and sends no change events for it.
 *
 * A bad value never throws: it is left out (the local setting applies) and described by one sentence naming the key.
 * Managed values win over local ones wherever both exist: effective settings = managed ∘ local.
 */

import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { CLOUD_NAMES, type CloudName, isCloudName } from './clouds';
import { HISTORY_DAYS_BOUNDS, HISTORY_ENTRIES_BOUNDS } from './history/types';
import { formatNumber } from './i18n/display-locale';
import { itemList } from './i18n/lists';
import { type EntraSettings, MAX_CLIPBOARD_CLEAR_SECONDS, type Preferences } from './storage';
import { MAX_TENANT_PROFILES, parseProfile, sameProfile, type TenantProfile } from './tenant-profiles';
import { isGuid, tenantIdProblem } from './ui/settings-validation';

export interface ManagedConfig {
  /** Application (client) ID of the app registration (a GUID). */
  clientId?: string;
  /** Directory (tenant) ID: a GUID or a verified domain. */
  tenantId?: string;
  /** The Microsoft cloud the directory lives in (utils/clouds.ts): sign-in, Graph and the admin centers follow it. */
  cloud?: CloudName;
  /**
   * The directories besides the configured one that the panel may switch to (utils/background/panel-tenant.ts mayActIn):
   * another directory the portal shows is refused with a sentence unless listed (by id or a domain of it).
   */
  allowedTenants?: string[];
  /**
   * The tenant profiles the popup offers, replacing the admin's own list on the options page (an empty list: none).
   * One whose tenant allowedTenants doesn't list, or with its own client id while clientId or tenantId is set here, is
   * not offered (utils/ui/offered-profiles.ts).
   */
  tenantProfiles?: TenantProfile[];
  /** The panel's form: lifetime of a new pass when the admin leaves the field empty. */
  defaultLifetimeMinutes?: number;
  /** The panel's form: one-time use when the admin leaves the checkbox alone. */
  defaultOneTime?: boolean;
  /** The panel's form: minutes after Issue that a new pass starts when the admin leaves the start empty. */
  defaultStartOffsetMinutes?: number;
  /** false: the popup never offers to turn the tenant's TAP policy on, and the background refuses to. */
  allowEnablePolicy?: boolean;
  /** Seconds after Copy until a pass still on the clipboard is cleared; 0 = never. Wins over the options page. */
  clipboardClearSeconds?: number;
  /** Whether the local history of issues, replaces and revokes (never a pass value) is kept; wins over the options page. */
  keepHistory?: boolean;
  /** Days a history entry is kept. Wins over the options page. */
  historyRetentionDays?: number;
  /** The most history entries kept (the oldest go first). Wins over the options page. */
  historyMaxEntries?: number;
  /** A line shown under every error sentence: whom to ask (a service desk, a mail address, a phone extension). */
  supportContact?: string;
}

export type ManagedKey = keyof ManagedConfig;

export interface ManagedProblem {
  key: ManagedKey;
  /** One sentence naming the key, what it holds and what it must be. */
  sentence: string;
}

export interface ManagedReading {
  /** The valid managed values only. */
  values: ManagedConfig;
  /** Keys the policy sets with a value the extension can't use; each is ignored. */
  problems: ManagedProblem[];
  /** Keys the policy sets that this version doesn't know; ignored. */
  unknown: string[];
}

export const EMPTY_READING: ManagedReading = { values: {}, problems: [], unknown: [] };

/** Graph's own bounds for a pass's lifetime: 10 minutes to 30 days. */
const LIFETIME_MIN = 10;
const LIFETIME_MAX = 43_200;
const START_OFFSET_MAX = 43_200;
const SUPPORT_MAX_LENGTH = 200;
const ALLOWED_TENANTS_MAX = 50;

/**
 * A wrong value's problem sentence: given how the value reads (describeValue), the key's whole sentence from the
 * catalogue (managed.problem.<key>), which says what the value must be and what happens meanwhile.
 */
type Problem = (value: string) => string;

type Check<T> = { ok: true; value: T } | { ok: false; problem: Problem };

/** How a value the policy holds reads in a sentence (short: an admin recognises it, nothing is dumped). */
export function describeValue(value: unknown): string {
  if (value === null) return i18n.t('managed.value.empty');
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}…` : value;
    return i18n.t('managed.value.text', { text: shown });
  }
  // The number as the policy holds it (not formatted): the admin looks for that in the policy file.
  if (typeof value === 'number') return i18n.t('managed.value.number', { number: String(value) });
  if (typeof value === 'boolean') return String(value); // the policy's own word, true or false
  if (Array.isArray(value)) return i18n.t('managed.value.list', value.length);
  return i18n.t('managed.value.group');
}

/** A bound in the catalogue's language (43,200 in English). */

const ok = <T>(value: T): Check<T> => ({ ok: true, value });
const problem = (sentence: Problem): Check<never> => ({ ok: false, problem: sentence });

type WholeNumberKey =
  | 'defaultLifetimeMinutes'
  | 'defaultStartOffsetMinutes'
  | 'clipboardClearSeconds'
  | 'historyRetentionDays'
  | 'historyMaxEntries';
type YesNoKey = 'defaultOneTime' | 'allowEnablePolicy' | 'keepHistory';

const isWholeNumber = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

function wholeNumber(key: WholeNumberKey, min: number, max: number): (value: unknown) => Check<number> {
  return (value) =>
    isWholeNumber(value) && value >= min && value <= max
      ? ok(value)
      : problem((shown) => i18n.t(`managed.problem.${key}`, { value: shown, min: formatNumber(min), max: formatNumber(max) }));
}

const yesNo =
  (key: YesNoKey) =>
  (value: unknown): Check<boolean> =>
    typeof value === 'boolean' ? ok(value) : problem((shown) => i18n.t(`managed.problem.${key}`, { value: shown }));

const isTenant = (value: unknown): value is string => typeof value === 'string' && tenantIdProblem(value) === null;

/** Every entry must hold up: a list the organisation half got right is not applied, and the bad entries are named. */
function profileList(value: unknown): Check<TenantProfile[]> {
  const max = formatNumber(MAX_TENANT_PROFILES);
  if (!Array.isArray(value) || value.length > MAX_TENANT_PROFILES) {
    return problem((shown) => i18n.t('managed.problem.tenantProfiles', { value: shown, max }));
  }
  const profiles: TenantProfile[] = [];
  const bad: string[] = [];
  value.forEach((entry, index) => {
    const profile = parseProfile(entry);
    const label = (entry as { label?: unknown } | null)?.label;
    const number = formatNumber(index + 1);
    const named =
      typeof label === 'string' && label.trim() !== ''
        ? i18n.t('managed.value.entry', { index: number, value: describeValue(label.trim()) })
        : number;
    if (!profile) bad.push(named);
    else if (!profiles.some((kept) => sameProfile(kept, profile))) profiles.push(profile);
  });
  if (bad.length === 0) return ok(profiles);
  const entries = itemList(bad);
  return problem((shown) => i18n.t('managed.problem.tenantProfilesEntries', bad.length, { value: shown, max, entries }));
}

/** Each key's rule. Strings are trimmed; ids are lower-cased the way the options page saves them. */
const RULES: { [K in ManagedKey]-?: (value: unknown) => Check<NonNullable<ManagedConfig[K]>> } = {
  clientId: (value) =>
    typeof value === 'string' && isGuid(value)
      ? ok(value.trim().toLowerCase())
      : problem((shown) => i18n.t('managed.problem.clientId', { value: shown })),
  tenantId: (value) =>
    isTenant(value) ? ok(value.trim().toLowerCase()) : problem((shown) => i18n.t('managed.problem.tenantId', { value: shown })),
  cloud: (value) =>
    isCloudName(value)
      ? ok(value)
      : problem((shown) =>
          // The names are the policy's own values (code), listed as the policy file writes them.
          i18n.t('managed.problem.cloud', { value: shown, names: CLOUD_NAMES.map((name) => `"${name}"`).join(', ') }),
        ),
  allowedTenants: (value) =>
    Array.isArray(value) && value.length > 0 && value.length <= ALLOWED_TENANTS_MAX && value.every(isTenant)
      ? ok([...new Set(value.map((tenant) => tenant.trim().toLowerCase()))])
      : problem((shown) => i18n.t('managed.problem.allowedTenants', { value: shown, max: formatNumber(ALLOWED_TENANTS_MAX) })),
  tenantProfiles: profileList,
  defaultLifetimeMinutes: wholeNumber('defaultLifetimeMinutes', LIFETIME_MIN, LIFETIME_MAX),
  defaultOneTime: yesNo('defaultOneTime'),
  defaultStartOffsetMinutes: wholeNumber('defaultStartOffsetMinutes', 0, START_OFFSET_MAX),
  allowEnablePolicy: yesNo('allowEnablePolicy'),
  clipboardClearSeconds: wholeNumber('clipboardClearSeconds', 0, MAX_CLIPBOARD_CLEAR_SECONDS),
  keepHistory: yesNo('keepHistory'),
  historyRetentionDays: wholeNumber('historyRetentionDays', HISTORY_DAYS_BOUNDS.min, HISTORY_DAYS_BOUNDS.max),
  historyMaxEntries: wholeNumber('historyMaxEntries', HISTORY_ENTRIES_BOUNDS.min, HISTORY_ENTRIES_BOUNDS.max),
  supportContact: (value) =>
    // No control or format characters (\p{C}: line breaks, bidi overrides, zero-width): shown in the panel's error
    // sentences, the line must read as what it is.
    typeof value === 'string' && value.trim() !== '' && value.trim().length <= SUPPORT_MAX_LENGTH && !/\p{C}/u.test(value)
      ? ok(value.trim())
      : problem((shown) => i18n.t('managed.problem.supportContact', { value: shown, max: formatNumber(SUPPORT_MAX_LENGTH) })),
};

export const MANAGED_KEYS = Object.keys(RULES) as ManagedKey[];

const isManagedKey = (key: string): key is ManagedKey => Object.hasOwn(RULES, key);

/** Validates what storage.managed returned: never throws, whatever it holds. */
export function validateManaged(raw: unknown): ManagedReading {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return EMPTY_READING;
  const values: Record<string, unknown> = {};
  const problems: ManagedProblem[] = [];
  const unknown: string[] = [];
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!isManagedKey(key)) {
      unknown.push(key);
      continue;
    }
    const checked = RULES[key](value);
    if (checked.ok) {
      values[key] = checked.value;
      continue;
    }
    // A restriction the organisation meant to set fails closed: "false" typed as text must not leave Turn on offered
    // (its sentence, managed.problem.allowEnablePolicy, says so).
    if (key === 'allowEnablePolicy') values.allowEnablePolicy = false;
    problems.push({ key, sentence: checked.problem(describeValue(value)) });
  }
  return { values: values as ManagedConfig, problems, unknown: unknown.sort() };
}

/** The slice of browser.storage this needs (injectable for unit specs). */
export interface ManagedStorageApi {
  managed?: { get(keys?: null): Promise<Record<string, unknown>> };
  onChanged: {
    addListener(callback: (changes: Record<string, unknown>, areaName: string) => void): void;
    removeListener(callback: (changes: Record<string, unknown>, areaName: string) => void): void;
  };
}

const defaultApi = (): ManagedStorageApi => browser.storage as unknown as ManagedStorageApi;

/** What storage.managed holds, as is. No policy (Firefox rejects, Chromium answers {}) reads as {}. */
async function readRaw(api: ManagedStorageApi): Promise<unknown> {
  if (!api.managed) return {};
  try {
    return await api.managed.get(null);
  } catch {
    // Firefox: "Managed storage manifest not found" when no policy names the extension. Nothing is configured then.
    return {};
  }
}

/** Reads and validates storage.managed. */
export async function readManaged(api: ManagedStorageApi = defaultApi()): Promise<ManagedReading> {
  return validateManaged(await readRaw(api));
}

export interface ManagedLayer {
  /** The current reading (kept until the policy changes). */
  get(): Promise<ManagedReading>;
  /** Called with the new reading after the policy changed (Chromium's change events; Firefox reads it at startup only). */
  onChange(callback: (reading: ManagedReading) => void): () => void;
}

/** Where the background keeps the last policy it read (raw, validated again when used). */
export interface ManagedCopy {
  getValue(): Promise<unknown>;
  setValue(raw: unknown): Promise<void>;
}

export interface ManagedLayerOptions {
  api?: ManagedStorageApi;
  /**
   * The last policy read, served when storage.managed is slow to answer. Chromium answers the first
   * storage.managed.get after the browser starts only once its extension policies are loaded (measured, Chromium 156
   * headless on 2 busy cores: 2.7-4.7 s, with a policy and without; later reads 2-17 ms). Without a copy the first
   * panel after every browser start would wait for that; with one it waits `patienceMs` at most, and a policy that
   * changed meanwhile is reported as a change once the fresh read arrives. A first install has no copy and waits.
   */
  copy?: ManagedCopy;
  patienceMs?: number;
}

const sameReading = (a: ManagedReading, b: ManagedReading) => JSON.stringify(a) === JSON.stringify(b);

/** storage.managed read once and kept true by storage.onChanged (area "managed"). */
export function createManagedLayer(options: ManagedLayerOptions = {}): ManagedLayer {
  const { copy, patienceMs = 250 } = options;
  const storage = () => options.api ?? defaultApi();
  let current: Promise<ManagedReading> | undefined;
  const listeners = new Set<(reading: ManagedReading) => void>();
  const notify = (reading: ManagedReading) => {
    for (const listener of listeners) listener(reading);
  };
  let attached = false;

  /** A fresh read; the copy is refreshed with it. */
  const fresh = () =>
    readRaw(storage()).then((raw) => {
      if (copy) void copy.setValue(raw).catch(() => undefined);
      return validateManaged(raw);
    });

  /** The fresh read if it answers within patienceMs, else the copy (then the fresh read replaces it when it differs). */
  const first = (): Promise<ManagedReading> => {
    const reading = fresh();
    if (!copy) return reading;
    const copied = copy.getValue().then(
      (raw) => (raw === undefined || raw === null ? null : validateManaged(raw)),
      () => null,
    );
    let served: ManagedReading | null = null;
    const fallback = new Promise<ManagedReading>((resolve) => {
      setTimeout(() => {
        void copied.then((value) => {
          if (value === null) {
            void reading.then(resolve);
            return;
          }
          served = value;
          resolve(value);
        });
      }, patienceMs);
    });
    const result = Promise.race([reading, fallback]);
    void reading.then((value) => {
      // Only if the copy was served, still is (no change event replaced it since), and the policy changed meanwhile.
      if (served === null || current !== result || sameReading(served, value)) return;
      current = Promise.resolve(value);
      notify(value);
    });
    return result;
  };

  const onStorageChanged = (_changes: Record<string, unknown>, areaName: string) => {
    if (areaName !== 'managed') return;
    const reading = fresh();
    current = reading;
    void reading.then(notify);
  };
  const attach = () => {
    if (attached) return;
    attached = true;
    storage().onChanged.addListener(onStorageChanged);
  };
  return {
    get() {
      attach(); // from the first read on, a change replaces the kept reading
      current ??= first();
      return current;
    },
    onChange(callback) {
      attach();
      listeners.add(callback);
      return () => listeners.delete(callback);
    },
  };
}

/** The app registration to sign in with: each managed id wins over the saved one; null until both ids are known. */
export function effectiveSettings(local: EntraSettings | null, managed: ManagedConfig): EntraSettings | null {
  const clientId = managed.clientId ?? local?.clientId ?? '';
  const tenantId = managed.tenantId ?? local?.tenantId ?? '';
  // The cloud belongs to the directory: a tenant the organisation sets comes with its cloud (worldwide if it sets none).
  const cloud = managed.tenantId !== undefined ? managed.cloud : (managed.cloud ?? local?.cloud);
  return clientId && tenantId ? { clientId, tenantId, ...(cloud && cloud !== 'global' && { cloud }) } : null;
}

/** The options page's preferences with the organisation's values on top. */
export function effectivePreferences(local: Preferences, managed: ManagedConfig): Preferences {
  return managed.clipboardClearSeconds === undefined ? local : { ...local, clipboardClearSeconds: managed.clipboardClearSeconds };
}

/** What the panel's form does with a field the admin leaves alone. */
export interface IssueDefaults {
  lifetimeMinutes?: number;
  oneTime?: boolean;
  startOffsetMinutes?: number;
}

export function issueDefaultsOf(managed: ManagedConfig): IssueDefaults {
  return {
    ...(managed.defaultLifetimeMinutes !== undefined && { lifetimeMinutes: managed.defaultLifetimeMinutes }),
    ...(managed.defaultOneTime !== undefined && { oneTime: managed.defaultOneTime }),
    ...(managed.defaultStartOffsetMinutes ? { startOffsetMinutes: managed.defaultStartOffsetMinutes } : {}),
  };
}

/** Whether the popup may offer, and the background may do, "turn the TAP policy on" (on unless the policy says false). */
export const mayEnablePolicy = (managed: ManagedConfig): boolean => managed.allowEnablePolicy !== false;

/** A local item as WXT defines it (the part this needs). */
export interface LocalItem<T> {
  getValue(): Promise<T>;
  watch(callback: (value: T) => void): () => void;
}

export interface LayeredItem<T> {
  getValue(): Promise<T>;
  /** Called when the effective value changed, from either layer (not for a change the other layer hides). */
  watch(callback: (value: T) => void): () => void;
}

/** A local item with the managed layer on top: what the extension acts on. */
export function layered<L, E>(
  local: LocalItem<L>,
  combine: (local: L, managed: ManagedConfig) => E,
  layer: ManagedLayer,
): LayeredItem<E> {
  const getValue = async () => {
    const [value, reading] = await Promise.all([local.getValue(), layer.get()]);
    return combine(value, reading.values);
  };
  return {
    getValue,
    watch(callback) {
      let last: Promise<string> = getValue().then(
        (value) => JSON.stringify(value),
        () => '',
      );
      // Serialized, so two quick changes are compared and reported in the order they happened.
      const changed = () => {
        last = last
          .then(async (before) => {
            const value = await getValue();
            const now = JSON.stringify(value);
            if (now !== before) callback(value);
            return now;
          })
          .catch(() => '');
      };
      const offLocal = local.watch(changed);
      const offManaged = layer.onChange(changed);
      return () => {
        offLocal();
        offManaged();
      };
    },
  };
}

/**
 * The managed layer for this page or the background (one per context). The local items it is laid over live in
 * utils/effective-settings.ts, so the panel, which needs only the form's defaults, doesn't load WXT storage.
 */
export const managedLayer = /* @__PURE__ */ createManagedLayer();
