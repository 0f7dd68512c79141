import { describe, expect, it } from 'vitest';
import { normalizeUserRef, userPath } from '@/utils/graph/paths';

describe('userPath', () => {
  it.each([
    ['22222222-0000-4000-8000-000000000001', '/users/22222222-0000-4000-8000-000000000001'],
    ['22222222-0000-4000-8000-00000000000A', '/users/22222222-0000-4000-8000-00000000000a'],
    ['AdeleV@contoso.onmicrosoft.com', '/users/AdeleV@contoso.onmicrosoft.com'],
    ['chris_fabrikam.com#EXT#@contoso.onmicrosoft.com', '/users/chris_fabrikam.com%23EXT%23@contoso.onmicrosoft.com'],
  ])('%s -> %s', (ref, path) => {
    expect(userPath(ref)).toBe(path);
  });

  it.each([
    '',
    'not a upn',
    'a@b',
    'x@contoso.com/../../me',
    'x@contoso.com?$select=passwordProfile',
    '../me',
    'x y@contoso.com',
    'adele@contoso.com\u200b',
    'a'.repeat(300),
    '<script>@x.com',
    // Characters Entra refuses in a UPN (entra-docs concept-sspr-policy.md, "Username policies"): the one validator agrees.
    'a&b@contoso.com',
    'a+b@contoso.com',
    '$adele@contoso.com',
  ])('rejects %j', (ref) => {
    expect(normalizeUserRef(ref)).toBeNull();
    expect(() => userPath(ref)).toThrow();
  });
});
