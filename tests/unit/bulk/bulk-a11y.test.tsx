// @vitest-environment happy-dom

/** The bulk page as the keyboard and a screen reader meet it: what Cancel can do, where focus goes, what is said. */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BulkApp } from '@/components/BulkApp';
import { createBulkStore } from '@/utils/bulk/bulk-store';
import { createCopyWatch } from '@/utils/bulk/copy-watch';
import type { BulkCheckRow, BulkIssueResult, BulkIssueRow, SessionInfo } from '@/utils/messages';
import { RequestError } from '@/utils/send-request';
import type { Send } from '@/utils/ui/panel-store';
import { issuedTap, POLICY, signedInSession } from '../components/fixtures';

const SESSION = signedInSession();

const userRow = (ref: string): BulkCheckRow => ({
  ref,
  verdict: 'issue',
  user: { id: `id-${ref}`, displayName: `User ${ref}`, userPrincipalName: ref },
});

const listOf = (n: number) => Array.from({ length: n }, (_, i) => `user${i + 1}@contoso.com`).join('\n');

interface Options {
  session?: () => SessionInfo;
  check?: (refs: string[]) => Promise<{ rows: BulkCheckRow[]; policy: typeof POLICY }>;
}

/** A background whose bulkIssue answers wait until the test releases them, in the order they were sent. */
function heldBackground(options: Options = {}) {
  const held: (() => void)[] = [];
  const send = vi.fn(async (type: string, req: unknown) => {
    if (type === 'getSession') return options.session?.() ?? SESSION;
    if (type === 'bulkCheck') {
      const refs = (req as { refs: string[] }).refs;
      return options.check ? options.check(refs) : { rows: refs.map(userRow), policy: POLICY };
    }
    if (type === 'bulkIssue') {
      const rows = (req as { rows: BulkIssueRow[] }).rows;
      const results: BulkIssueResult[] = rows.map((row) => ({
        rowId: row.rowId,
        userId: row.userId,
        status: 'issued',
        pass: issuedTap({ temporaryAccessPass: `pass-${row.rowId}` }),
      }));
      return new Promise((resolve) => held.push(() => resolve({ results })));
    }
    throw new Error(`unexpected ${type}`);
  });
  const flush = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));
  return {
    send: send as unknown as Send,
    sent: () => send.mock.calls.filter(([type]) => type === 'bulkIssue').length,
    async releaseAll() {
      while (held.length > 0) {
        held.shift()?.();
        await flush();
      }
    },
    flush,
  };
}

function setup(background = heldBackground()) {
  let id = 0;
  const store = createBulkStore(background.send, () => `r${id++}`);
  const onDownload = vi.fn();
  render(
    <BulkApp
      store={store}
      copyWatch={createCopyWatch(background.send)}
      onOpenOptions={vi.fn()}
      onPrint={vi.fn()}
      onDownload={onDownload}
    />,
  );
  return { store, onDownload };
}

const status = () => screen.getByTestId('bulk-status').textContent;
const listField = () => screen.getByLabelText('Users, one per line, or CSV with a header');

async function checkAndIssue(n: number, background: ReturnType<typeof heldBackground>) {
  fireEvent.input(listField(), { target: { value: listOf(n) } });
  fireEvent.click(screen.getByRole('button', { name: 'Check the list' }));
  await screen.findByTestId('bulk-check-table');
  fireEvent.click(screen.getByRole('button', { name: `Issue ${n} passes…` }));
  fireEvent.click(screen.getByRole('button', { name: `Issue ${n} passes` }));
  await screen.findByTestId('bulk-progress');
  await background.flush();
}

