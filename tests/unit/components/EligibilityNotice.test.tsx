// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EligibilityNotice } from '@/components/EligibilityNotice';

afterEach(cleanup);

describe('EligibilityNotice', () => {
  it('renders nothing when the user can get a pass', () => {
    const { container } = render(<EligibilityNotice eligibility={{ canIssue: true, reasons: [], warnings: [] }} />);
    expect(container.textContent).toBe('');
  });

  it('leads with the first reason and lists the others', () => {
    render(
      <EligibilityNotice
        eligibility={{
          canIssue: false,
          reasons: [
            { reason: 'self', sentence: "You can't issue a Temporary Access Pass for yourself." },
            { reason: 'policyDisabled', sentence: 'The policy is turned off.' },
          ],
          warnings: [{ reason: 'accountDisabled', sentence: 'The account is disabled.' }],
        }}
      />,
    );
    const notice = screen.getByTestId('eligibility');
    expect(notice.getAttribute('data-severity')).toBe('block');
    expect(notice.querySelector('.notice-text')?.textContent).toMatch(/^You can't issue/);
    // Warnings don't matter while something blocks the pass.
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['The policy is turned off.']);
  });

  it('shows the warnings when a pass can be issued but would not work yet', () => {
    render(
      <EligibilityNotice
        eligibility={{
          canIssue: true,
          reasons: [],
          warnings: [
            { reason: 'excluded', sentence: 'Diego is in “TAP Excluded”. You can issue a pass, but he can’t sign in with it.' },
            { reason: 'accountDisabled', sentence: 'The account is disabled.' },
          ],
        }}
      />,
    );
    const notice = screen.getByTestId('eligibility');
    expect(notice.getAttribute('data-severity')).toBe('warn');
    expect(notice.querySelector('.notice-text')?.textContent).toMatch(/^Diego is in/);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['The account is disabled.']);
  });
});
