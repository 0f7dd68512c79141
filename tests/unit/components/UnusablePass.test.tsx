// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CurrentPass } from '@/components/CurrentPass';
import { PassDisplay } from '@/components/PassDisplay';
import { PolicySummary } from '@/components/PolicySummary';
import { POLICY_STILL_APPLYING_MESSAGE } from '@/utils/graph/policy';
import { existingPass, issuedTap, POLICY, policyView } from './fixtures';

afterEach(cleanup);

const outsidePolicy = { isUsable: false, methodUsabilityReason: 'DisabledByPolicy' } as const;

describe('a pass Graph created but the user cannot sign in with', () => {
  it('the new-pass card says so plainly, with what to do, and offers no instructions to send', () => {
    render(
      <PassDisplay tap={issuedTap(outsidePolicy)} userPrincipalName="a@b.c" displayName="Pradeep Gupta" onDone={() => {}} />,
    );
    expect(screen.getByText("Can't be used to sign in")).toBeTruthy();
    expect(screen.getByTestId('pass-unusable').textContent).toMatch(
      /^The user can't sign in with this pass: the Temporary Access Pass policy doesn't include them \(or excludes them\)\. Add the user to a group the policy includes/,
    );
    expect(screen.queryByRole('button', { name: 'Copy instructions' })).toBeNull();
    // The value itself is still shown once (the admin may include the user before it expires).
    expect(screen.getByTestId('pass-value').textContent).toContain('Ab3dEf7hKm9p');
    expect(screen.getByRole('button', { name: 'Copy pass' })).toBeTruthy();
  });

  it('a usable pass, and one with a later start (NotYetValid), keep their instructions and no warning', () => {
    const later = new Date(Date.now() + 3_600_000).toISOString();
    for (const tap of [issuedTap(), issuedTap({ startDateTime: later, isUsable: false, methodUsabilityReason: 'NotYetValid' })]) {
      render(<PassDisplay tap={tap} userPrincipalName="a@b.c" displayName="Adele Vance" onDone={() => {}} />);
      expect(screen.getByRole('button', { name: 'Copy instructions' })).toBeTruthy();
      expect(screen.queryByTestId('pass-unusable')).toBeNull();
      cleanup();
    }
  });

  it('the current-pass card explains DisabledByPolicy from the policy it knows', () => {
    const { rerender } = render(
      <CurrentPass pass={existingPass(outsidePolicy)} policy={POLICY} onRevoke={async () => {}} busy={false} />,
    );
    expect(screen.getByTestId('pass-status').textContent).toBe('Blocked by policy');
    expect(screen.getByTestId('pass-unusable').textContent).toMatch(/doesn't include them \(or excludes them\)/);
    rerender(
      <CurrentPass
        pass={existingPass(outsidePolicy)}
        policy={{ ...POLICY, state: 'disabled' }}
        onRevoke={async () => {}}
        busy={false}
      />,
    );
    expect(screen.getByTestId('pass-unusable').textContent).toMatch(/policy is turned off/);
    rerender(
      <CurrentPass
        pass={existingPass(outsidePolicy)}
        policy={{ ...POLICY, isUsableOnce: true }}
        onRevoke={async () => {}}
        busy={false}
      />,
    );
    expect(screen.getByTestId('pass-unusable').textContent).toMatch(/only one-time passes\. Issue a one-time pass instead/);
    rerender(<CurrentPass pass={existingPass()} policy={POLICY} onRevoke={async () => {}} busy={false} />);
    expect(screen.queryByTestId('pass-unusable')).toBeNull();
  });
});

describe('a policy change Graph accepted but does not read back yet', () => {
  it('says it is being applied instead of Enabled or Disabled', () => {
    const view = policyView({
      policy: { ...POLICY, state: 'disabled' },
      pending: { state: 'enabled', message: POLICY_STILL_APPLYING_MESSAGE },
    });
    render(<PolicySummary view={view} now={Date.now()} />);
    expect(screen.getByTestId('policy-state').textContent).toBe('Turning on');
    expect(screen.getByTestId('policy-pending').textContent).toMatch(
      /accepted the change and is still applying it: .* a few minutes .* no need to turn it on again/,
    );
  });
});
