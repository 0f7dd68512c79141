// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { IssueOptionsForm } from '@/components/IssueOptionsForm';
import type { TapPolicy } from '@/utils/graph/types';
import { checkIssueForm, EMPTY_ISSUE_FORM } from '@/utils/ui/issue-options';
import { POLICY } from './fixtures';

afterEach(cleanup);

function Harness({ policy }: { policy: TapPolicy }) {
  const [value, setValue] = useState(EMPTY_ISSUE_FORM);
  const [said, setSaid] = useState('');
  const check = checkIssueForm(value, policy, Date.now());
  return (
    <>
      <IssueOptionsForm policy={policy} value={value} onChange={setValue} check={check} onProblem={setSaid} />
      <output data-testid="said">{said}</output>
      <output data-testid="sent">{check.ok ? JSON.stringify(check.options) : 'refused'}</output>
    </>
  );
}

describe('IssueOptionsForm', () => {
  it('shows the policy range and refuses a lifetime outside it', () => {
    render(<Harness policy={POLICY} />);
    expect(screen.getByText('Default 1 hour, allowed 1–8 hours.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Lifetime'), { target: { value: '12' } });
    expect(screen.getByTestId('sent').textContent).toBe('refused');
    // Nothing is said while typing: no alert, no message yet.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/outside the allowed range/)).toBeNull();
    fireEvent.blur(screen.getByLabelText('Lifetime'));
    const problem = screen.getByText('12 hours is outside the allowed range. The policy allows 1–8 hours.', {
      selector: '.field-error',
    });
    const field = screen.getByLabelText('Lifetime');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')?.split(' ')).toContain(problem.id);
    expect(screen.getByTestId('said').textContent).toBe('12 hours is outside the allowed range. The policy allows 1–8 hours.');
  });

  it('accepts minutes within range and sends only that field', () => {
    render(<Harness policy={POLICY} />);
    fireEvent.change(screen.getByLabelText('Lifetime unit'), { target: { value: 'minutes' } });
    fireEvent.input(screen.getByLabelText('Lifetime'), { target: { value: '30' } });
    expect(screen.getByTestId('sent').textContent).toBe('refused');
    fireEvent.input(screen.getByLabelText('Lifetime'), { target: { value: '120' } });
    expect(screen.getByTestId('sent').textContent).toBe('{"lifetimeInMinutes":120}');
  });

  it('forces one-time use on when the policy requires it', () => {
    render(<Harness policy={{ ...POLICY, isUsableOnce: true }} />);
    const box = screen.getByLabelText('One-time use') as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(box.disabled).toBe(true);
  });

  it('sends one-time use when the admin ticks it', () => {
    render(<Harness policy={POLICY} />);
    fireEvent.click(screen.getByLabelText('One-time use'));
    expect(screen.getByTestId('sent').textContent).toBe('{"isUsableOnce":true}');
  });
});
