import { describe, expect, it } from 'vitest';
import * as detection from '@/utils/entra-url';

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

  it.each(allUrls)('finds an id exactly on user pages: %s', (url) => {
    const id = detection.getUserIdFromUrl(url);
    expect(id !== null).toBe(detection.isUserPage(url));
    if (id) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('accepts URL objects as well as strings', () => {
    const url = detection.isUserPageUrls[0] ?? '';
    expect(detection.getUserIdFromUrl(new URL(url))).toBe(detection.getUserIdFromUrl(url));
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
