// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { EligibilityNotice } from '@/components/EligibilityNotice';

afterEach(cleanup);

describe('EligibilityNotice', () => {
  it('renders nothing when the user can get a pass', () => {
    const { container } = render(<EligibilityNotice eligibility={{ canIssue: true, reasons: [] }} />);
    expect(container.textContent).toBe('');
  });

  it('leads with the first reason and lists the others', () => {
    render(
      <EligibilityNotice
        eligibility={{
          canIssue: false,
          reasons: [
            { reason: 'excluded', sentence: 'Diego is in “TAP Excluded”, which the policy excludes. Remove him from it first.' },
            { reason: 'accountDisabled', sentence: 'The account is disabled.' },
          ],
        }}
      />,
    );
    const notice = screen.getByTestId('eligibility');
    expect(notice.querySelector('.notice-text')?.textContent).toMatch(/^Diego is in/);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['The account is disabled.']);
  });
});
