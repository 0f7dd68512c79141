import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createManagedLayer,
  effectivePreferences,
  effectiveSettings,
  issueDefaultsOf,
  layered,
  MANAGED_KEYS,
  type ManagedConfig,
  type ManagedStorageApi,
  mayEnablePolicy,
  readManaged,
  validateManaged,
} from '@/utils/managed-config';
import { DEFAULT_PREFERENCES, type EntraSettings, preferencesItem, settingsItem } from '@/utils/storage';

const CLIENT = '0e6c7f4a-8d5b-4c1e-9f3a-2b7d6e5c4a31';
const TENANT = '6b1a4ee4-3c35-4e8a-9a3d-0d1e5b2f7a10';

/** One valid value per key, of the type the schema declares. */
const VALID: Required<ManagedConfig> = {
  clientId: CLIENT,
  tenantId: 'contoso.onmicrosoft.com',
  cloud: 'global',
  allowedTenants: ['contoso.onmicrosoft.com', TENANT],
  tenantProfiles: [{ label: 'Fabrikam', tenant: 'fabrikam.onmicrosoft.com' }],
  defaultLifetimeMinutes: 480,
  defaultOneTime: true,
  defaultStartOffsetMinutes: 15,
  allowEnablePolicy: false,
  clipboardClearSeconds: 30,
  keepHistory: false,
  historyRetentionDays: 30,
  historyMaxEntries: 500,
  supportContact: 'IT service desk: ext. 4455',
};

const api = () => fakeBrowser.storage as unknown as ManagedStorageApi;

