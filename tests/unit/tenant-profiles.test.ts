import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { tenantProfilesItem } from '@/utils/storage';
import { draftProblems, MAX_TENANT_PROFILES, parseProfile, profileOf, validProfiles } from '@/utils/tenant-profiles';
import { offeredProfiles } from '@/utils/ui/offered-profiles';

const CLIENT = '0e6c7f4a-8d5b-4c1e-9f3a-2b7d6e5c4a31';
const OTHER_CLIENT = '1f7d8a5b-9e6c-4d2f-8a4b-3c8e7f6d5b42';
const FABRIKAM_ID = '7c2b5ff5-4d46-4f9b-8b4e-1e2f6c3a8b21';
const SETTINGS = { clientId: CLIENT, tenantId: 'contoso.onmicrosoft.com' };

beforeEach(() => fakeBrowser.reset());

describe('tenant profiles: each entry validated like the options page validates the tenant', () => {
  it('keeps a valid profile, trimmed and lower-cased, with or without its own client id', () => {
    expect(parseProfile({ label: ' Fabrikam ', tenant: ' Fabrikam.onmicrosoft.com ' })).toEqual({
      label: 'Fabrikam',
      tenant: 'fabrikam.onmicrosoft.com',
    });
    expect(parseProfile({ label: 'Fabrikam', tenant: FABRIKAM_ID.toUpperCase(), clientId: OTHER_CLIENT.toUpperCase() })).toEqual({
      label: 'Fabrikam',
      tenant: FABRIKAM_ID,
      clientId: OTHER_CLIENT,
    });
  });

  it.each([
    ['not an object', 'fabrikam.onmicrosoft.com'],
    ['null', null],
    ['a list', [{ label: 'A', tenant: 'fabrikam.onmicrosoft.com' }]],
    ['no label', { tenant: 'fabrikam.onmicrosoft.com' }],
    ['an empty label', { label: '  ', tenant: 'fabrikam.onmicrosoft.com' }],
    ['a label with a line break', { label: 'Fab\nrikam', tenant: 'fabrikam.onmicrosoft.com' }],
    ['a label with a bidi override', { label: '\u202Emakirbaf', tenant: 'fabrikam.onmicrosoft.com' }],
    ['a label that is too long', { label: 'x'.repeat(61), tenant: 'fabrikam.onmicrosoft.com' }],
    ['no tenant', { label: 'Fabrikam' }],
    ['a tenant that is no domain or GUID', { label: 'Fabrikam', tenant: 'fabrikam' }],
    ['a tenant that is a number', { label: 'Fabrikam', tenant: 42 }],
    ['a client id that is no GUID', { label: 'Fabrikam', tenant: 'fabrikam.onmicrosoft.com', clientId: 'my-app' }],
    ['a client id that is a number', { label: 'Fabrikam', tenant: 'fabrikam.onmicrosoft.com', clientId: 7 }],
  ])('drops an entry with %s', (_name, entry) => {
    expect(parseProfile(entry)).toBeNull();
    expect(validProfiles([entry, { label: 'Good', tenant: 'fabrikam.onmicrosoft.com' }])).toEqual([
      { label: 'Good', tenant: 'fabrikam.onmicrosoft.com' },
    ]);
  });

  it('a stored value that is no list reads as no profiles; repeats are one; at most 20 are kept', () => {
    expect(validProfiles(undefined)).toEqual([]);
    expect(validProfiles({ label: 'Fabrikam', tenant: 'fabrikam.onmicrosoft.com' })).toEqual([]);
    expect(
      validProfiles([
        { label: 'Fabrikam', tenant: 'fabrikam.onmicrosoft.com' },
        { label: 'Fabrikam again', tenant: 'FABRIKAM.onmicrosoft.com' },
      ]),
    ).toHaveLength(1);
    const many = Array.from({ length: 30 }, (_, i) => ({ label: `T${i}`, tenant: `t${i}.onmicrosoft.com` }));
    expect(validProfiles(many)).toHaveLength(MAX_TENANT_PROFILES);
  });

  it('reads a corrupted storage item without trusting it', async () => {
    await tenantProfilesItem.setValue([
      { label: 'Fabrikam', tenant: 'fabrikam.onmicrosoft.com' },
      { label: '<img src=x>', tenant: 'javascript:alert(1)' },
      'junk',
    ]);
    expect(validProfiles(await tenantProfilesItem.getValue())).toEqual([
      { label: 'Fabrikam', tenant: 'fabrikam.onmicrosoft.com' },
    ]);
  });

  it('names each field’s problem in a draft; an empty client id is fine', () => {
    expect(draftProblems({ label: 'Fabrikam', tenant: 'fabrikam.onmicrosoft.com', clientId: '' })).toEqual({});
    const problems = draftProblems({ label: '', tenant: 'fabrikam', clientId: 'nope' });
    expect(problems.label).toMatch(/Enter a label/);
    expect(problems.tenant).toMatch(/verified domain/);
    expect(problems.clientId).toMatch(/GUID/);
    expect(profileOf({ label: 'F', tenant: 'fabrikam.onmicrosoft.com', clientId: ' ' })).toEqual({
      label: 'F',
      tenant: 'fabrikam.onmicrosoft.com',
    });
  });
});

describe('offered profiles: what the popup may switch between', () => {
  const fabrikam = { label: 'Fabrikam', tenant: 'fabrikam.onmicrosoft.com' };
  const northwind = { label: 'Northwind', tenant: 'northwind.onmicrosoft.com', clientId: OTHER_CLIENT };

  it('home first, then the admin’s profiles; the configured client id counts as no client id of its own', () => {
    expect(offeredProfiles(SETTINGS, [fabrikam, { ...fabrikam, clientId: CLIENT }, northwind], {})).toEqual([
      { label: 'Home', tenant: 'contoso.onmicrosoft.com', home: true },
      fabrikam,
      northwind,
    ]);
    expect(offeredProfiles(null, [fabrikam], {})).toEqual([]);
    // The home tenant through the same registration is home already.
    expect(offeredProfiles(SETTINGS, [{ label: 'Contoso', tenant: 'contoso.onmicrosoft.com' }], {})).toHaveLength(1);
  });

  it('the organisation’s profiles replace the admin’s own (an empty list offers none)', () => {
    expect(offeredProfiles(SETTINGS, [fabrikam], { tenantProfiles: [northwind] }).map((p) => p.label)).toEqual([
      'Home',
      'Northwind',
    ]);
    expect(offeredProfiles(SETTINGS, [fabrikam], { tenantProfiles: [] }).map((p) => p.label)).toEqual(['Home']);
  });

  it('a tenant managed allowedTenants doesn’t list is not offered', () => {
    const offered = offeredProfiles(SETTINGS, [fabrikam, northwind], { allowedTenants: ['northwind.onmicrosoft.com'] });
    expect(offered.map((p) => p.label)).toEqual(['Home', 'Northwind']);
  });

  it('a profile with its own client id is not offered when the organisation fixes the app registration', () => {
    expect(offeredProfiles(SETTINGS, [fabrikam, northwind], { clientId: CLIENT }).map((p) => p.label)).toEqual([
      'Home',
      'Fabrikam',
    ]);
    expect(offeredProfiles(SETTINGS, [northwind], { tenantId: 'contoso.onmicrosoft.com' }).map((p) => p.label)).toEqual(['Home']);
  });
});
