import { i18n } from '#i18n';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export function isGuid(text: string): boolean {
  return GUID.test(text.trim());
}

/** The sentence to show under "Application (client) ID", or null when it is valid. */
export function clientIdProblem(text: string): string | null {
  if (text.trim() === '') return i18n.t('options.validation.clientIdEmpty');
  return isGuid(text) ? null : i18n.t('options.validation.clientIdNotGuid');
}

/** The sentence to show under "Directory (tenant) ID", or null when it is valid. */
export function tenantIdProblem(text: string): string | null {
  const value = text.trim();
  if (value === '') return i18n.t('options.validation.tenantIdEmpty');
  if (isGuid(value) || DOMAIN.test(value)) return null;
  return i18n.t('options.validation.tenantIdInvalid');
}
