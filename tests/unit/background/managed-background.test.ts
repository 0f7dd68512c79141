/** The background as the organisation's managed configuration shapes it: first run, turning the policy on, error lines. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRequest } from '@/utils/background/dispatcher';
import { type FirstRunApi, openSetupOnFirstInstall } from '@/utils/background/first-run';
import { getPanelState } from '@/utils/background/handlers/panel-state';
import { withSupportLine } from '@/utils/background/help-links';
import { createPanelLoads } from '@/utils/background/panel-loads';
import { POLICY_URL } from '@/utils/graph/policy';
import { createManagedLayer, effectiveSettings, layered, type ManagedStorageApi } from '@/utils/managed-config';
import { settingsItem } from '@/utils/storage';
import { ENABLE_POLICY_OFF_SENTENCE } from '@/utils/ui/enable-policy-words';
import { panelState } from '../components/fixtures';
import { clientFor, createFakeGraph, on } from '../graph/fake-graph';
import { boundContext, fakeServices } from './services-fake';

const POPUP = { kind: 'page' } as const;

afterEach(() => {
  vi.restoreAllMocks();
});

function fakeRuntime() {
  let listener: ((details: { reason: string }) => void) | undefined;
  const runtime: FirstRunApi = {
    onInstalled: {
      addListener: (callback) => {
        listener = callback;
      },
    },
    openOptionsPage: vi.fn(async () => {}),
  };
  return { runtime, fire: (reason: string) => listener?.({ reason }) };
}

const CLIENT = '0e6c7f4a-8d5b-4c1e-9f3a-2b7d6e5c4a31';
const managedApi = () => fakeBrowser.storage as unknown as ManagedStorageApi;

describe('first run with a managed configuration', () => {
  const firstRun = async (layer: ReturnType<typeof createManagedLayer>) => {
    const { runtime, fire } = fakeRuntime();
    const settings = layered(settingsItem, effectiveSettings, layer);
    openSetupOnFirstInstall(runtime, async () => (await settings.getValue()) !== null);
    fire('install');
    await new Promise((resolve) => setTimeout(resolve, 10));
    return runtime.openOptionsPage;
  };

  it('opens no options page when the policy supplies both ids', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.managed.set({ clientId: CLIENT, tenantId: 'contoso.onmicrosoft.com' });
    expect(await firstRun(createManagedLayer({ api: managedApi() }))).not.toHaveBeenCalled();
  });

  it('opens it when no policy names the extension (Firefox rejects the read) and nothing is saved', async () => {
    fakeBrowser.reset();
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValueOnce(new Error('Managed storage manifest not found'));
    expect(await firstRun(createManagedLayer({ api: managedApi() }))).toHaveBeenCalledTimes(1);
  });

  it('opens it when the policy supplies only one id and nothing is saved', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.managed.set({ clientId: CLIENT, tenantId: 'contoso' });
    expect(await firstRun(createManagedLayer({ api: managedApi() }))).toHaveBeenCalledTimes(1);
  });
});

describe('the panel form’s defaults', () => {
  const viewWith = async (organisation: object) => {
    const { services } = fakeServices(clientFor(createFakeGraph([]).fetch), {
      organisation: async () => organisation,
      panelLoads: createPanelLoads({ load: async () => panelState() }),
    });
    return getPanelState({}, services, await boundContext(services, 'AdeleV@contoso.onmicrosoft.com'));
  };

  it('travel with the first view, so the panel needs no managed read of its own', async () => {
    const view = await viewWith({ defaultLifetimeMinutes: 240, defaultOneTime: false, supportContact: 'Desk' });
    expect(view.issueDefaults).toEqual({ lifetimeMinutes: 240, oneTime: false });
  });

  it('are absent when the organisation sets none', async () => {
    expect(await viewWith({ clientId: CLIENT })).not.toHaveProperty('issueDefaults');
  });
});

describe('allowEnablePolicy', () => {
  it('false: the background refuses to turn the policy on, before asking for any permission or calling Graph', async () => {
    const graph = createFakeGraph([on('PATCH', POLICY_URL, { status: 204 })]);
    const getToken = vi.fn();
    const { services } = fakeServices(clientFor(graph.fetch), {
      organisation: async () => ({ allowEnablePolicy: false }),
    });
    services.broker.getToken = getToken;
    const reply = await handleRequest({ type: 'enablePolicy' }, services, POPUP);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'forbidden', message: ENABLE_POLICY_OFF_SENTENCE } });
    // Its link is the policy in the admin center, not "activate your role in PIM": the refusal isn't about a role.
    expect(reply.ok === false && reply.error.link?.href).toMatch(/AuthenticationMethodsMenuBlade/);
    expect(graph.calls).toHaveLength(0);
    expect(getToken).not.toHaveBeenCalled();
  });
});

describe('supportContact', () => {
  it('an error reply carries the organisation’s support line', async () => {
    const { services } = fakeServices(clientFor(createFakeGraph([]).fetch), {
      organisation: async () => ({ supportContact: 'IT service desk: ext. 4455' }),
      openPanelWindow: async () => {
        throw new Error('boom');
      },
    });
    const reply = await handleRequest(
      { type: 'openPanelWindow', userRef: 'AdeleV@contoso.onmicrosoft.com', mode: 'status' },
      services,
      POPUP,
    );
    expect(reply).toMatchObject({ ok: false, error: { kind: 'unknown', support: 'IT service desk: ext. 4455' } });
  });

  it('not for a cancelled sign-in or a plain "sign in again", and not without a contact', () => {
    const line = 'IT service desk';
    expect(withSupportLine({ kind: 'cancelled', message: 'Sign-in was cancelled.' }, line).support).toBeUndefined();
    expect(withSupportLine({ kind: 'signedOut', message: 'Sign in again.' }, line).support).toBeUndefined();
    expect(withSupportLine({ kind: 'forbidden', message: 'No.' }, undefined).support).toBeUndefined();
    expect(withSupportLine({ kind: 'forbidden', message: 'No.' }, line).support).toBe(line);
  });

  it('a failing managed read never breaks the error reply', async () => {
    const { services } = fakeServices(clientFor(createFakeGraph([]).fetch), {
      organisation: async () => {
        throw new Error('storage gone');
      },
      openPanelWindow: async () => {
        throw new Error('boom');
      },
    });
    const reply = await handleRequest(
      { type: 'openPanelWindow', userRef: 'AdeleV@contoso.onmicrosoft.com', mode: 'status' },
      services,
      POPUP,
    );
    expect(reply).toMatchObject({ ok: false });
    expect(reply.ok === false && reply.error.support).toBeUndefined();
  });
});
