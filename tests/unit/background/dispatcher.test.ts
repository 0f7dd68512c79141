import { describe, expect, it } from 'vitest';
import { createDispatcher } from '@/utils/background/dispatcher';
import { clientFor, createFakeGraph } from '../graph/fake-graph';
import { fakeServices } from './services-fake';

const SELF = { id: 'ext', pagesBaseUrl: 'chrome-extension://ext/' };

describe('dispatcher', () => {
  const { services } = fakeServices(clientFor(createFakeGraph([]).fetch));
  const dispatch = createDispatcher(services, SELF);

  it('answers a Reply for its own pages', async () => {
    await expect(
      dispatch({ type: 'getSession' }, { id: 'ext', url: 'chrome-extension://ext/popup.html' }),
    ).resolves.toMatchObject({
      ok: true,
      data: {
        configured: true,
        signedIn: true,
        username: 'AlexW@contoso.onmicrosoft.com',
        configuredTenant: 'contoso.onmicrosoft.com',
      },
    });
  });

  it('answers an error (never throws) for content scripts and bad shapes', async () => {
    await expect(dispatch({ type: 'getSession' }, { id: 'ext', url: 'https://entra.microsoft.com/' })).resolves.toMatchObject({
      ok: false,
    });
    await expect(
      dispatch({ type: 'getPanelState', userRef: 'x' }, { id: 'ext', url: 'chrome-extension://ext/panel.html' }),
    ).resolves.toMatchObject({
      ok: false,
      error: { kind: 'invalidInput' },
    });
  });

  it('leaves unknown message types to other listeners', () => {
    expect(dispatch({ type: 'notOurs' }, { id: 'ext', url: 'chrome-extension://ext/panel.html' })).toBeUndefined();
  });

  it('turns handler failures into ErrorInfo', async () => {
    const { services: failing } = fakeServices(clientFor(createFakeGraph([]).fetch), {
      openPanelWindow: async () => {
        throw new Error('boom');
      },
    });
    const reply = await createDispatcher(failing, SELF)(
      { type: 'openPanelWindow', userRef: 'AdeleV@contoso.onmicrosoft.com', mode: 'status' },
      {
        id: 'ext',
        url: 'chrome-extension://ext/popup.html',
      },
    );
    expect(reply).toMatchObject({ ok: false, error: { kind: 'unknown' } });
  });
});
