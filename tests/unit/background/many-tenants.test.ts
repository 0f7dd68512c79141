import { describe, expect, it } from 'vitest';
import { createDispatcher } from '@/utils/background/dispatcher';
import type { PanelLoads } from '@/utils/background/panel-loads';
import { AppError } from '@/utils/graph/errors';
import type { PanelState } from '@/utils/messages';
import { panelState } from '../components/fixtures';
import { clientFor, createFakeGraph } from '../graph/fake-graph';
import { fakeAccount, fakeServices } from './services-fake';

const SELF = { id: 'ext', pagesBaseUrl: 'chrome-extension://ext/' };
const TICKET = 'q8Zb7c1Xy0-_aaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const USER = '22222222-0000-4000-8000-000000000001';
const CONTOSO_ID = '6b1a4ee4-3c35-4e8a-9a3d-0d1e5b2f7a10';
const PORTAL = `https://entra.microsoft.com/fabrikam.onmicrosoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/${USER}`;
const script = { id: 'ext', url: PORTAL, tab: { id: 5 }, frameId: 0 };
const frame = { id: 'ext', url: 'chrome-extension://ext/panel.html', tab: { id: 5, windowId: 1 }, frameId: 3, documentId: 'd' };

function setup(
  load: (userRef: string) => Promise<PanelState> = async () => panelState(),
  over: Parameters<typeof fakeServices>[1] = {},
) {
  const graph = createFakeGraph([]);
  const loads: string[] = [];
  const panelLoads: PanelLoads = {
    prefetch: (userRef: string) => void loads.push(`prefetch:${userRef}`),
    get: (userRef: string) => {
      loads.push(`get:${userRef}`);
      return load(userRef);
    },
    invalidate: () => {},
    clear: () => {},
  } as unknown as PanelLoads;
  const ctx = fakeServices(clientFor(graph.fetch), { panelLoads, ...over });
  const switches: { tenant: string; interactive?: boolean }[] = [];
  ctx.services.broker.switchTenant = async (tenant, _scopes, options) => {
    switches.push({ tenant, interactive: options?.interactive });
    return fakeAccount;
  };
  const dispatch = createDispatcher(ctx.services, SELF);
  const open = async (tenant?: string) => {
    await dispatch({ type: 'introduceFrame', nonce: TICKET, userRef: USER, ...(tenant && { tenant }) }, script);
    await dispatch({ type: 'claimPanel', ticket: TICKET }, frame);
  };
  return { ...ctx, graph, loads, dispatch, open, switches };
}

describe('the tenant the portal shows', () => {
  it('binds the tenant of the introduction to the frame and refuses to read or act in another directory', async () => {
    const { dispatch, open, loads, graph } = setup();
    await open('fabrikam.onmicrosoft.com');
    const view = await dispatch({ type: 'getPanelState', ticket: TICKET }, frame);
    expect(view).toMatchObject({
      ok: false,
      error: {
        kind: 'wrongTenant',
        message:
          'The portal is showing fabrikam.onmicrosoft.com, but you’re signed in to contoso.onmicrosoft.com. Nothing is shown or issued here until you sign in to fabrikam.onmicrosoft.com.',
      },
    });
    const issue = await dispatch(
      { type: 'issueTap', ticket: TICKET, userId: USER, attemptId: 'attempt-0001', options: {} },
      frame,
    );
    expect(issue).toMatchObject({ ok: false });
    const revoke = await dispatch({ type: 'revokeTap', ticket: TICKET, userId: USER, methodId: 'm1' }, frame);
    expect(revoke).toMatchObject({ ok: false });
    expect(loads).toEqual([]); // not even prefetched: another directory's user is never read in this one
    expect(graph.calls).toHaveLength(0);
  });

  it('refuses the click itself when the bound tenant is another directory, even for a user resolved before', async () => {
    const { dispatch, open, services, graph } = setup();
    await open('fabrikam.onmicrosoft.com');
    await services.frames.setResolved(`frame:${TICKET}`, USER);
    await services.guard.recordResolved(USER, null);
    const issue = await dispatch(
      { type: 'issueTap', ticket: TICKET, userId: USER, attemptId: 'attempt-0001', options: {} },
      frame,
    );
    expect(issue).toMatchObject({ ok: false, error: { kind: 'wrongTenant' } });
    const revoke = await dispatch({ type: 'revokeTap', ticket: TICKET, userId: USER, methodId: 'm1' }, frame);
    expect(revoke).toMatchObject({ ok: false, error: { kind: 'wrongTenant' } });
    expect(graph.calls).toHaveLength(0);
  });

  it('a URL naming the signed-in directory (domain or id) acts there and says so', async () => {
    for (const tenant of ['contoso.onmicrosoft.com', CONTOSO_ID]) {
      const { dispatch, open, loads } = setup();
      await open(tenant);
      const view = await dispatch({ type: 'getPanelState', ticket: TICKET }, frame);
      expect(view).toMatchObject({ ok: true, data: { tenant: { id: CONTOSO_ID, name: 'contoso.onmicrosoft.com' } } });
      expect(loads).toEqual([`prefetch:${USER}`, `get:${USER}`]);
    }
  });

  it('a URL without a tenant acts in the signed-in directory and names it', async () => {
    const { dispatch, open } = setup();
    await open();
    const view = await dispatch({ type: 'getPanelState', ticket: TICKET }, frame);
    expect(view).toMatchObject({ ok: true, data: { tenant: { id: CONTOSO_ID, name: 'contoso.onmicrosoft.com' } } });
  });

  it('a tenant Entra does not know is refused with a sentence', async () => {
    const { dispatch, open } = setup();
    await open('nowhere.example');
    const view = await dispatch({ type: 'getPanelState', ticket: TICKET }, frame);
    expect(view).toMatchObject({ ok: false, error: { kind: 'wrongTenant' } });
    expect((view as { error: { message: string } }).error.message).toContain('nowhere.example');
  });

  it('an object id the directory does not know: "This user isn’t in <tenant>", not "not found"', async () => {
    const { dispatch, open } = setup(async () => {
      throw new AppError({ kind: 'notFound', message: "This user wasn't found in your directory.", status: 404 });
    });
    await open();
    const view = await dispatch({ type: 'getPanelState', ticket: TICKET }, frame);
    expect(view).toMatchObject({ ok: false, error: { kind: 'notFound', status: 404 } });
    expect((view as { error: { message: string } }).error.message).toMatch(
      /^This user isn’t in contoso\.onmicrosoft\.com\. The portal may be showing another directory: /,
    );
  });
});

