// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BRING_BACK_HINT } from '@/components/PanelHeaderButtons';
import { TapPanel } from '@/components/TapPanel';
import { RequestError } from '@/utils/send-request';
import type { Send } from '@/utils/ui/panel-store';
import { existingPass, issuedTap, panelState } from './fixtures';

const send = vi.fn() as unknown as ReturnType<typeof vi.fn> & Send;

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

function renderPanel(
  mode: 'issue' | 'status' = 'status',
  {
    context = 'portal',
    armed = true,
    windowOnly = false,
    onClose = vi.fn(),
    onCollapse,
  }: {
    context?: 'portal' | 'window';
    armed?: boolean;
    windowOnly?: boolean;
    onClose?: () => void;
    onCollapse?: () => void;
  } = {},
) {
  return render(
    <TapPanel
      claim={{ kind: 'user', context, mode, userRef: 'AdeleV@contoso.onmicrosoft.com' }}
      send={send}
      armed={armed}
      windowOnly={windowOnly}
      onOpenOptions={vi.fn()}
      onClose={onClose}
      onCollapse={onCollapse}
    />,
  );
}

const calls = (type: string) => send.mock.calls.filter(([t]) => t === type);

beforeEach(() => {
  send.mockReset();
});
afterEach(cleanup);

describe('TapPanel', () => {
  it('where the browser cannot prove the portal panel is seen, nothing acts in it: Issue and Revoke open a window', async () => {
    send.mockImplementation(async (type) => {
      if (type === 'getPanelState') return panelState({ currentPass: existingPass() });
      if (type === 'openInWindow') return { windowId: 7 };
      throw new Error(`unexpected ${type}`);
    });
    renderPanel('status', { armed: false, windowOnly: true });
    const inWindow = await screen.findByRole('button', { name: 'Replace in a window' });
    expect(document.getElementById('window-only')?.textContent).toMatch(/can’t tell if the page covers this panel/);
    expect(inWindow.getAttribute('aria-describedby')).toContain('window-only');
    expect(screen.queryByRole('button', { name: /^Issue TAP/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Options/ })).toBeNull();
    fireEvent.click(inWindow);
    expect(calls('openInWindow')).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Revoke in a window' }));
    expect(calls('openInWindow')).toHaveLength(2);
    expect(calls('revokeTap')).toHaveLength(0);
    expect(screen.queryByText('Revoke this pass? The user can no longer sign in with it.')).toBeNull();
  });

  it('shows the user and issues once with defaults, even on a double click', async () => {
    const reply = deferred<ReturnType<typeof issuedTap>>();
    send.mockImplementation(async (type) => {
      if (type === 'getPanelState') return panelState();
      if (type === 'issueTap') return reply.promise;
      throw new Error(`unexpected ${type}`);
    });
    renderPanel();
    const button = await screen.findByRole('button', { name: 'Issue TAP' });
    expect(screen.getByText('Adele Vance')).toBeTruthy();
    fireEvent.click(button);
    fireEvent.click(button);
    expect(calls('issueTap')).toHaveLength(1);
    // Busy: aria-disabled, not disabled, so focus stays on the button instead of falling to the page.
    await waitFor(() => expect(button.getAttribute('aria-disabled')).toBe('true'));
    expect((button as HTMLButtonElement).disabled).toBe(false);
    const [, req] = calls('issueTap')[0] as [string, { userId: string; attemptId: string; options: object }];
    expect(req.userId).toBe('22222222-0000-4000-8000-000000000001');
    expect(req.options).toEqual({});
    expect(req.attemptId).toMatch(/^[0-9a-f-]{36}$/);
    reply.resolve(issuedTap());
    await screen.findByTestId('pass-value');
    // Focus moves to the new pass: a group named for the user, the value read once.
    const card = screen.getByRole('group', { name: 'Temporary Access Pass for Adele Vance' });
    await waitFor(() => expect(document.activeElement).toBe(card));
    expect(card.querySelector('.visually-hidden')?.textContent).toBe('Ab3dEf7hKm9p');
    expect(calls('issueTap')).toHaveLength(1);
    // The methods list shows the new pass.
    expect(screen.getByText('Temporary Access Pass', { selector: '.method-label' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByTestId('pass-value')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: /Issue TAP/ })));
  });

  it('asks before replacing an existing pass', async () => {
    send.mockImplementation(async (type) => {
      if (type === 'getPanelState') return panelState({ currentPass: existingPass() });
      if (type === 'issueTap') return issuedTap({ isUsableOnce: true });
      throw new Error(`unexpected ${type}`);
    });
    renderPanel();
    const button = await screen.findByRole('button', { name: 'Issue TAP (replaces the current pass)' });
    expect(screen.getByTestId('pass-status').textContent).toBe('Active');
    fireEvent.click(button);
    expect(calls('issueTap')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(calls('issueTap')).toHaveLength(0);
    fireEvent.click(button);
    fireEvent.click(screen.getByRole('button', { name: 'Replace' }));
    await screen.findByTestId('pass-value');
    expect(calls('issueTap')).toHaveLength(1);
    // The card takes the keyboard; the current-pass card and the button follow (a task later) and end not busy.
    const card = screen.getByRole('group', { name: 'Temporary Access Pass for Adele Vance' });
    await waitFor(() => expect(document.activeElement).toBe(card));
    const current = () => screen.getByRole('region', { name: 'Current pass' });
    await waitFor(() => expect(current().textContent).toContain('One-time')); // the new pass, not the reusable one
    await waitFor(() => expect(screen.getByRole('button', { name: /Issue TAP/ }).getAttribute('aria-busy')).toBe('false'));
    expect(screen.getByText('Temporary Access Pass', { selector: '.method-label' })).toBeTruthy();
  });

  it('revokes after confirmation and refreshes', async () => {
    let revoked = false;
    send.mockImplementation(async (type) => {
      if (type === 'getPanelState') return panelState({ currentPass: revoked ? null : existingPass() });
      if (type === 'revokeTap') {
        revoked = true;
        return { revoked: true };
      }
      throw new Error(`unexpected ${type}`);
    });
    renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke' }));
    expect(calls('revokeTap')).toHaveLength(0);
    // The question opens on Cancel (Enter, Enter never revokes); then the confirm button.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' })));
    fireEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    await screen.findByText('No Temporary Access Pass.');
    expect(calls('revokeTap')).toEqual([
      ['revokeTap', { userId: '22222222-0000-4000-8000-000000000001', methodId: 'tap-existing' }],
    ]);
    expect(calls('getPanelState').map(([, req]) => req)).toEqual([{}, { fresh: true }]);
    expect(calls('getPanelState')).toHaveLength(2);
  });

  it('after a revoke Graph confirmed, a read-back that still lists the pass (replication lag) does not bring it back', async () => {
    send.mockImplementation(async (type) => {
      if (type === 'getPanelState') return panelState({ currentPass: existingPass() }); // a replica behind
      if (type === 'revokeTap') return { revoked: true };
      throw new Error(`unexpected ${type}`);
    });
    renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' })));
    fireEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    await screen.findByText('No Temporary Access Pass.');
    expect(calls('getPanelState')).toHaveLength(2);
  });

  it('disables Issue TAP and says why when the user is not eligible', async () => {
    send.mockResolvedValueOnce(
      panelState({
        eligibility: {
          canIssue: false,
          reasons: [{ reason: 'externalGuest', sentence: 'External guests cannot get a pass.' }],
          warnings: [],
        },
      }),
    );
    renderPanel('issue');
    const button = (await screen.findByRole('button', { name: 'Issue TAP' })) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-describedby')).toBe('eligibility');
    expect(screen.getByText('External guests cannot get a pass.')).toBeTruthy();
  });

  it('keeps Issue TAP enabled with a warning when the pass would not work yet, and points the button at it', async () => {
    const sentence =
      "Pradeep isn't in the group the Temporary Access Pass policy includes (“Pilot TAP users”). You can issue a pass, but Pradeep can't sign in with it until you add the user to it or widen the policy.";
    send.mockResolvedValueOnce(
      panelState({ eligibility: { canIssue: true, reasons: [], warnings: [{ reason: 'notIncluded', sentence }] } }),
    );
    renderPanel('issue');
    const button = (await screen.findByRole('button', { name: 'Issue TAP' })) as HTMLButtonElement;
    expect(button.disabled).toBe(false);
    expect(button.getAttribute('aria-describedby')).toBe('eligibility');
    expect(screen.getByTestId('eligibility').getAttribute('data-severity')).toBe('warn');
    expect(screen.getByText(sentence)).toBeTruthy();
  });

  it('focuses Issue TAP after load in a window opened with "Issue"', async () => {
    send.mockResolvedValueOnce(panelState());
    renderPanel('issue', { context: 'window' });
    const button = await screen.findByRole('button', { name: 'Issue TAP' });
    await waitFor(() => expect(document.activeElement).toBe(button));
  });

  it('never takes focus in a portal frame, whatever the mode', async () => {
    send.mockResolvedValueOnce(panelState());
    renderPanel('issue', { context: 'portal' });
    const button = await screen.findByRole('button', { name: 'Issue TAP' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(document.activeElement).not.toBe(button);
  });

  it('until armed (visible and unobscured long enough), Issue is aria-disabled and a click does nothing', async () => {
    send.mockImplementation(async (type) => (type === 'getPanelState' ? panelState() : issuedTap()));
    renderPanel('status', { armed: false });
    const button = await screen.findByRole('button', { name: 'Issue TAP' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    fireEvent.keyDown(button, { key: 'Enter' });
    expect(calls('issueTap')).toHaveLength(0);
    cleanup();
    renderPanel('status', { armed: true });
    const armed = await screen.findByRole('button', { name: 'Issue TAP' });
    expect(armed.getAttribute('aria-disabled')).toBeNull();
    fireEvent.click(armed);
    expect(calls('issueTap')).toHaveLength(1);
  });

  it('until armed, “Sign in to <the portal’s tenant>” switches nothing: a hidden frame can’t move the extension to another directory', async () => {
    const mismatch = new RequestError({
      kind: 'wrongTenant',
      message: 'The portal is showing fabrikam.onmicrosoft.com, but you’re signed in to contoso.onmicrosoft.com.',
      code: 'tenantMismatch',
      switchTo: 'fabrikam.onmicrosoft.com',
    });
    send.mockImplementation(async (type) => {
      if (type === 'getPanelState') throw mismatch;
      return {};
    });
    renderPanel('status', { armed: false });
    const button = await screen.findByRole('button', { name: 'Sign in to fabrikam.onmicrosoft.com' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    expect(calls('switchTenant')).toHaveLength(0);
    cleanup();
    renderPanel('status', { armed: true });
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in to fabrikam.onmicrosoft.com' }));
    expect(calls('switchTenant')).toHaveLength(1);
  });

  it('sends only the options the admin set', async () => {
    send.mockImplementation(async (type) => (type === 'getPanelState' ? panelState() : issuedTap()));
    renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: 'Options' }));
    fireEvent.input(screen.getByLabelText('Lifetime'), { target: { value: '9' } });
    const issue = screen.getByRole('button', { name: 'Issue TAP' }) as HTMLButtonElement;
    await waitFor(() => expect(issue.getAttribute('aria-disabled')).toBe('true'));
    // Pressed anyway: nothing is sent; the problem is said and focus goes to the field.
    fireEvent.click(issue);
    expect(calls('issueTap')).toHaveLength(0);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Lifetime')));
    expect(screen.getByText(/9 hours is outside the allowed range/, { selector: '.field-error' })).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Lifetime'), { target: { value: '4' } });
    await waitFor(() => expect(issue.getAttribute('aria-disabled')).toBeNull());
    fireEvent.click(issue);
    await screen.findByTestId('pass-value');
    expect(calls('issueTap')[0]).toMatchObject(['issueTap', { options: { lifetimeInMinutes: 240 } }]);
  });

  it('says in the portal panel, visibly and to whoever hears – and ×, how to bring it back; a window has no such line', async () => {
    send.mockResolvedValue(panelState());
    renderPanel('status', { onCollapse: vi.fn() });
    await screen.findByRole('button', { name: 'Issue TAP' });
    const hint = screen.getByTestId('bring-back-hint');
    expect(hint.textContent).toBe(BRING_BACK_HINT);
    expect(hint.textContent).toMatch(/Entra TAP tab .* Alt\+Shift\+P/);
    // Shown, not only said: no visually-hidden class on it or around it, and at the panel's foot (after the policy note).
    expect(hint.closest('.visually-hidden, [hidden]')).toBeNull();
    expect(hint.classList.contains('hint')).toBe(true);
    expect(hint.parentElement?.tagName).toBe('MAIN');
    const policyNote = document.querySelector('.policy-note');
    expect(policyNote && hint.compareDocumentPosition(policyNote) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
    for (const name of ['Collapse panel', 'Close panel']) {
      expect(screen.getByRole('button', { name }).getAttribute('aria-describedby')).toBe(hint.id);
    }
    cleanup();
    renderPanel('status', { context: 'window' });
    await screen.findByRole('button', { name: 'Issue TAP' });
    expect(screen.queryByTestId('bring-back-hint')).toBeNull();
    expect(screen.getByRole('button', { name: 'Close panel' }).getAttribute('aria-describedby')).toBeNull();
  });

  it('shows a load failure with Try again, then recovers', async () => {
    send
      .mockRejectedValueOnce(new RequestError({ kind: 'offline', message: 'You appear to be offline.' }))
      .mockResolvedValueOnce(panelState());
    renderPanel();
    expect((await screen.findByRole('alert')).textContent).toBe('You appear to be offline.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Adele Vance')).toBeTruthy();
  });

  it('offers Sign in when signed out, and Open options when not configured', async () => {
    send.mockRejectedValueOnce(new RequestError({ kind: 'signedOut', message: 'Sign in.' }));
    renderPanel();
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    cleanup();
    send.mockRejectedValueOnce(new RequestError({ kind: 'notConfigured', message: 'Set up.' }));
    renderPanel();
    expect(await screen.findByRole('button', { name: 'Open options' })).toBeTruthy();
  });

  it('after an ambiguous failure shows the sentence and re-reads the state', async () => {
    let issuedAlready = false;
    send.mockImplementation(async (type) => {
      if (type === 'getPanelState') return panelState({ currentPass: issuedAlready ? existingPass() : null });
      issuedAlready = true;
      throw new RequestError({ kind: 'ambiguous', message: 'The connection dropped; the panel shows what is true now.' });
    });
    renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: 'Issue TAP' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/connection dropped/);
    await screen.findByText('Current pass');
    expect(calls('getPanelState')).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Try again' })).toBeNull();
  });
});

/** What a screen reader hears from the live regions: every new non-empty text, in order (as the keyboard e2e logs it). */
function listenToLiveRegions(): { heard: { kind: string; text: string }[]; stop: () => void } {
  const heard: { kind: string; text: string }[] = [];
  const last = new WeakMap<Element, string>();
  const listen = () => {
    for (const region of document.querySelectorAll('[aria-live], [role="alert"], [role="status"]')) {
      const text = region.textContent?.trim() ?? '';
      if (text && last.get(region) !== text) {
        heard.push({ kind: region.getAttribute('role') ?? region.getAttribute('aria-live') ?? '', text });
      }
      last.set(region, text);
    }
  };
  const observer = new MutationObserver(listen);
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  return { heard, stop: () => observer.disconnect() };
}

describe('TapPanel: keyboard and screen-reader paths', () => {
  it('is a main landmark named for the user (and a plain name while loading)', async () => {
    const view = deferred<ReturnType<typeof panelState>>();
    send.mockImplementation(async (type) => (type === 'getPanelState' ? view.promise : undefined));
    renderPanel();
    expect(screen.getByRole('main', { name: 'Temporary Access Pass' })).toBeTruthy();
    view.resolve(panelState());
    expect(await screen.findByRole('main', { name: 'Temporary Access Pass for Adele Vance' })).toBeTruthy();
    expect(screen.getAllByRole('main')).toHaveLength(1);
  });

  it('a failed copy says "Copy failed" exactly once, in the panel’s polite region', async () => {
    const writeText = vi.fn().mockRejectedValue(new DOMException('Document is not focused.', 'NotAllowedError'));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    send.mockImplementation(async (type) => (type === 'getPanelState' ? panelState() : issuedTap()));
    renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: 'Issue TAP' }));
    await screen.findByTestId('pass-value');
    const { heard, stop } = listenToLiveRegions();
    fireEvent.click(screen.getByRole('button', { name: 'Copy pass' }));
    await waitFor(() => expect(heard.filter((entry) => /Copy failed/.test(entry.text))).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const failed = heard.filter((entry) => /Copy failed/.test(entry.text));
    expect(failed).toEqual([{ kind: 'polite', text: 'Copy failed. Select the pass and press Ctrl+C, or read it out.' }]);
    expect(writeText).toHaveBeenCalledTimes(1);
    // The button shows it to the eye; its accessible name stays "Copy pass" (a changing name would be said again).
    const button = screen.getByRole('button', { name: 'Copy pass' });
    expect(button.textContent).toBe('Copy failed');
    expect(button.closest('[aria-live], [role="status"], [role="alert"]')).toBeNull();
    stop();
  });

  it('after a failed revoke the keyboard is back on Revoke, and Dismiss leaves it there', async () => {
    send.mockImplementation(async (type) => {
      if (type === 'getPanelState') return panelState({ currentPass: existingPass() });
      if (type === 'revokeTap')
        throw new RequestError({ kind: 'throttled', message: 'Microsoft Graph is busy. Try again in 30 seconds.' });
      throw new Error(`unexpected ${type}`);
    });
    renderPanel();
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' })));
    fireEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/busy/);
    const revoke = () => document.querySelector<HTMLElement>('[data-action="revoke"]');
    await waitFor(() => expect(document.activeElement).toBe(revoke()));
    expect(revoke()?.textContent).toBe('Revoke');
    const dismiss = screen.getByRole('button', { name: 'Dismiss' });
    dismiss.focus();
    fireEvent.click(dismiss);
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(revoke()));
    expect(calls('revokeTap')).toHaveLength(1);
  });

  it('Escape in a window that shows a new pass does not close the window; after Done it does', async () => {
    const onClose = vi.fn();
    send.mockImplementation(async (type) => (type === 'getPanelState' ? panelState() : issuedTap()));
    renderPanel('issue', { context: 'window', onClose });
    fireEvent.click(await screen.findByRole('button', { name: 'Issue TAP' }));
    const card = await screen.findByRole('group', { name: 'Temporary Access Pass for Adele Vance' });
    await waitFor(() => expect(document.activeElement).toBe(card));
    fireEvent.keyDown(card, { key: 'Escape' });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Copy pass' }), { key: 'Escape' });
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByTestId('pass-value')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByTestId('pass-value')).toBeNull());
    fireEvent.keyDown(screen.getByRole('button', { name: /^Issue TAP/ }), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
