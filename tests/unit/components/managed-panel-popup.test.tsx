// @vitest-environment happy-dom
/** The panel and the popup as the organisation's managed configuration shapes them, with no options page visit. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorNotice } from '@/components/ErrorNotice';
import { IssueOptionsForm } from '@/components/IssueOptionsForm';
import { PopupApp } from '@/components/PopupApp';
import { TapPanel } from '@/components/TapPanel';
import type { TapPolicy } from '@/utils/graph/types';
import type { IssueDefaults } from '@/utils/managed-config';
import type { SessionInfo } from '@/utils/messages';
import { ENABLE_POLICY_OFF_SENTENCE } from '@/utils/ui/enable-policy-words';
import { checkIssueForm, EMPTY_ISSUE_FORM } from '@/utils/ui/issue-options';
import type { Send } from '@/utils/ui/panel-store';
import { createPopupStore } from '@/utils/ui/popup-store';
import { issuedTap, POLICY, panelState, policyView, signedInSession } from './fixtures';

afterEach(cleanup);

const NOW = Date.parse('2025-06-01T10:00:00Z');

describe('checkIssueForm with the organisation’s defaults', () => {
  it('an untouched form sends the organisation’s lifetime, one-time use and start', () => {
    const check = checkIssueForm(EMPTY_ISSUE_FORM, POLICY, NOW, { lifetimeMinutes: 240, oneTime: true, startOffsetMinutes: 30 });
    expect(check).toEqual({
      ok: true,
      options: { lifetimeInMinutes: 240, isUsableOnce: true, startDateTime: new Date(NOW + 30 * 60_000).toISOString() },
    });
  });

  it('what the admin types wins over the defaults', () => {
    const check = checkIssueForm({ ...EMPTY_ISSUE_FORM, lifetime: '2', oneTime: false }, POLICY, NOW, {
      lifetimeMinutes: 240,
      oneTime: true,
    });
    expect(check).toEqual({ ok: true, options: { lifetimeInMinutes: 120, isUsableOnce: false } });
  });

  it('the tenant’s policy wins over the defaults: a lifetime outside its bounds is not sent, a forced one-time is not', () => {
    expect(checkIssueForm(EMPTY_ISSUE_FORM, POLICY, NOW, { lifetimeMinutes: 1440 })).toEqual({ ok: true, options: {} });
    expect(checkIssueForm(EMPTY_ISSUE_FORM, { ...POLICY, isUsableOnce: true }, NOW, { oneTime: false })).toEqual({
      ok: true,
      options: {},
    });
  });

  it('without defaults an untouched form sends nothing, as before', () => {
    expect(checkIssueForm(EMPTY_ISSUE_FORM, POLICY, NOW, {})).toEqual({ ok: true, options: {} });
  });
});

function FormHarness({ policy, defaults }: { policy: TapPolicy; defaults: IssueDefaults }) {
  const [value, setValue] = useState(EMPTY_ISSUE_FORM);
  const check = checkIssueForm(value, policy, Date.now(), defaults);
  return <IssueOptionsForm policy={policy} value={value} onChange={setValue} check={check} defaults={defaults} />;
}

describe('IssueOptionsForm with the organisation’s defaults', () => {
  it('says which default is the organisation’s', () => {
    render(<FormHarness policy={POLICY} defaults={{ lifetimeMinutes: 240, oneTime: true, startOffsetMinutes: 15 }} />);
    expect(screen.getByText('Default 4 hours (your organisation’s), allowed 1–8 hours.')).toBeTruthy();
    expect((screen.getByLabelText('Lifetime') as HTMLInputElement).placeholder).toBe('4');
    expect(screen.getByText('Empty starts the pass 15 minutes after you issue it (your organisation’s default).')).toBeTruthy();
    const once = screen.getByLabelText('One-time use') as HTMLInputElement;
    expect(once.checked).toBe(true);
    expect(document.getElementById(once.getAttribute('aria-describedby') ?? '')?.textContent).toContain(
      'Your organisation’s default.',
    );
    fireEvent.click(once);
    expect(once.checked).toBe(false);
  });

  it('shows the policy’s default when its bounds set the organisation’s lifetime aside', () => {
    render(<FormHarness policy={POLICY} defaults={{ lifetimeMinutes: 1440 }} />);
    expect(screen.getByText('Default 1 hour, allowed 1–8 hours.')).toBeTruthy();
  });
});

describe('TapPanel with the organisation’s defaults', () => {
  it('one click issues with them, options unopened', async () => {
    const send = vi.fn(async (type: string) => {
      if (type === 'getPanelState') return panelState({ issueDefaults: { lifetimeMinutes: 120, oneTime: true } });
      if (type === 'issueTap') return issuedTap();
      throw new Error(`unexpected ${type}`);
    });
    render(
      <TapPanel
        claim={{ kind: 'user', context: 'window', mode: 'status', userRef: 'AdeleV@contoso.onmicrosoft.com' }}
        send={send as unknown as Send}
        armed
        onOpenOptions={vi.fn()}
        onClose={vi.fn()}
      />,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Issue TAP' }));
    await waitFor(() => expect(send.mock.calls.some(([type]) => type === 'issueTap')).toBe(true));
    const [, req] = send.mock.calls.find(([type]) => type === 'issueTap') as unknown as [string, { options: object }];
    expect(req.options).toEqual({ lifetimeInMinutes: 120, isUsableOnce: true });
  });
});

const SESSION = signedInSession({ username: 'AlexW@contoso.onmicrosoft.com', displayName: 'Alex Wilber' });

function renderPopup(session: SessionInfo) {
  const disabled = policyView({ policy: { ...POLICY, state: 'disabled' } });
  const send = vi.fn(async (type: string) => {
    if (type === 'getSession') return session;
    if (type === 'getPolicy') return disabled;
    throw new Error(`unexpected ${type}`);
  });
  const store = createPopupStore(send as unknown as Send, async () => null);
  render(<PopupApp store={store} parsePrincipal={() => null} onOpenOptions={vi.fn()} onLookedUp={vi.fn()} />);
}

describe('PopupApp and allowEnablePolicy', () => {
  it('offers to turn the policy on by default', async () => {
    renderPopup(SESSION);
    expect(await screen.findByRole('button', { name: 'Turn on Temporary Access Pass' })).toBeTruthy();
  });

  it('false: no offer, and a sentence saying where it is done instead', async () => {
    renderPopup({ ...SESSION, enablePolicyAllowed: false });
    expect((await screen.findByTestId('enable-policy-managed')).textContent).toBe(ENABLE_POLICY_OFF_SENTENCE);
    expect(screen.queryByRole('button', { name: 'Turn on Temporary Access Pass' })).toBeNull();
  });
});

describe('ErrorNotice and supportContact', () => {
  it('says the organisation’s support line with the sentence, in the alert', () => {
    render(
      <ErrorNotice error={{ kind: 'forbidden', message: 'Your role cannot do this.', support: 'IT service desk: ext. 4455' }} />,
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'Your role cannot do this. Your organisation’s support: IT service desk: ext. 4455',
    );
    expect(screen.getByTestId('support-contact').textContent?.trim()).toBe(
      'Your organisation’s support: IT service desk: ext. 4455',
    );
  });
});
