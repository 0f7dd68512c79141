import { describe, expect, it } from 'vitest';
import { clientIdProblem, tenantIdProblem } from '@/utils/ui/settings-validation';

describe('options validation', () => {
  it('accepts a GUID client id and refuses anything else', () => {
    expect(clientIdProblem('0e6c7f4a-8d5b-4c1e-9f3a-2b7d6e5c4a31')).toBeNull();
    expect(clientIdProblem(' 0E6C7F4A-8D5B-4C1E-9F3A-2B7D6E5C4A31 ')).toBeNull();
    expect(clientIdProblem('')).toMatch(/Enter the Application/);
    expect(clientIdProblem('contoso.onmicrosoft.com')).toMatch(/GUID/);
  });

  it('accepts a GUID or a domain for the tenant', () => {
    expect(tenantIdProblem('6b1a4ee4-3c35-4e8a-9a3d-0d1e5b2f7a10')).toBeNull();
    expect(tenantIdProblem('contoso.onmicrosoft.com')).toBeNull();
    expect(tenantIdProblem('contoso')).not.toBeNull();
    expect(tenantIdProblem('https://contoso.com')).not.toBeNull();
    expect(tenantIdProblem('')).toMatch(/Enter the Directory/);
  });
});
