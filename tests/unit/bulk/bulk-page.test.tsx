// @vitest-environment happy-dom

import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BulkApp } from '@/components/BulkApp';
import { createBulkStore } from '@/utils/bulk/bulk-store';
import { createCopyWatch } from '@/utils/bulk/copy-watch';
import type { IssuedRow } from '@/utils/bulk/results-csv';
import type { BulkCheckRow, BulkIssueResult, BulkIssueRow, SessionInfo } from '@/utils/messages';
import type { Send } from '@/utils/ui/panel-store';
import { existingPass, issuedTap, POLICY, signedInSession } from '../components/fixtures';

const SESSION = signedInSession();

const USERS: Record<string, BulkCheckRow> = {
  'adelev@contoso.com': {
    ref: 'AdeleV@contoso.com',
    verdict: 'issue',
    user: { id: '22222222-0000-4000-8000-000000000001', displayName: 'Adele Vance', userPrincipalName: 'AdeleV@contoso.com' },
  },
  'alexw@contoso.com': {
    ref: 'AlexW@contoso.com',
    verdict: 'replace',
    user: { id: '22222222-0000-4000-8000-000000000002', displayName: 'Alex Wilber', userPrincipalName: 'AlexW@contoso.com' },
    sentence: 'Alex Wilber has a pass: replacing deletes it.',
    currentPass: existingPass(),
  },
  'guest@contoso.com': {
    ref: 'guest@contoso.com',
    verdict: 'skip',
    reason: 'externalGuest',
    user: { id: '22222222-0000-4000-8000-000000000003', displayName: 'Guest User', userPrincipalName: 'guest@contoso.com' },
    sentence: 'Guest User is an external guest: a pass can’t be issued for them.',
  },
};

const PASSES: Record<string, string> = {
  '22222222-0000-4000-8000-000000000001': '+drkzqAD',
  '22222222-0000-4000-8000-000000000002': 'Ab3dEf7hKm9p',
};

function fakeBackground(options: { issue?: (row: BulkIssueRow) => BulkIssueResult; session?: () => SessionInfo } = {}) {
  const calls: { type: string; req: unknown }[] = [];
  const send = vi.fn(async (type: string, req: unknown) => {
    calls.push({ type, req });
    if (type === 'getSession') return options.session?.() ?? SESSION;
    if (type === 'clearClipboard') return { scheduled: true, afterSeconds: 60 };
    if (type === 'bulkCheck') {
      const refs = (req as { refs: string[] }).refs;
      return { rows: refs.map((ref) => ({ ...USERS[ref.toLowerCase()], ref }) as BulkCheckRow), policy: POLICY };
    }
    if (type === 'bulkIssue') {
      const rows = (req as { rows: BulkIssueRow[] }).rows;
      return {
        results: rows.map(
          (row) =>
            options.issue?.(row) ?? {
              rowId: row.rowId,
              userId: row.userId,
              status: 'issued',
              pass: issuedTap({ temporaryAccessPass: PASSES[row.userId] }),
            },
        ),
      };
    }
    throw new Error(`unexpected ${type}`);
  });
  return { send: send as unknown as Send, calls };
}

function setup(background = fakeBackground()) {
  let id = 0;
  const store = createBulkStore(background.send, () => `row-id-${String(id++).padStart(4, '0')}`);
  const onPrint = vi.fn();
  const onDownload = vi.fn<(rows: readonly IssuedRow[]) => void>();
  const copyWatch = createCopyWatch(background.send);
  render(<BulkApp store={store} copyWatch={copyWatch} onOpenOptions={vi.fn()} onPrint={onPrint} onDownload={onDownload} />);
  return { store, copyWatch, onPrint, onDownload, calls: background.calls };
}

const LIST = 'upn,lifetime\nAdeleV@contoso.com,120\nnot-a-user\nAlexW@contoso.com,\nguest@contoso.com,\nadelev@CONTOSO.com,60\n';

