import { describe, expect, it } from 'vitest';
import { adminConsentUrl, pimMyRolesUrl, withHelpLink } from '@/utils/background/help-links';
import { CLOUDS } from '@/utils/clouds';

const settings = { clientId: '0e6c7f4a-8d5b-4c1e-9f3a-2b7d6e5c4a31', tenantId: 'contoso.onmicrosoft.com' };

describe('help links', () => {
  it.each([
    [
      'global' as const,
      'https://login.microsoftonline.com/contoso.onmicrosoft.com/adminconsent?client_id=0e6c7f4a-8d5b-4c1e-9f3a-2b7d6e5c4a31',
    ],
    [
      'usGovL4' as const,
      'https://login.microsoftonline.us/contoso.onmicrosoft.com/adminconsent?client_id=0e6c7f4a-8d5b-4c1e-9f3a-2b7d6e5c4a31',
    ],
  ])('admin consent in %o', (cloud, url) => {
    expect(adminConsentUrl({ ...settings, cloud })).toBe(url);
  });

  it.each([
    [CLOUDS.global, 'https://entra.microsoft.com/#view/Microsoft_Azure_PIMCommon/ActivationMenuBlade/~/aadmigratedroles'],
    [CLOUDS.china, 'https://entra.microsoftonline.cn/#view/Microsoft_Azure_PIMCommon/ActivationMenuBlade/~/aadmigratedroles'],
  ])('PIM My roles in %o', (cloud, url) => {
    expect(pimMyRolesUrl(cloud)).toBe(url);
  });

  it('adds the consent link to consent sentences, the PIM link to role refusals, nothing elsewhere', () => {
    expect(withHelpLink({ kind: 'consentRequired', message: 'x' }, settings, 'signIn').link).toMatchObject({ showUrl: true });
    expect(withHelpLink({ kind: 'consentRequired', message: 'x' }, null, 'signIn').link).toBeUndefined();
    expect(withHelpLink({ kind: 'forbidden', message: 'x' }, settings, 'issue').link?.href).toContain('ActivationMenuBlade');
    // Reading the policy needs Global Reader or a policy role: its sentence doesn't send the admin to PIM.
    expect(withHelpLink({ kind: 'forbidden', message: 'x' }, settings, 'readPolicy').link).toBeUndefined();
    expect(withHelpLink({ kind: 'offline', message: 'x' }, settings, 'issue').link).toBeUndefined();
    // The PIM link goes to the admin center of the settings' cloud.
    expect(withHelpLink({ kind: 'forbidden', message: 'x' }, { ...settings, cloud: 'usGovL4' }, 'issue').link?.href).toMatch(
      /^https:\/\/entra\.microsoft\.us\//,
    );
  });
});