beforeEach(() => {
  fakeBrowser.reset();
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('validateManaged', () => {
  it('keeps every valid key, ids trimmed and lower-cased as the options page saves them', () => {
    const reading = validateManaged({
      ...VALID,
      clientId: ` ${CLIENT.toUpperCase()} `,
      tenantId: 'Contoso.OnMicrosoft.com',
      supportContact: '  IT service desk: ext. 4455 ',
    });
    expect(reading).toEqual({ values: VALID, problems: [], unknown: [] });
  });

  it('accepts the edges of each range', () => {
    const edges = validateManaged({ defaultLifetimeMinutes: 10, clipboardClearSeconds: 0, defaultStartOffsetMinutes: 0 });
    expect(edges.problems).toEqual([]);
    const top = validateManaged({ defaultLifetimeMinutes: 43_200, clipboardClearSeconds: 3600 });
    expect(top.problems).toEqual([]);
  });

  // Firefox hands policies.json over unchecked: each of these reaches the extension there.
  it.each([
    ['defaultOneTime', 'yes', 'the text "yes"', 'true or false'],
    ['defaultLifetimeMinutes', '480', 'the text "480"', 'a whole number of minutes from 10 to 43,200'],
    ['defaultLifetimeMinutes', 5, 'the number 5', 'a whole number of minutes from 10 to 43,200'],
    ['defaultLifetimeMinutes', 90.5, 'the number 90.5', 'a whole number of minutes'],
    ['clipboardClearSeconds', 99_999, 'the number 99999', 'a whole number of seconds from 0 to 3,600'],
    ['clipboardClearSeconds', -1, 'the number -1', 'from 0 to 3,600'],
    ['historyRetentionDays', 0, 'the number 0', 'a whole number of days from 1 to 3,650'],
    ['historyMaxEntries', 20_000, 'the number 20000', 'a whole number of entries from 10 to 10,000'],
    ['clientId', 'my app', 'the text "my app"', 'a GUID'],
    ['clientId', 42, 'the number 42', 'a GUID'],
    ['tenantId', 'contoso', 'the text "contoso"', 'a verified domain'],
    ['tenantId', null, 'empty (null)', 'the Directory (tenant) ID'],
    ['cloud', 'mars', 'the text "mars"', '"global", "usGovL4", "usGovL5", "china"'],
    ['allowedTenants', 'contoso.com', 'the text "contoso.com"', 'a list of 1 to 50'],
    ['allowedTenants', ['contoso.com', 5], 'a list of 2 items', 'a list of 1 to 50'],
    ['allowedTenants', [], 'a list of 0 items', 'a list of 1 to 50'],
    [
      'tenantProfiles',
      { label: 'Fabrikam', tenant: 'fabrikam.onmicrosoft.com' },
      'a group of settings',
      'a list of at most 20 tenant profiles',
    ],
    [
      'tenantProfiles',
      [{ label: 'Fabrikam', tenant: 'fabrikam' }],
      'a list of 1 item',
      'entry 1 (the text "Fabrikam") isn’t one',
    ],
    [
      'tenantProfiles',
      [{ label: 'A', tenant: 'a.onmicrosoft.com' }, 'junk', { label: 'C', tenant: 'c.onmicrosoft.com', clientId: 'x' }],
      'a list of 3 items',
      'entries 2, 3 (the text "C") aren’t',
    ],
    [
      'tenantProfiles',
      Array.from({ length: 21 }, (_, i) => ({ label: `T${i}`, tenant: `t${i}.onmicrosoft.com` })),
      'a list of 21 items',
      'at most 20',
    ],
    ['keepHistory', { on: true }, 'a group of settings', 'true or false'],
    ['supportContact', '', 'the text ""', 'one line of plain text'],
    ['supportContact', 'line one\nline two', 'the text "line one\nline two"', 'one line of plain text'],
    ['supportContact', '\u202Eeciv\u202Ced es\u200Bk', 'the text', 'one line of plain text'],
    ['defaultStartOffsetMinutes', 50_000, 'the number 50000', 'from 0 to 43,200'],
  ])('%s = %j is ignored with a sentence naming the key, the value and the rule', (key, value, shown, rule) => {
    const reading = validateManaged({ supportContact: 'Service desk', [key]: value });
    expect((reading.values as Record<string, unknown>)[key]).toBeUndefined();
    expect(reading.problems).toHaveLength(1);
    const [problem] = reading.problems;
    expect(problem?.key).toBe(key);
    expect(problem?.sentence).toContain(`"${key}"`);
    expect(problem?.sentence).toContain(shown);
    expect(problem?.sentence).toContain(rule);
    expect(problem?.sentence).toMatch(/ignored/);
  });

  it('tenantProfiles: valid entries are kept trimmed and lower-cased, repeats once; an empty list is a valid "none"', () => {
    const reading = validateManaged({
      tenantProfiles: [
        { label: ' Fabrikam ', tenant: 'Fabrikam.onmicrosoft.com', clientId: CLIENT.toUpperCase() },
        { label: 'Fabrikam', tenant: 'fabrikam.onmicrosoft.com', clientId: CLIENT },
      ],
    });
    expect(reading.problems).toEqual([]);
    expect(reading.values.tenantProfiles).toEqual([{ label: 'Fabrikam', tenant: 'fabrikam.onmicrosoft.com', clientId: CLIENT }]);
    expect(validateManaged({ tenantProfiles: [] }).values.tenantProfiles).toEqual([]);
  });

  it('a wrong allowEnablePolicy fails closed: Turn on is not offered, and the sentence says so', () => {
    const reading = validateManaged({ allowEnablePolicy: 'false' });
    expect(reading.values.allowEnablePolicy).toBe(false);
    expect(mayEnablePolicy(reading.values)).toBe(false);
    expect(reading.problems.map((problem) => problem.key)).toEqual(['allowEnablePolicy']);
    expect(reading.problems[0]?.sentence).toMatch(
      /the text "false".*true or false.*turning the policy on from the popup stays off/,
    );
  });

  it('keeps a long wrong value short in its sentence', () => {
    const [problem] = validateManaged({ clientId: 'x'.repeat(500) }).problems;
    expect(problem?.sentence).toContain(`"${'x'.repeat(57)}…"`);
    expect(problem?.sentence).not.toContain('x'.repeat(61));
  });

  it('ignores and reports keys it does not know (Chromium drops them itself; Firefox passes them)', () => {
    const reading = validateManaged({ clientId: CLIENT, zeta: 1, alpha: { nested: true } });
    expect(reading.values).toEqual({ clientId: CLIENT });
    expect(reading.unknown).toEqual(['alpha', 'zeta']);
    expect(reading.problems).toEqual([]);
  });

  it.each([null, undefined, 'text', 7, ['clientId']])('reads %j as no configuration, never throwing', (raw) => {
    expect(validateManaged(raw)).toEqual({ values: {}, problems: [], unknown: [] });
  });

  it('does not take keys from the prototype', () => {
    expect(validateManaged(JSON.parse('{"__proto__": {"clientId": "x"}, "toString": 1}')).unknown).toEqual([
      '__proto__',
      'toString',
    ]);
  });
});

describe('readManaged', () => {
  it('reads what the policy set', async () => {
    await fakeBrowser.storage.managed.set({ clientId: CLIENT, defaultOneTime: 'yes' });
    const reading = await readManaged(api());
    expect(reading.values).toEqual({ clientId: CLIENT });
    expect(reading.problems.map((problem) => problem.key)).toEqual(['defaultOneTime']);
  });

  it('reads no policy as nothing configured: Chromium answers {}, Firefox rejects', async () => {
    expect(await readManaged(api())).toEqual({ values: {}, problems: [], unknown: [] });
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValueOnce(new Error('Managed storage manifest not found'));
    expect(await readManaged(api())).toEqual({ values: {}, problems: [], unknown: [] });
  });

  it('reads a browser without storage.managed as nothing configured', async () => {
    expect(await readManaged({ onChanged: api().onChanged })).toEqual({ values: {}, problems: [], unknown: [] });
  });
});

describe('layering: managed ∘ local', () => {
  const local: EntraSettings = { clientId: '11111111-2222-4333-8444-555555555555', tenantId: 'fabrikam.com' };

  it('each managed id wins over the saved one', () => {
    expect(effectiveSettings(local, { clientId: CLIENT, tenantId: TENANT })).toEqual({ clientId: CLIENT, tenantId: TENANT });
    expect(effectiveSettings(local, { clientId: CLIENT })).toEqual({ clientId: CLIENT, tenantId: 'fabrikam.com' });
    expect(effectiveSettings(local, { tenantId: TENANT })).toEqual({ clientId: local.clientId, tenantId: TENANT });
    expect(effectiveSettings(local, {})).toEqual(local);
  });

  it('the cloud comes with the directory: the saved one, the managed one, and never the saved cloud for a managed tenant', () => {
    const saved: EntraSettings = { clientId: CLIENT, tenantId: 'contosogov.onmicrosoft.us', cloud: 'usGovL4' };
    expect(effectiveSettings(saved, {})).toEqual(saved);
    expect(effectiveSettings(saved, { cloud: 'usGovL5' })).toEqual({ ...saved, cloud: 'usGovL5' });
    expect(effectiveSettings(saved, { tenantId: TENANT })).toEqual({ clientId: CLIENT, tenantId: TENANT });
    expect(effectiveSettings(saved, { tenantId: TENANT, cloud: 'china' })).toEqual({
      clientId: CLIENT,
      tenantId: TENANT,
      cloud: 'china',
    });
    expect(effectiveSettings({ ...saved, cloud: 'global' }, {})).toEqual({ clientId: CLIENT, tenantId: saved.tenantId });
  });

  it('is configured only when both ids are known from either layer', () => {
    expect(effectiveSettings(null, { clientId: CLIENT, tenantId: TENANT })).toEqual({ clientId: CLIENT, tenantId: TENANT });
    expect(effectiveSettings(null, { clientId: CLIENT })).toBeNull();
    expect(effectiveSettings(null, {})).toBeNull();
    expect(effectiveSettings({ clientId: '', tenantId: 'fabrikam.com' }, {})).toBeNull();
  });

  it('the managed clipboard seconds win over the options page', () => {
    expect(effectivePreferences({ clipboardClearSeconds: 60 }, { clipboardClearSeconds: 0 })).toEqual({
      clipboardClearSeconds: 0,
    });
    expect(effectivePreferences({ clipboardClearSeconds: 90 }, {})).toEqual({ clipboardClearSeconds: 90 });
  });

  it('turns the form defaults and the enable-policy switch into what the panel and popup use', () => {
    expect(issueDefaultsOf(VALID)).toEqual({ lifetimeMinutes: 480, oneTime: true, startOffsetMinutes: 15 });
    expect(issueDefaultsOf({ defaultStartOffsetMinutes: 0 })).toEqual({});
    expect(mayEnablePolicy({})).toBe(true);
    expect(mayEnablePolicy({ allowEnablePolicy: true })).toBe(true);
    expect(mayEnablePolicy({ allowEnablePolicy: false })).toBe(false);
  });

  it('the real items: a policy overrides saved settings, and a policy change reaches a watcher', async () => {
    const layer = createManagedLayer({ api: api() });
    const settings = layered(settingsItem, effectiveSettings, layer);
    const preferences = layered(preferencesItem, effectivePreferences, layer);
    await settingsItem.setValue(local);
    expect(await settings.getValue()).toEqual(local);
    expect(await preferences.getValue()).toEqual(DEFAULT_PREFERENCES);

    const seen: (EntraSettings | null)[] = [];
    settings.watch((value) => seen.push(value));
    await fakeBrowser.storage.managed.set({ clientId: CLIENT, clipboardClearSeconds: 5 });
    await vi.waitFor(() => expect(seen).toEqual([{ clientId: CLIENT, tenantId: 'fabrikam.com' }]));
    expect(await settings.getValue()).toEqual({ clientId: CLIENT, tenantId: 'fabrikam.com' });
    expect(await preferences.getValue()).toEqual({ clipboardClearSeconds: 5 });

    // Saving on the options page changes only what the policy doesn't set.
    await settingsItem.setValue({ clientId: '99999999-2222-4333-8444-555555555555', tenantId: 'northwind.com' });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ clientId: CLIENT, tenantId: 'northwind.com' }));
  });

  it('a policy change that leaves the effective value as it was is not reported (no sign-out for keepHistory)', async () => {
    const layer = createManagedLayer({ api: api() });
    await fakeBrowser.storage.managed.set({ clientId: CLIENT, tenantId: TENANT });
    const settings = layered(settingsItem, effectiveSettings, layer);
    const seen: unknown[] = [];
    settings.watch((value) => seen.push(value));
    await fakeBrowser.storage.managed.set({ keepHistory: true });
    await fakeBrowser.storage.managed.set({ tenantId: 'contoso.onmicrosoft.com' });
    await vi.waitFor(() => expect(seen).toEqual([{ clientId: CLIENT, tenantId: 'contoso.onmicrosoft.com' }]));
  });
});