describe('switching to the tenant the portal shows', () => {
  const POPUP = { id: 'ext', url: 'chrome-extension://ext/popup.html' };

  it('offers the portal’s tenant, and a click signs in there for the frame’s bound tenant only', async () => {
    const { dispatch, open, switches, policyStore } = setup();
    await open('fabrikam.onmicrosoft.com');
    const view = await dispatch({ type: 'getPanelState', ticket: TICKET }, frame);
    expect(view).toMatchObject({ ok: false, error: { code: 'tenantMismatch', switchTo: 'fabrikam.onmicrosoft.com' } });
    await policyStore.setValue({ policy: null, groups: [], unreadable: null, fetchedAt: 1, fromCache: false });
    const reply = await dispatch({ type: 'switchTenant', ticket: TICKET }, frame);
    expect(reply).toMatchObject({ ok: true });
    expect(switches).toEqual([{ tenant: 'fabrikam.onmicrosoft.com', interactive: true }]);
    expect(policyStore.value).toBeNull(); // another directory's policy is read anew
    // A frame never names the tenant itself.
    const named = await dispatch({ type: 'switchTenant', ticket: TICKET, tenant: 'northwind.onmicrosoft.com' }, frame);
    expect(named).toMatchObject({ ok: false, error: { kind: 'invalidInput' } });
  });

  it('the popup switches to a tenant it names; the content script may not switch', async () => {
    const { dispatch, switches } = setup();
    await expect(dispatch({ type: 'switchTenant', tenant: 'fabrikam.onmicrosoft.com' }, POPUP)).resolves.toMatchObject({
      ok: true,
    });
    expect(switches).toEqual([{ tenant: 'fabrikam.onmicrosoft.com', interactive: true }]);
    await expect(dispatch({ type: 'switchTenant', tenant: 'fabrikam.onmicrosoft.com' }, script)).resolves.toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });

  it('managed allowedTenants: a directory it doesn’t list is refused with a sentence and never offered', async () => {
    const organisation = async () => ({ allowedTenants: ['contoso.onmicrosoft.com', 'northwind.onmicrosoft.com'] });
    const { dispatch, open, switches } = setup(undefined, { organisation });
    await open('fabrikam.onmicrosoft.com');
    const view = await dispatch({ type: 'getPanelState', ticket: TICKET }, frame);
    expect(view).toMatchObject({ ok: false, error: { kind: 'wrongTenant', code: 'tenantNotAllowed' } });
    expect((view as { error: { switchTo?: string; message: string } }).error.switchTo).toBeUndefined();
    expect((view as { error: { message: string } }).error.message).toContain(
      'Your organisation lets Entra TAP act only in the directories its policy lists, and fabrikam.onmicrosoft.com isn’t one of them',
    );
    const reply = await dispatch({ type: 'switchTenant', ticket: TICKET }, frame);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'wrongTenant', code: 'tenantNotAllowed' } });
    expect(switches).toEqual([]);
  });

  it('managed allowedTenants lists a directory by id: its domain in the URL is allowed', async () => {
    const organisation = async () => ({ allowedTenants: ['7c2b5ff5-4d46-4f9b-8b4e-1e2f6c3a8b21'] });
    const { dispatch, open, switches } = setup(undefined, { organisation });
    await open('fabrikam.onmicrosoft.com');
    const view = await dispatch({ type: 'getPanelState', ticket: TICKET }, frame);
    expect(view).toMatchObject({ ok: false, error: { code: 'tenantMismatch', switchTo: 'fabrikam.onmicrosoft.com' } });
    await expect(dispatch({ type: 'switchTenant', ticket: TICKET }, frame)).resolves.toMatchObject({ ok: true });
    expect(switches).toHaveLength(1);
  });
});

