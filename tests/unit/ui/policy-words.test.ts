import { describe, expect, it } from 'vitest';
import { CLOUDS } from '@/utils/clouds';
import { policyBladeUrl } from '@/utils/ui/links';
import { excludedWords, includedWords, lengthWords, lifetimeWords, oneTimeWords, policyLine } from '@/utils/ui/policy-words';
import { POLICY, policyView } from '../components/fixtures';

describe('policy in plain words', () => {
  it('describes the seed policy', () => {
    const view = policyView();
    expect(includedWords(view)).toBe('All users');
    expect(excludedWords(view)).toBe('TAP Excluded');
    expect(lifetimeWords(POLICY)).toBe('Default lifetime 1 hour, allowed 1–8 hours');
    expect(lengthWords(POLICY)).toBe('Length 8 characters');
    expect(oneTimeWords(POLICY)).toBe('Reusable by default');
    expect(oneTimeWords({ ...POLICY, isUsableOnce: true })).toBe('One-time use required for every pass');
    expect(policyLine(POLICY)).toBe('Policy: default 1 hour, allowed 1–8 hours, reusable by default');
  });

  it('names included groups and says None when nothing is excluded', () => {
    const view = policyView({
      policy: { ...POLICY, includeTargets: [{ targetType: 'group', id: 'g2' }], excludeTargets: [] },
      groups: [{ id: 'g2', displayName: 'Pilot TAP users' }],
    });
    expect(includedWords(view)).toBe('Pilot TAP users');
    expect(excludedWords(view)).toBe('None');
  });

  it('links to the policy blade, tenant-qualified when known', () => {
    expect(policyBladeUrl(null)).toBe(
      'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/AdminAuthMethods/fromNav/Identity',
    );
    expect(policyBladeUrl('contoso.onmicrosoft.com')).toBe(
      'https://entra.microsoft.com/contoso.onmicrosoft.com/#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/AdminAuthMethods/fromNav/Identity',
    );
    expect(policyBladeUrl('contoso.onmicrosoft.us', CLOUDS.usGovL4.portalHost)).toBe(
      'https://entra.microsoft.us/contoso.onmicrosoft.us/#view/Microsoft_AAD_IAM/AuthenticationMethodsMenuBlade/~/AdminAuthMethods/fromNav/Identity',
    );
  });
});
