import { describe, expect, it } from 'vitest';
import { createDispatcher } from '@/utils/background/dispatcher';
import type { PanelLoads } from '@/utils/background/panel-loads';
import { AppError } from '@/utils/graph/errors';
import type { PanelState } from '@/utils/messages';
import { panelState } from '../components/fixtures';
import { clientFor, createFakeGraph } from '../graph/fake-graph';
import { fakeServices } from './services-fake';

const SELF = { id: 'ext', pagesBaseUrl: 'chrome-extension://ext/' };
const TICKET = 'q8Zb7c1Xy0-_aaaaaaaaaaaaaaaaaaaaaaaaaaaa';
const USER = '22222222-0000-4000-8000-000000000001';
const CONTOSO_ID = '6b1a4ee4-3c35-4e8a-9a3d-0d1e5b2f7a10';
const PORTAL = `https://entra.microsoft.com/fabrikam.onmicrosoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/${USER}`;
const script = { id: 'ext', url: PORTAL, tab: { id: 5 }, frameId: 0 };
const frame = { id: 'ext', url: 'chrome-extension://ext/panel.html', tab: { id: 5, windowId: 1 }, frameId: 3, documentId: 'd' };

function setup(load: (userRef: string) => Promise<PanelState> = async () => panelState()) {
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
  const ctx = fakeServices(clientFor(graph.fetch), { panelLoads });
  const dispatch = createDispatcher(ctx.services, SELF);
  const open = async (tenant?: string) => {
    await dispatch({ type: 'introduceFrame', nonce: TICKET, userRef: USER, ...(tenant && { tenant }) }, script);
    await dispatch({ type: 'claimPanel', ticket: TICKET }, frame);
  };
  return { ...ctx, graph, loads, dispatch, open };
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