describe('createManagedLayer', () => {
  it('reads once, then again only after a change in the managed area', async () => {
    const get = vi.spyOn(fakeBrowser.storage.managed, 'get');
    const layer = createManagedLayer({ api: api() });
    await layer.get();
    await layer.get();
    expect(get).toHaveBeenCalledTimes(1);
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    await layer.get();
    expect(get).toHaveBeenCalledTimes(1);
    const changed = vi.fn();
    layer.onChange(changed);
    await fakeBrowser.storage.managed.set({ supportContact: 'Service desk' });
    await vi.waitFor(() =>
      expect(changed).toHaveBeenCalledWith(expect.objectContaining({ values: { supportContact: 'Service desk' } })),
    );
    expect((await layer.get()).values).toEqual({ supportContact: 'Service desk' });
  });

  it('reads no policy as nothing configured in Firefox, where storage.managed.get rejects', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    const layer = createManagedLayer({ api: api() });
    expect(await layer.get()).toEqual({ values: {}, problems: [], unknown: [] });
  });
});

/** storage.managed answering only when released (Chromium's first answer after a browser start takes seconds). */
function slowManaged(raw: Record<string, unknown>) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const slow: ManagedStorageApi = {
    managed: {
      get: async () => {
        await released;
        return raw;
      },
    },
    onChanged: api().onChanged,
  };
  return { slow, release };
}

