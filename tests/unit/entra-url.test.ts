import { describe, expect, it } from 'vitest';
import * as detection from '@/utils/entra-url';
import { principalOf } from '@/utils/principal';

type Detector = (url: detection.UrlLike) => boolean;

const moduleExports = detection as unknown as Record<string, unknown>;
const detectorNames = Object.keys(moduleExports).filter(
  (name) => /^is[A-Z]/.test(name) && typeof moduleExports[name] === 'function',
);

const allUrls = [
  ...new Set([
    ...detectorNames.flatMap((name) => moduleExports[`${name}Urls`] as readonly string[]),
    ...detection.otherUrls,
    ...detection.getUserIdFromUrlUrls.map(([url]) => url),
    ...detection.getUserRefFromUrlUrls.map(([url]) => url),
    ...detection.getTenantFromUrlUrls.map(([url]) => url),
  ]),
];

describe('every detector lists its test URLs beside it', () => {
  it.each(detectorNames)('%s has a non-empty %sUrls list', (name) => {
    const urls = moduleExports[`${name}Urls`];
    expect(Array.isArray(urls) && urls.length > 0, `export const ${name}Urls next to ${name}`).toBe(true);
  });
});

describe.each(detectorNames)('%s against every collected URL', (name) => {
  const detector = moduleExports[name] as Detector;
  const own = new Set(moduleExports[`${name}Urls`] as readonly string[]);
  it.each(allUrls)('%s', (url) => {
    const expected = own.has(url);
    expect(detector(url), `${name} should ${expected ? '' : 'not '}match ${url}`).toBe(expected);
  });
});

describe('getUserIdFromUrl', () => {
  it.each(detection.getUserIdFromUrlUrls)('%s → %s', (url, id) => {
    expect(detection.getUserIdFromUrl(url)).toBe(id);
  });

  it.each(allUrls)("finds an id only on user pages, and the reference's id when it is one: %s", (url) => {
    const id = detection.getUserIdFromUrl(url);
    if (id) expect(detection.isUserPage(url)).toBe(true);
    if (id) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const ref = detection.getUserRefFromUrl(url);
    expect(id).toBe(ref && /@/.test(ref) ? null : ref);
  });

  it("is null for a UPN-form user page (the reference is getUserRefFromUrl's)", () => {
    expect(
      detection.getUserIdFromUrl('https://admin.microsoft.com/#/users/:/UserDetails/AdeleV@contoso.onmicrosoft.com'),
    ).toBeNull();
  });

  it('accepts URL objects as well as strings', () => {
    const url = detection.isUserPageUrls[0] ?? '';
    expect(detection.getUserIdFromUrl(new URL(url))).toBe(detection.getUserIdFromUrl(url));
  });
});

describe('getUserRefFromUrl', () => {
  it.each(detection.getUserRefFromUrlUrls)('%s → %s', (url, ref) => {
    expect(detection.getUserRefFromUrl(url)).toBe(ref);
  });

  it.each(allUrls)('finds an object id or UPN exactly on user pages: %s', (url) => {
    const ref = detection.getUserRefFromUrl(url);
    expect(ref !== null).toBe(detection.isUserPage(url));
    if (ref) expect(principalOf(ref)?.value, 'a reference the one validator accepts as it is').toBe(ref);
  });

  it('is the same for the M365 admin center on its new and old hosts and paths', () => {
    const id = '22222222-0000-4000-8000-000000000001';
    const refs = [
      `https://admin.microsoft.com/#/users/:/UserDetails/${id}`,
      `https://admin.microsoft.com/Adminportal/Home#/users/:/UserDetails/${id}/Mail`,
      `https://admin.cloud.microsoft/#/users/:/UserDetails/${id}/OneDrive`,
      `https://admin.cloud.microsoft/Adminportal/Home#/users/:/UserDetails/${id}`,
    ].map((url) => detection.getUserRefFromUrl(url));
    expect(new Set(refs)).toEqual(new Set([id]));
  });
});

describe('getTenantFromUrl', () => {
  it.each(detection.getTenantFromUrlUrls)('%s → %s', (url, tenant) => {
    expect(detection.getTenantFromUrl(url)).toBe(tenant);
  });

  it.each(allUrls.filter((url) => !detection.isPortalUrl(url)))('is null off the portal: %s', (url) => {
    expect(detection.getTenantFromUrl(url)).toBeNull();
  });
});
