import { describe, expect, it } from 'vitest';
import type { Principal } from '@/utils/principal';
import { graphUserPath, parsePrincipal, principalFromLink, principalKey } from '@/utils/upn';

const ADELE = 'AdeleV@contoso.onmicrosoft.com';
const GUEST = 'chris_fabrikam.com#EXT#@contoso.onmicrosoft.com';
const ID = '22222222-0000-4000-8000-000000000001';
const upn = (value: string): Principal => ({ kind: 'upn', value });
const objectId = (value: string): Principal => ({ kind: 'objectId', value });

describe('parsePrincipal accepts real-world selections', () => {
  it.each<[string, string, Principal]>([
    ['a plain UPN', ADELE, upn(ADELE)],
    ['an object id', ID, objectId(ID)],
    ['an upper-case object id (made canonical)', ID.toUpperCase().replace('2', 'A'), objectId(ID.replace('2', 'a'))],
    ['an object id in braces', `{${ID}}`, objectId(ID)],
    ['an external guest UPN', GUEST, upn(GUEST)],
    ['an internal guest', 'IslaO@contoso.onmicrosoft.com', upn('IslaO@contoso.onmicrosoft.com')],
    ["every allowed character ' . - _ ! # ^ ~", "o'brien.x-y_z!a#b^c~d@contoso.com", upn("o'brien.x-y_z!a#b^c~d@contoso.com")],
    ['surrounding whitespace and line breaks', `  \n\t${ADELE}\r\n `, upn(ADELE)],
    ['non-breaking spaces around', `\u00A0${ADELE}\u00A0`, upn(ADELE)],
    ['double quotes', `"${ADELE}"`, upn(ADELE)],
    ['single quotes', `'${ADELE}'`, upn(ADELE)],
    ['typographic quotes', `“${ADELE}”`, upn(ADELE)],
    ['single typographic quotes', `‘${ADELE}’`, upn(ADELE)],
    ['guillemets', `«${ADELE}»`, upn(ADELE)],
    ['angle brackets (mail header style)', `<${ADELE}>`, upn(ADELE)],
    ['parentheses', `(${ADELE})`, upn(ADELE)],
    ['square brackets', `[${ADELE}]`, upn(ADELE)],
    ['a trailing full stop', `${ADELE}.`, upn(ADELE)],
    ['a trailing comma', `${ADELE},`, upn(ADELE)],
    ['a trailing semicolon', `${ADELE};`, upn(ADELE)],
    ['a trailing colon', `${ADELE}:`, upn(ADELE)],
    ['a trailing question mark', `${ADELE}?`, upn(ADELE)],
    ['quotes then punctuation', `"${ADELE}".`, upn(ADELE)],
    ['single quotes then punctuation', `'${ADELE}',`, upn(ADELE)],
    ['nested wrapping', ` ("<${ADELE}>"); `, upn(ADELE)],
    ['a half-selected quote', `"${ADELE}`, upn(ADELE)],
    ['an apostrophe inside, quoted', "'o'brien@contoso.com'", upn("o'brien@contoso.com")],
    ['a mailto: link', `mailto:${ADELE}`, upn(ADELE)],
    ['a MAILTO: link with a query', `MAILTO:${ADELE}?subject=Access%20pass`, upn(ADELE)],
    ['a mailto: link with an encoded guest UPN', 'mailto:chris_fabrikam.com%23EXT%23@contoso.onmicrosoft.com', upn(GUEST)],
    ['URL-encoded text, decoded once', 'AdeleV%40contoso.onmicrosoft.com', upn(ADELE)],
    ['a URL-encoded guest UPN', 'chris_fabrikam.com%23EXT%23%40contoso.onmicrosoft.com', upn(GUEST)],
    ['a 64-character local part', `${'a'.repeat(64)}@contoso.com`, upn(`${'a'.repeat(64)}@contoso.com`)],
    ['a 48-character domain', `a@${'d'.repeat(44)}.com`, upn(`a@${'d'.repeat(44)}.com`)],
    ['113 characters in total', `${'a'.repeat(64)}@${'d'.repeat(44)}.com`, upn(`${'a'.repeat(64)}@${'d'.repeat(44)}.com`)],
  ])('%s', (_name, input, expected) => {
    expect(parsePrincipal(input)).toEqual(expected);
  });
});

