// @vitest-environment happy-dom
// The attack this proves against: a page draws a decoy over a portal frame that hasn't been seen (or is covered) and
// turns the admin's clicks into Revoke, the revoke confirmation and Copy. An unarmed panel must do none of them; and a
// pass that was copied leaves the clipboard when the admin closes the panel.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TapPanel } from '@/components/TapPanel';
import { DEFAULT_PREFERENCES } from '@/utils/storage';
import type { Send } from '@/utils/ui/panel-store';
import { existingPass, issuedTap, panelState } from './fixtures';

const send = vi.fn() as unknown as ReturnType<typeof vi.fn> & Send;
const writeText = vi.fn(async (_text: string) => undefined);
const calls = (type: string) => send.mock.calls.filter(([t]) => t === type);
const clears = () => calls('clearClipboard').map(([, body]) => body as { digest: string; when: string });

function panel(armed: boolean, onClose = vi.fn()) {
  return (
    <TapPanel
      claim={{ kind: 'user', context: 'portal', mode: 'status', userRef: 'AdeleV@contoso.onmicrosoft.com' }}
      send={send}
      armed={armed}
      onOpenOptions={vi.fn()}
      onClose={onClose}
    />
  );
}

beforeEach(() => {
  send.mockReset();
  writeText.mockClear();
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});
afterEach(cleanup);

describe('TapPanel while unarmed (not yet seen, or covered)', () => {
  it('Revoke revokes nothing; a confirmation opened while armed does not revoke once disarmed', async () => {
    send.mockImplementation(async (type) => {
      if (type === 'getPanelState') return panelState({ currentPass: existingPass() });
      throw new Error(`unexpected ${type}`);
    });
    const view = render(panel(false));
    // Asking is harmless (the confirmation's own Revoke is what acts, and it is gated like Issue).
    fireEvent.click(await screen.findByRole('button', { name: 'Revoke' }));
    const unarmedConfirm = screen.getAllByRole('button', { name: 'Revoke' }).at(-1) as HTMLElement;
    expect(unarmedConfirm.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(unarmedConfirm);
    await new Promise((r) => setTimeout(r, 20));
    expect(calls('revokeTap')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));

    view.rerender(panel(true));
    fireEvent.click(screen.getByRole('button', { name: 'Revoke' }));
    await screen.findByText('Revoke this pass? The user can no longer sign in with it.');
    view.rerender(panel(false)); // the page covers the panel between the two clicks
    const confirm = screen.getAllByRole('button', { name: 'Revoke' }).at(-1) as HTMLElement;
    fireEvent.click(confirm);
    await new Promise((r) => setTimeout(r, 20));
    expect(calls('revokeTap')).toHaveLength(0);
  });

  it('Copy of a shown pass writes nothing to the clipboard once the panel is covered', async () => {
    send.mockImplementation(async (type) => {
      if (type === 'getPanelState') return panelState();
      if (type === 'issueTap') return issuedTap();
      throw new Error(`unexpected ${type}`);
    });
    const view = render(panel(true));
    fireEvent.click(await screen.findByRole('button', { name: 'Issue TAP' }));
    const copy = await screen.findByRole('button', { name: 'Copy pass' });
    view.rerender(panel(false));
    fireEvent.click(copy);
    await new Promise((r) => setTimeout(r, 20));
    expect(writeText).not.toHaveBeenCalled();
    expect(calls('clearClipboard')).toHaveLength(0);
  });

  it('closing the panel after Copy clears the clipboard now (if it still holds the pass)', async () => {
    send.mockImplementation(async (type) => {
      if (type === 'getPanelState') return panelState();
      if (type === 'issueTap') return issuedTap();
      if (type === 'clearClipboard') return { scheduled: true, afterSeconds: 60 };
      throw new Error(`unexpected ${type}`);
    });
    const onClose = vi.fn();
    render(panel(true, onClose));
    fireEvent.click(await screen.findByRole('button', { name: 'Issue TAP' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Copy pass' }));
    await waitFor(() => expect(calls('clearClipboard')).toHaveLength(1));
    expect(writeText).toHaveBeenCalledWith(issuedTap().temporaryAccessPass);
    const later = clears()[0];
    expect(later).toMatchObject({ when: 'later' });

    fireEvent.click(screen.getByRole('button', { name: 'Close panel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(calls('clearClipboard')).toHaveLength(2));
    const now = clears()[1];
    expect(now).toMatchObject({ when: 'now' });
    // The digest, never the pass, travels to the background.
    expect(JSON.stringify(send.mock.calls)).not.toContain(issuedTap().temporaryAccessPass);
    expect(now?.digest).toBe(later?.digest);
  });

  it('the clipboard is cleared after 60 seconds unless the admin chose otherwise', () => {
    expect(DEFAULT_PREFERENCES.clipboardClearSeconds).toBe(60);
  });
});
