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

  it('handles the start like the lifetime: nothing while typing, described and said once when the field is left', () => {
    const said: string[] = [];
    function Counting() {
      const [value, setValue] = useState(EMPTY_ISSUE_FORM);
      const check = checkIssueForm(value, POLICY, Date.now());
      return <IssueOptionsForm policy={POLICY} value={value} onChange={setValue} check={check} onProblem={(m) => said.push(m)} />;
    }
    render(<Counting />);
    const start = screen.getByLabelText('Start date and time');
    expect(start.getAttribute('aria-invalid')).toBe('false');
    expect(start.getAttribute('aria-describedby')).toBe('tap-start-hint');
    for (const typed of ['2020-01-01T0', '2020-01-01T09:00']) fireEvent.input(start, { target: { value: typed } });
    expect(said).toEqual([]);
    expect(screen.queryByText(/The start is in the past/)).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.blur(start);
    const problem = screen.getByText('The start is in the past. Leave it empty to start now.', { selector: '.field-error' });
    expect(start.getAttribute('aria-invalid')).toBe('true');
    expect(start.getAttribute('aria-describedby')?.split(' ')).toEqual([problem.id, 'tap-start-hint']);
    expect(said).toEqual(['The start is in the past. Leave it empty to start now.']);
    // Fixed, then left again: the problem goes, nothing more is said.
    fireEvent.input(start, { target: { value: '' } });
    fireEvent.blur(start);
    expect(start.getAttribute('aria-invalid')).toBe('false');
    expect(start.getAttribute('aria-describedby')).toBe('tap-start-hint');
    expect(screen.queryByText(/The start is in the past/)).toBeNull();
    expect(said).toHaveLength(1);
    // The lifetime, for comparison: the same path.
    const lifetime = screen.getByLabelText('Lifetime');
    fireEvent.input(lifetime, { target: { value: '12' } });
    expect(said).toHaveLength(1);
    fireEvent.blur(lifetime);
    expect(said).toEqual([
      'The start is in the past. Leave it empty to start now.',
      '12 hours is outside the allowed range. The policy allows 1–8 hours.',
    ]);
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