describe('parsePrincipal refuses everything else', () => {
  it.each<[string, string]>([
    ['empty', ''],
    ['only whitespace', ' \n\t '],
    ['only quotes', '""'],
    ['a bare name', 'Adele Vance'],
    ['a display name with address', `Adele Vance <${ADELE}>`],
    ['two addresses', `${ADELE}, IslaO@contoso.onmicrosoft.com`],
    ['a space inside', 'Adele V@contoso.onmicrosoft.com'],
    ['a line break inside', 'AdeleV@contoso.\nonmicrosoft.com'],
    ['no @', 'AdeleV.contoso.onmicrosoft.com'],
    ['two @', 'Adele@V@contoso.onmicrosoft.com'],
    ['nothing before @', '@contoso.onmicrosoft.com'],
    ['nothing after @', 'AdeleV@'],
    ['a single-label domain', 'AdeleV@localhost'],
    ['an IP address domain', 'AdeleV@127.0.0.1'],
    ['a domain label starting with a hyphen', 'AdeleV@-contoso.com'],
    ['an empty domain label', 'AdeleV@contoso..com'],
    ['a period right before @', 'AdeleV.@contoso.onmicrosoft.com'],
    ['a leading period', '.AdeleV@contoso.onmicrosoft.com'],
    ['consecutive periods', 'Adele..V@contoso.onmicrosoft.com'],
    ['a plus sign (not allowed in a UPN)', 'AdeleV+tap@contoso.onmicrosoft.com'],
    ['an ampersand', 'Adele&V@contoso.onmicrosoft.com'],
    ['a percent sign after decoding', 'AdeleV%2540contoso.onmicrosoft.com'],
    ['broken percent-encoding', 'AdeleV%E0%A4%A@contoso.onmicrosoft.com'],
    ['a $ prefix (not an allowed character)', '$AdeleV@contoso.onmicrosoft.com'],
    ['a 65-character local part', `${'a'.repeat(65)}@contoso.com`],
    ['a 49-character domain', `a@${'d'.repeat(45)}.com`],
    ['Cyrillic а in the local part', 'Аdеlе@contoso.onmicrosoft.com'],
    ['Cyrillic о in the domain', 'AdeleV@cоntoso.onmicrosoft.com'],
    ['a fullwidth at sign', 'AdeleV＠contoso.onmicrosoft.com'],
    ['an accented letter', 'Adèle@contoso.onmicrosoft.com'],
    ['a zero-width space inside', 'Adele\u200BV@contoso.onmicrosoft.com'],
    ['a zero-width space at the end', `${ADELE}\u200B`],
    ['a zero-width joiner', 'Adele\u200DV@contoso.onmicrosoft.com'],
    ['a byte-order mark at the start', `\uFEFF${ADELE}`],
    ['a right-to-left override', `\u202E${ADELE}`],
    ['an encoded zero-width space', 'Adele%E2%80%8BV@contoso.onmicrosoft.com'],
    ['a soft hyphen', 'Adele\u00ADV@contoso.onmicrosoft.com'],
    ['a malformed GUID (short)', '22222222-0000-4000-8000-00000000000'],
    ['a malformed GUID (long)', '22222222-0000-4000-8000-0000000000011'],
    ['a malformed GUID (not hex)', '2222222g-0000-4000-8000-000000000001'],
    ['a GUID without hyphens', '22222222000040008000000000000001'],
    ['script text', `<script>alert("${ADELE}")</script>`],
    ['encoded script text', '%3Cscript%3Ealert(1)%3C%2Fscript%3E'],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['an https URL', `https://contoso.com/${ADELE}`],
    [
      'an admin-center URL as text',
      `https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/${ID}`,
    ],
    ['a mailto: with two recipients', `mailto:${ADELE},IslaO@contoso.onmicrosoft.com`],
    ['a double-encoded mailto:', 'mailto:AdeleV%2540contoso.onmicrosoft.com'],
    ['a 10,000-character string', 'a'.repeat(10_000)],
    ['a 10,000-character string around a UPN', `${' '.repeat(5_000)}${ADELE}${' '.repeat(5_000)}`],
    ['a path traversal', '../../me@contoso.com'],
    ['a Graph query injection', `${ADELE}?$select=id`],
    ['a Graph path injection', `${ADELE}/authentication/temporaryAccessPassMethods`],
  ])('%s', (_name, input) => {
    expect(parsePrincipal(input)).toBeNull();
  });
});

