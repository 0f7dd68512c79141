// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PolicySummary } from '@/components/PolicySummary';
import { POLICY, policyView } from './fixtures';

afterEach(cleanup);

describe('PolicySummary (popup)', () => {
  it('describes an enabled policy in plain words', () => {
    const now = Date.now();
    render(<PolicySummary view={policyView({ fetchedAt: now - 5 * 60_000 })} now={now} />);
    expect(screen.getByTestId('policy-state').textContent).toBe('Enabled');
    expect(screen.getByTestId('policy-included').textContent).toBe('All users');
    expect(screen.getByTestId('policy-excluded').textContent).toBe('TAP Excluded');
    expect(screen.getByText('Default lifetime 1 hour, allowed 1–8 hours')).toBeTruthy();
    expect(screen.getByText('Length 8 characters')).toBeTruthy();
    expect(screen.getByText('Reusable by default')).toBeTruthy();
    expect(screen.getByTestId('policy-age').textContent).toBe('Updated 5 min ago');
  });

  it('says Disabled and that every pass must be one-time', () => {
    render(
      <PolicySummary view={policyView({ policy: { ...POLICY, state: 'disabled', isUsableOnce: true } })} now={Date.now()} />,
    );
    expect(screen.getByTestId('policy-state').textContent).toBe('Disabled');
    expect(screen.getByText('One-time use required for every pass')).toBeTruthy();
  });

  it('shows the sentence when the policy cannot be read', () => {
    const sentence =
      'Your role cannot read the policy. Global Reader, Authentication Policy Administrator or Global Administrator can.';
    render(
      <PolicySummary
        view={policyView({ policy: null, unreadable: { kind: 'forbidden', message: sentence, status: 403 } })}
        now={Date.now()}
      />,
    );
    expect(screen.getByText(sentence)).toBeTruthy();
    expect(screen.queryByTestId('policy-state')).toBeNull();
  });
});