/** WCAG 2.2 A/AA as axe-core sees the DOM (happy-dom has no layout or styles, so no colour contrast here). */
async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document.body, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`);
}

async function checkList() {
  fireEvent.input(screen.getByLabelText('Users, one per line, or CSV with a header'), { target: { value: LIST } });
  fireEvent.click(screen.getByRole('button', { name: 'Check the list' }));
  await screen.findByTestId('bulk-check-table');
}

describe('the bulk page', () => {
  let writeText: ReturnType<typeof vi.fn>;
  beforeEach(() => {
    fakeBrowser.reset();
    writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  });
  afterEach(cleanup);

  it('checks first: lists the lines not used, then a table of verdicts and the counts; nothing issued', async () => {
    const { calls } = setup();
    await checkList();
    const problems = screen.getByTestId('bulk-problems');
    expect(within(problems).getByRole('heading').textContent).toBe('2 lines not used');
    expect(problems.textContent).toContain('Line 3');
    expect(problems.textContent).toContain('Line 6');
    expect(problems.textContent).toContain('The same user as line 2.');
    expect(screen.getByTestId('bulk-summary').textContent).toBe(
      '1 will be issued, 1 replaced, 1 skipped, 2 lines not used (listed above). Nothing has been issued yet.',
    );
    const table = screen.getByTestId('bulk-check-table');
    const cells = [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent));
    expect(cells).toEqual([
      ['2', 'Adele VanceAdeleV@contoso.com', '2 hours', 'Will issue', ''],
      [
        '4',
        'Alex WilberAlexW@contoso.com',
        'Policy defaults',
        'Will replace the current pass',
        'Alex Wilber has a pass: replacing deletes it.',
      ],
      [
        '5',
        'Guest Userguest@contoso.com',
        'Policy defaults',
        'Skipped',
        'Guest User is an external guest: a pass can’t be issued for them.',
      ],
    ]);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'What will happen' }));
    expect(await axeViolations()).toEqual([]);
    expect(calls.filter((call) => call.type === 'bulkCheck').map((call) => call.req)).toEqual([
      { refs: ['AdeleV@contoso.com', 'AlexW@contoso.com', 'guest@contoso.com'] },
    ]);
    expect(calls.some((call) => call.type === 'bulkIssue')).toBe(false);
    await waitFor(() =>
      expect(screen.getByTestId('bulk-status').textContent).toBe(
        'Check finished: 1 will be issued, 1 replaced, 1 skipped, 2 lines not used (listed above).',
      ),
    );
  });

  it('one confirmation for the whole set, focus on Cancel, naming the counts and the tenant; Escape goes back to Issue', async () => {
    setup();
    await checkList();
    fireEvent.click(screen.getByRole('button', { name: 'Issue 2 passes…' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    expect(await axeViolations()).toEqual([]);
    expect(screen.getByRole('group').textContent).toContain(
      'Issue 2 Temporary Access Passes in contoso.onmicrosoft.com? 1 user has a pass now: replacing deletes it, and it stops working at once. The 1 skipped user gets nothing.',
    );
    fireEvent.keyDown(screen.getByRole('button', { name: 'Cancel' }), { key: 'Escape' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Issue 2 passes…' })));
  });

  it('issues after the confirmation and shows the passes once: table, copy, sheets, CSV, a question before closing', async () => {
    const { calls, copyWatch, onDownload, onPrint } = setup();
    await checkList();
    fireEvent.click(screen.getByRole('button', { name: 'Issue 2 passes…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Issue 2 passes' }));
    const results = await screen.findByTestId('bulk-results');
    await waitFor(() => expect(document.activeElement).toBe(within(results).getByRole('heading', { name: '2 passes issued' })));
    expect(calls.filter((call) => call.type === 'bulkIssue').map((call) => call.req)).toEqual([
      {
        rows: [
          { rowId: 'row-id-0000', userId: '22222222-0000-4000-8000-000000000001', options: { lifetimeInMinutes: 120 } },
          { rowId: 'row-id-0001', userId: '22222222-0000-4000-8000-000000000002', options: {} },
        ],
      },
    ]);
    // Each pass read once, whole, beside its groups.
    expect(within(results).getByText('+drkzqAD').className).toBe('visually-hidden');
    // The focused heading says it; the live region stays quiet rather than say it twice.
    expect(screen.getByTestId('bulk-status').textContent).not.toMatch(/passes issued/);
    expect(await axeViolations()).toEqual([]);

    fireEvent.click(within(results).getByRole('button', { name: 'Copy the pass for Adele Vance' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('+drkzqAD'));
    await waitFor(() =>
      expect(screen.getByTestId('bulk-status').textContent).toBe(
        'Copied the pass for Adele Vance. It is cleared from the clipboard in 60 seconds, or when you close this page.',
      ),
    );
    // The background gets the pass's digest to clear it later, and again at once when the page closes; never the pass.
    const clears = () =>
      calls.filter((call) => call.type === 'clearClipboard').map((call) => call.req as { digest: string; when: string });
    expect(clears()).toEqual([{ digest: expect.stringMatching(/^[0-9a-f]{64}$/), when: 'later' }]);
    copyWatch.forget();
    await waitFor(() => expect(clears()).toHaveLength(2));
    expect(clears()[1]).toEqual({ digest: clears()[0]?.digest, when: 'now' });
    expect(JSON.stringify(calls.filter((call) => call.type === 'clearClipboard'))).not.toContain('+drkzqAD');

    const sheets = screen.getByTestId('handover-sheets').querySelectorAll('article.sheet');
    expect([...sheets].map((sheet) => sheet.getAttribute('aria-label'))).toEqual([
      'Handover sheet for Adele Vance',
      'Handover sheet for Alex Wilber',
    ]);
    expect(sheets[0]?.textContent).toContain('+drkzqAD');
    expect(sheets[0]?.textContent).toContain('sign in as AdeleV@contoso.com');
    fireEvent.click(screen.getByRole('button', { name: 'Print handover sheets' }));
    expect(onPrint).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    expect(onDownload.mock.calls[0]?.[0].map((row) => row.pass.temporaryAccessPass)).toEqual(['+drkzqAD', 'Ab3dEf7hKm9p']);
    expect(screen.getByRole('button', { name: 'Download CSV' }).getAttribute('aria-describedby')).toBe('bulk-csv-note');

    const leaving = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leaving);
    expect(leaving.defaultPrevented).toBe(true);
    // The list is locked: these passes belong to it.
    expect((screen.getByLabelText('Users, one per line, or CSV with a header') as HTMLTextAreaElement).readOnly).toBe(true);
    // Nothing of it anywhere but this page's memory.
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    expect(await fakeBrowser.storage.session.get()).toEqual({});
    expect(window.location.href).not.toContain('drkzq');
  });

  it('offers an explicit issue again for the rows whose outcome is unknown, with a new rowId', async () => {
    let first = true;
    const background = fakeBackground({
      issue: (row) => {
        if (row.userId.endsWith('1') && first) {
          first = false;
          return { rowId: row.rowId, userId: row.userId, status: 'unknown', error: { kind: 'ambiguous', message: 'Lost.' } };
        }
        return {
          rowId: row.rowId,
          userId: row.userId,
          status: 'issued',
          pass: issuedTap({ temporaryAccessPass: PASSES[row.userId] }),
        };
      },
    });
    const { calls } = setup(background);
    await checkList();
    fireEvent.click(screen.getByRole('button', { name: 'Issue 2 passes…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Issue 2 passes' }));
    const notIssued = await screen.findByTestId('bulk-not-issued');
    expect(notIssued.textContent).toContain('Lost.');
    // The keyboard is on the "1 pass issued" heading: the live region adds only what it doesn't say.
    expect(document.activeElement?.textContent).toBe('1 pass issued');
    expect(screen.getByTestId('bulk-status').textContent).toBe('1 not issued.');
    expect(calls.filter((call) => call.type === 'bulkIssue')).toHaveLength(1);
    fireEvent.click(within(notIssued).getByRole('button', { name: 'Issue for the 1 user left…' }));
    expect(screen.getByRole('group').textContent).toContain('For 1 user a pass may have been created already');
    fireEvent.click(screen.getByRole('button', { name: 'Issue 1 pass' }));
    await screen.findByRole('heading', { name: '2 passes issued' });
    const issues = calls.filter((call) => call.type === 'bulkIssue').map((call) => (call.req as { rows: BulkIssueRow[] }).rows);
    expect(issues[1]).toEqual([
      { rowId: 'row-id-0002', userId: '22222222-0000-4000-8000-000000000001', options: { lifetimeInMinutes: 120 } },
    ]);
  });

  it('issues nothing when the extension moved to another directory since the check', async () => {
    let session = SESSION;
    const { calls } = setup(fakeBackground({ session: () => session }));
    await checkList();
    session = { ...SESSION, tenantId: '11111111-0000-4000-8000-000000000000', tenantDomain: 'fabrikam.com' };
    fireEvent.click(screen.getByRole('button', { name: 'Issue 2 passes…' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Issue 2 passes' }));
    });
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'The extension now acts in fabrikam.com, not in contoso.onmicrosoft.com where this list was checked. Nothing was issued: switch back in the toolbar popup, or check the list again.',
    );
    expect(calls.some((call) => call.type === 'bulkIssue')).toBe(false);
  });

  it('says why a list can’t be checked, and sends nothing', async () => {
    const { calls } = setup();
    fireEvent.input(screen.getByLabelText('Users, one per line, or CSV with a header'), { target: { value: 'name\nAdele' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check the list' }));
    expect((await screen.findByTestId('bulk-list-error')).textContent).toBe(
      'No line names a user that can be checked: the problems are listed below the list.',
    );
    expect(calls.some((call) => call.type === 'bulkCheck')).toBe(false);
  });
});