describe('principalFromLink', () => {
  it.each<[string, Principal | null]>([
    [`mailto:${ADELE}`, upn(ADELE)],
    [`mailto:${ADELE}?cc=IslaO@contoso.onmicrosoft.com`, upn(ADELE)],
    [
      `https://entra.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/${ID}/hidePreviewBanner~/true`,
      objectId(ID),
    ],
    [`https://portal.azure.com/#blade/Microsoft_AAD_IAM/UserDetailsMenuBlade/Profile/userId/${ID.toUpperCase()}`, objectId(ID)],
    [
      `https://entra.microsoft.com.evil.example/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/overview/userId/${ID}`,
      null,
    ],
    [
      `https://intune.microsoft.com/#view/Microsoft_AAD_UsersAndTenants/UserProfileMenuBlade/~/Devices/userId/${ID}`,
      objectId(ID),
    ],
    [`https://admin.microsoft.com/#/users/:/UserDetails/${ID}/LicensesAndApps`, objectId(ID)],
    [`https://admin.cloud.microsoft/#/users/:/UserDetails/${ADELE}`, upn(ADELE)],
    [`https://admin.microsoft.com/#/users/:/UserDetails/chris_fabrikam.com%23EXT%23@contoso.onmicrosoft.com`, upn(GUEST)],
    ['https://admin.microsoft.com/#/users/:/UserDetails/not-a-user', null],
    [`https://entra.microsoft.com/#view/Microsoft_AAD_IAM/GroupDetailsMenuBlade/~/Overview/groupId/${ID}`, null],
    ['https://entra.microsoft.com/#home', null],
    [`https://contoso.com/profile/${ADELE}`, null],
    ['mailto:not-an-address', null],
    ['javascript:alert(1)', null],
    ['', null],
  ])('%s', (url, expected) => {
    expect(principalFromLink(url)).toEqual(expected);
  });
});

describe('graphUserPath', () => {
  it.each<[Principal, string]>([
    [objectId(ID), `/users/${ID}`],
    [upn(ADELE), '/users/AdeleV@contoso.onmicrosoft.com'],
    [upn(GUEST), '/users/chris_fabrikam.com%23EXT%23@contoso.onmicrosoft.com'],
    [upn("o'brien^x@contoso.com"), "/users/o'brien%5Ex@contoso.com"],
  ])('%j → %s', (principal, path) => {
    expect(graphUserPath(principal)).toBe(path);
  });

  it('never lets a parsed principal add a path segment, query or fragment', () => {
    for (const input of [ADELE, GUEST, ID, 'a#b@contoso.com', "o'b~c^d!e@contoso.com"]) {
      const principal = parsePrincipal(input);
      expect(principal).not.toBeNull();
      if (principal) expect(graphUserPath(principal)).toMatch(/^\/users\/[^/?#]+$/);
    }
  });
});

describe('principalKey', () => {
  it('is case-insensitive and tells UPNs from ids', () => {
    expect(principalKey(upn('AdeleV@Contoso.onmicrosoft.com'))).toBe(principalKey(upn('adelev@contoso.ONMICROSOFT.com')));
    expect(principalKey(objectId(ID))).not.toBe(principalKey(upn(ID)));
  });
});