describe('the bulk page, by keyboard and screen reader', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(cleanup);

  it('Cancel says what it can still stop: the users not yet sent, while three groups of 20 are out', async () => {
    const background = heldBackground();
    setup(background);
    await checkAndIssue(100, background);
    expect(background.sent()).toBe(3);
    const hint = screen.getByTestId('bulk-cancel-hint');
    expect(hint.textContent).toBe('Cancel stops the 40 users not yet sent; the 60 already sent finish and are shown.');
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(cancel.getAttribute('aria-disabled')).toBeNull();
    expect(cancel.getAttribute('aria-describedby')).toBe('bulk-cancel-hint');

    fireEvent.click(cancel);
    await background.releaseAll();
    const heading = await screen.findByRole('heading', { name: '60 passes issued' });
    expect(document.activeElement).toBe(heading);
    // The heading says "60 passes issued"; the live region only what it doesn't.
    expect(status()).toBe('Stopped: 40 not sent.');
  });

  it('when every group is already sent, Cancel is aria-disabled with the reason, and a late Cancel is said to be late', async () => {
    const background = heldBackground();
    setup(background);
    await checkAndIssue(45, background);
    expect(background.sent()).toBe(3);
    expect(screen.getByTestId('bulk-cancel-hint').textContent).toBe('All 45 are already being issued; Cancel can’t stop them.');
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    expect(cancel.getAttribute('aria-disabled')).toBe('true');
    expect(cancel.getAttribute('aria-describedby')).toBe('bulk-cancel-hint');

    fireEvent.click(cancel);
    expect(status()).toBe('All 45 are already being issued; Cancel can’t stop them.');
    expect(screen.getByRole('button', { name: 'Cancel' }).textContent).toBe('Cancel');
    await background.releaseAll();
    await screen.findByRole('heading', { name: '45 passes issued' });
    expect(status()).toBe('Cancel came too late: all 45 passes were issued.');
  });

  it('a check ended by a sign-out moves the keyboard to Sign in; another error to the error notice', async () => {
    let session = SESSION;
    const signedOut = heldBackground({
      session: () => session,
      check: async () => {
        session = { ...SESSION, signedIn: false };
        throw new RequestError({ kind: 'signedOut', message: 'You are signed out. Sign in, then check again.' });
      },
    });
    setup(signedOut);
    fireEvent.input(listField(), { target: { value: listOf(2) } });
    fireEvent.click(screen.getByRole('button', { name: 'Check the list' }));
    await screen.findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Sign in' })));
    cleanup();

    const failing = heldBackground({
      check: async () => {
        throw new RequestError({ kind: 'throttled', message: 'Microsoft Graph is busy. Try again.' });
      },
    });
    setup(failing);
    fireEvent.input(listField(), { target: { value: listOf(2) } });
    fireEvent.click(screen.getByRole('button', { name: 'Check the list' }));
    await screen.findByRole('alert');
    const notice = screen.getByTestId('bulk-error');
    await waitFor(() => expect(document.activeElement).toBe(notice));
    expect(notice.tabIndex).toBe(-1);
    expect(within(notice).getByRole('alert').textContent).toContain('Microsoft Graph is busy.');
  });

  it('the same mistake twice is said twice: the alert is mounted again (an empty list, a file too big)', async () => {
    const { store } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Check the list' }));
    const first = await screen.findByTestId('bulk-list-error');
    fireEvent.click(screen.getByRole('button', { name: 'Check the list' }));
    const second = await screen.findByTestId('bulk-list-error');
    expect(second.textContent).toBe(first.textContent);
    expect(second).not.toBe(first);
    expect(first.isConnected).toBe(false);

    const big = new Blob(['x'.repeat(1_000_001)]);
    await act(async () => void (await store.loadFile(big)));
    const fileError = screen.getByTestId('bulk-file-error');
    await act(async () => void (await store.loadFile(big)));
    const again = screen.getByTestId('bulk-file-error');
    expect(again.textContent).toBe(fileError.textContent);
    expect(again).not.toBe(fileError);
  });

  it('the file field names its error', async () => {
    const { store } = setup();
    const file = screen.getByLabelText('Or read a file into the field (.csv or .txt)');
    expect(file.getAttribute('aria-invalid')).toBeNull();
    await act(async () => void (await store.loadFile(new Blob(['a\u0000b']))));
    expect(file.getAttribute('aria-invalid')).toBe('true');
    const describedBy = file.getAttribute('aria-describedby');
    expect(describedBy).toBe('bulk-file-error');
    expect(document.getElementById(describedBy ?? '')?.textContent).toBe(
      'That file isn’t text: choose a .csv or .txt file, or paste the list.',
    );
  });

  it('Print says what it opens; Download says it started, not where the file went', async () => {
    const background = heldBackground();
    const { onDownload } = setup(background);
    await checkAndIssue(2, background);
    await background.releaseAll();
    const results = await screen.findByTestId('bulk-results');
    const print = within(results).getByRole('button', { name: 'Print handover sheets' });
    expect(document.getElementById(print.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Print opens the print dialog: one page per user with the pass and sign-in steps.',
    );
    fireEvent.click(within(results).getByRole('button', { name: 'Download CSV' }));
    expect(onDownload).toHaveBeenCalledOnce();
    expect(status()).toBe('Download started.');
  });
});
