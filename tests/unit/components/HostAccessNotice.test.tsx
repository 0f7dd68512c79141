// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HostAccessNotice } from '@/components/HostAccessNotice';
import { AZURE, ENTRA, fakeHostAccess, GRAPH, LOGIN } from '../ui/fake-host-access';

afterEach(cleanup);

const PORTAL_SENTENCE =
  'Entra TAP can’t show its panel on entra.microsoft.com and portal.azure.com: this browser hasn’t given it access to those sites.';

const result = () => screen.getByTestId('host-access-result');

describe('HostAccessNotice', () => {
  it('says nothing while every site is allowed', async () => {
    const fake = fakeHostAccess();
    const { container } = render(<HostAccessNotice api={fake.api} />);
    await waitFor(() => expect(fake.api.contains).toHaveBeenCalledTimes(4));
    expect(container.innerHTML).toBe('');
  });

  it('names what is missing and why, in a labelled region with a real button and a polite live region', async () => {
    const fake = fakeHostAccess([GRAPH, LOGIN]);
    render(<HostAccessNotice api={fake.api} />);
    const region = await screen.findByRole('region', { name: 'Site access' });
    expect(region.textContent).toContain(PORTAL_SENTENCE);
    expect(screen.getByRole('button', { name: 'Allow access' }).tagName).toBe('BUTTON');
    expect(screen.getByText(/browser’s settings for this extension/)).toBeTruthy();
    expect(result().getAttribute('aria-live')).toBe('polite');
    expect(result().textContent).toBe('');
  });

  it('compact (popup, panel window): the same sentence and button, without the pointer to the settings', async () => {
    const fake = fakeHostAccess([ENTRA, AZURE, LOGIN]);
    render(<HostAccessNotice api={fake.api} compact />);
    expect(
      await screen.findByText('Without access to graph.microsoft.com, Entra TAP still works, but every step takes longer.'),
    ).toBeTruthy();
    expect(screen.queryByText(/browser’s settings for this extension/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Allow access' })).toBeTruthy();
  });

  it('asks for exactly the missing hosts inside the click; once granted, says so once and keeps the keyboard in the notice', async () => {
    const fake = fakeHostAccess([ENTRA, GRAPH]);
    render(<HostAccessNotice api={fake.api} />);
    const button = await screen.findByRole('button', { name: 'Allow access' });
    button.focus();
    fireEvent.click(button);
    // Synchronously, before anything is awaited: outside the click's gesture the browser wouldn't ask.
    expect(fake.api.request).toHaveBeenCalledTimes(1);
    expect(fake.api.request).toHaveBeenCalledWith({ origins: [AZURE, LOGIN] });
    await waitFor(() =>
      expect(result().textContent).toBe(
        'Access allowed: Entra TAP can reach portal.azure.com and login.microsoftonline.com now.',
      ),
    );
    expect(screen.queryByRole('button', { name: 'Allow access' })).toBeNull();
    expect(screen.queryByText(/can’t show its panel/)).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Site access' }));
    expect(screen.getAllByText(/Access allowed/)).toHaveLength(1);
  });

  it('a refusal gets a sentence, the notice stays and the keyboard stays on the button', async () => {
    const fake = fakeHostAccess([GRAPH, LOGIN]);
    fake.answer('refuse');
    render(<HostAccessNotice api={fake.api} />);
    const button = await screen.findByRole('button', { name: 'Allow access' });
    button.focus();
    fireEvent.click(button);
    await waitFor(() => expect(result().textContent).toMatch(/^Access wasn’t allowed, so nothing changed\./));
    expect(screen.getByText(PORTAL_SENTENCE)).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Allow access' }));
  });

  it('a browser that won’t ask from here is explained, with where to allow it instead', async () => {
    const fake = fakeHostAccess([GRAPH, LOGIN]);
    fake.answer('throw');
    render(<HostAccessNotice api={fake.api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Allow access' }));
    await waitFor(() => expect(result().textContent).toMatch(/^This browser couldn’t ask for access from here\./));
    expect(result().textContent).toContain('about:addons');
  });

  it('follows changes made elsewhere: a removal brings the notice, a grant takes it away, without an announcement', async () => {
    const fake = fakeHostAccess();
    render(<HostAccessNotice api={fake.api} />);
    await waitFor(() => expect(fake.api.contains).toHaveBeenCalledTimes(4));
    fake.revoke(AZURE);
    expect(
      await screen.findByText(
        'Entra TAP can’t show its panel on portal.azure.com: this browser hasn’t given it access to that site.',
      ),
    ).toBeTruthy();
    fake.grant(AZURE);
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Site access' })).toBeNull());
  });

  it('an earlier "allowed" goes when access is taken away again', async () => {
    const fake = fakeHostAccess([ENTRA, GRAPH, LOGIN]);
    render(<HostAccessNotice api={fake.api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Allow access' }));
    await waitFor(() => expect(result().textContent).toMatch(/^Access allowed/));
    fake.revoke(ENTRA);
    await screen.findByText(/can’t show its panel on entra\.microsoft\.com/);
    expect(result().textContent).toBe('');
  });

  it('stops listening when it goes away', async () => {
    const fake = fakeHostAccess();
    const { unmount } = render(<HostAccessNotice api={fake.api} />);
    expect(fake.listeners()).toBe(2);
    unmount();
    await waitFor(() => expect(fake.listeners()).toBe(0));
  });

  it('a second refusal is a new answer: the region empties when asking, so the same sentence is announced again', async () => {
    const fake = fakeHostAccess([GRAPH, LOGIN]);
    fake.answer('refuse');
    render(<HostAccessNotice api={fake.api} />);
    const button = await screen.findByRole('button', { name: 'Allow access' });
    fireEvent.click(button);
    await waitFor(() => expect(result().textContent).toMatch(/wasn’t allowed/));
    fireEvent.click(button);
    expect(result().textContent).toBe('');
    await waitFor(() => expect(result().textContent).toMatch(/wasn’t allowed/));
    expect(fake.api.request).toHaveBeenCalledTimes(2);
  });

  it('a request that never answers: back on the page, it looks again and says the browser didn’t ask', async () => {
    const fake = fakeHostAccess([GRAPH, LOGIN]);
    (fake.api.request as ReturnType<typeof vi.fn>).mockImplementation(() => new Promise(() => {}));
    render(<HostAccessNotice api={fake.api} />);
    const button = await screen.findByRole('button', { name: 'Allow access' });
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-disabled')).toBe('true'));
    vi.useFakeTimers();
    try {
      window.dispatchEvent(new Event('focus'));
      await vi.advanceTimersByTimeAsync(1_100);
    } finally {
      vi.useRealTimers();
    }
    await waitFor(() => expect(result().textContent).toMatch(/The browser didn’t ask/));
    expect(button.getAttribute('aria-disabled')).toBeNull();
  });

  it('popup and panel window: the button opens the options page, which asks; nothing is requested there', async () => {
    const fake = fakeHostAccess([GRAPH, LOGIN]);
    const elsewhere = vi.fn();
    render(<HostAccessNotice api={fake.api} compact onAskElsewhere={elsewhere} />);
    const button = await screen.findByRole('button', { name: 'Allow access in options' });
    expect(button.getAttribute('aria-describedby')).toBe('host-access-why');
    fireEvent.click(button);
    expect(elsewhere).toHaveBeenCalledTimes(1);
    expect(fake.api.request).not.toHaveBeenCalled();
  });
});