function memoryCopy(raw: unknown) {
  const copy = {
    raw,
    getValue: async () => copy.raw,
    setValue: vi.fn(async (next: unknown) => {
      copy.raw = next;
    }),
  };
  return copy;
}

describe('createManagedLayer with a copy of the last policy', () => {
  it('serves the copy when storage.managed is slow, then reports the fresh policy as a change when it differs', async () => {
    const { slow, release } = slowManaged({ clientId: CLIENT, supportContact: 'New desk' });
    const copy = memoryCopy({ clientId: CLIENT, supportContact: 'Old desk' });
    const layer = createManagedLayer({ api: slow, copy, patienceMs: 10 });
    const changed = vi.fn();
    layer.onChange(changed);
    expect((await layer.get()).values).toEqual({ clientId: CLIENT, supportContact: 'Old desk' });
    release();
    await vi.waitFor(() => expect(changed).toHaveBeenCalledTimes(1));
    expect((await layer.get()).values).toEqual({ clientId: CLIENT, supportContact: 'New desk' });
    expect(copy.setValue).toHaveBeenCalledWith({ clientId: CLIENT, supportContact: 'New desk' });
  });

  it('reports nothing when the fresh policy is the copy', async () => {
    const { slow, release } = slowManaged({ clientId: CLIENT });
    const layer = createManagedLayer({ api: slow, copy: memoryCopy({ clientId: CLIENT }), patienceMs: 10 });
    const changed = vi.fn();
    layer.onChange(changed);
    await layer.get();
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(changed).not.toHaveBeenCalled();
  });

  it('waits for storage.managed when there is no copy yet (a first install), and keeps what it read', async () => {
    const { slow, release } = slowManaged({ clientId: CLIENT });
    const copy = memoryCopy(null);
    const layer = createManagedLayer({ api: slow, copy, patienceMs: 10 });
    const reading = layer.get();
    let done = false;
    void reading.then(() => {
      done = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(done).toBe(false);
    release();
    expect((await reading).values).toEqual({ clientId: CLIENT });
    expect(copy.raw).toEqual({ clientId: CLIENT });
  });

  it('uses the fresh read at once when storage.managed answers within the patience', async () => {
    await fakeBrowser.storage.managed.set({ clientId: CLIENT });
    const layer = createManagedLayer({ api: api(), copy: memoryCopy({ tenantId: TENANT }), patienceMs: 1_000 });
    expect((await layer.get()).values).toEqual({ clientId: CLIENT });
  });
});

describe('public/managed_schema.json', () => {
  const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/managed_schema.json'), 'utf8')) as {
    type: string;
    additionalProperties?: unknown;
    properties: Record<string, { type: string; title?: string; description?: string; items?: { type: string } }>;
  };

  it('declares exactly the keys the code validates, as Chromium requires (top-level object, no additionalProperties)', () => {
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBeUndefined();
    expect(Object.keys(schema.properties).sort()).toEqual([...MANAGED_KEYS].sort());
  });

  it.each(MANAGED_KEYS)('%s: a type that its valid value has, a title and a description for the admin', (key) => {
    const property = schema.properties[key];
    const value = VALID[key];
    const typeOf = Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
    expect(property?.type).toBe(typeOf);
    if (Array.isArray(value)) expect(property?.items?.type).toBe(typeof value[0] === 'object' ? 'object' : 'string');
    expect(property?.title?.length).toBeGreaterThan(5);
    expect(property?.description?.length).toBeGreaterThan(40);
    // The valid value of that type is accepted by the code.
    expect(validateManaged({ [key]: value }).problems).toEqual([]);
  });
});
