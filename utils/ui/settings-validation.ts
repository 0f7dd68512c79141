const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export function isGuid(text: string): boolean {
  return GUID.test(text.trim());
}

/** The sentence to show under "Application (client) ID", or null when it is valid. */
export function clientIdProblem(text: string): string | null {
  if (text.trim() === '') return 'Enter the Application (client) ID from your app registration’s Overview page.';
  return isGuid(text) ? null : 'The Application (client) ID is a GUID like 0e6c7f4a-8d5b-4c1e-9f3a-2b7d6e5c4a31.';
}

/** The sentence to show under "Directory (tenant) ID", or null when it is valid. */
export function tenantIdProblem(text: string): string | null {
  const value = text.trim();
  if (value === '') return 'Enter the Directory (tenant) ID, or a verified domain such as contoso.onmicrosoft.com.';
  if (isGuid(value) || DOMAIN.test(value)) return null;
  return 'Use the Directory (tenant) ID (a GUID) or a verified domain such as contoso.onmicrosoft.com.';
}