describe('the cloud the portal is in', () => {
  const GOV = {
    clientId: '0e6c7f4a-8d5b-4c1e-9f3a-2b7d6e5c4a31',
    tenantId: 'contosogov.onmicrosoft.us',
    cloud: 'usGovL4' as const,
  };
  const WORLDWIDE_PAGE = `https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/${USER}`;
  const GOV_PAGE = WORLDWIDE_PAGE.replace('entra.microsoft.com', 'entra.microsoft.us');

  it('gives a worldwide admin center no panel that acts in a US Government directory', async () => {
    const { services, dispatch, loads, graph } = setup();
    services.broker.settings = async () => GOV;
    const introduced = await dispatch(
      { type: 'introduceFrame', nonce: TICKET, userRef: USER },
      { ...script, url: WORLDWIDE_PAGE },
    );
    expect(introduced).toMatchObject({ ok: false, error: { kind: 'wrongTenant' } });
    const view = await dispatch({ type: 'getPanelState', ticket: TICKET }, frame);
    expect(view).toMatchObject({ ok: false, error: { kind: 'unbound' } });
    expect(loads).toEqual([]);
    expect(graph.calls).toHaveLength(0);
  });

  it('gives a US Government admin center no panel when the extension acts worldwide', async () => {
    const { dispatch, loads } = setup();
    const introduced = await dispatch({ type: 'introduceFrame', nonce: TICKET, userRef: USER }, { ...script, url: GOV_PAGE });
    expect(introduced).toMatchObject({ ok: false, error: { kind: 'wrongTenant' } });
    expect(loads).toEqual([]);
  });

  it('introduces a frame on the configured cloud’s own admin center', async () => {
    const { services, dispatch, loads } = setup();
    services.broker.settings = async () => GOV;
    const introduced = await dispatch({ type: 'introduceFrame', nonce: TICKET, userRef: USER }, { ...script, url: GOV_PAGE });
    expect(introduced).toMatchObject({ ok: true });
    expect(loads).toEqual([`prefetch:${USER}`]);
  });
});

describe('the first view read before the panel asks', () => {
  const CONTOSO_PAGE = PORTAL.replace('fabrikam.onmicrosoft.com', 'contoso.onmicrosoft.com');

  it('is read for a URL naming the configured domain while acting there', async () => {
    const { dispatch, loads } = setup();
    await dispatch(
      { type: 'introduceFrame', nonce: TICKET, userRef: USER, tenant: 'contoso.onmicrosoft.com' },
      { ...script, url: CONTOSO_PAGE },
    );
    expect(loads).toEqual([`prefetch:${USER}`]);
  });

  it('is not read for the configured domain while switched to another directory (it would be read there)', async () => {
    const { services, dispatch, loads } = setup();
    services.broker.actingTenant = async () => 'fabrikam.onmicrosoft.com';
    await dispatch(
      { type: 'introduceFrame', nonce: TICKET, userRef: USER, tenant: 'contoso.onmicrosoft.com' },
      { ...script, url: CONTOSO_PAGE },
    );
    expect(loads).toEqual([]);
    await dispatch(
      { type: 'introduceFrame', nonce: TICKET.replace('q8', 'q9'), userRef: USER, tenant: 'fabrikam.onmicrosoft.com' },
      script,
    );
    expect(loads).toEqual([`prefetch:${USER}`]);
  });
});
