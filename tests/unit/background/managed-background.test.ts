/** The background as the organisation's managed configuration shapes it: first run, turning the policy on, error lines. */
import { describe, expect, it, vi } from 'vitest';
import { handleRequest } from '@/utils/background/dispatcher';
import { type FirstRunApi, openSetupOnFirstInstall } from '@/utils/background/first-run';
import { withSupportLine } from '@/utils/background/help-links';
import { POLICY_URL } from '@/utils/graph/policy';
import { ENABLE_POLICY_OFF_SENTENCE } from '@/utils/managed-config';
import { clientFor, createFakeGraph, on } from '../graph/fake-graph';
import { fakeServices } from './services-fake';

const POPUP = { kind: 'page' } as const;

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

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('first run with a managed configuration', () => {
  it('opens nothing when the policy supplies the ids, without waiting for the policy to settle', async () => {
    const { runtime, fire } = fakeRuntime();
    const policySettled = vi.fn(async () => {});
    openSetupOnFirstInstall(runtime, async () => true, policySettled);
    fire('install');
    await settle();
    expect(policySettled).not.toHaveBeenCalled();
    expect(runtime.openOptionsPage).not.toHaveBeenCalled();
  });

  it('opens nothing when the policy arrives just after the install event', async () => {
    const { runtime, fire } = fakeRuntime();
    let configured = false;
    openSetupOnFirstInstall(
      runtime,
      async () => configured,
      async () => {
        configured = true; // Chromium published the extension's policy
      },
    );
    fire('install');
    await settle();
    expect(runtime.openOptionsPage).not.toHaveBeenCalled();
  });

  it('opens the options page once the wait ends with nothing configured', async () => {
    const { runtime, fire } = fakeRuntime();
    const policySettled = vi.fn(async () => {});
    openSetupOnFirstInstall(runtime, async () => false, policySettled);
    fire('install');
    await vi.waitFor(() => expect(runtime.openOptionsPage).toHaveBeenCalledTimes(1));
    expect(policySettled).toHaveBeenCalledTimes(1);
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
