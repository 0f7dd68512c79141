import { i18n } from '#i18n';
import type { AuthMethodSummary } from './types';

/** Labels as the Entra admin center names each @odata.type. */
export const METHOD_LABELS: Readonly<Record<string, string>> = {
  '#microsoft.graph.passwordAuthenticationMethod': i18n.t('graph.methods.password'),
  '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod': i18n.t('graph.methods.microsoftAuthenticator'),
  '#microsoft.graph.fido2AuthenticationMethod': i18n.t('graph.methods.fido2'),
  '#microsoft.graph.phoneAuthenticationMethod': i18n.t('graph.methods.phone'),
  '#microsoft.graph.windowsHelloForBusinessAuthenticationMethod': i18n.t('graph.methods.windowsHello'),
  '#microsoft.graph.emailAuthenticationMethod': i18n.t('graph.methods.email'),
  '#microsoft.graph.softwareOathAuthenticationMethod': i18n.t('graph.methods.softwareOath'),
  '#microsoft.graph.hardwareOathAuthenticationMethod': i18n.t('graph.methods.hardwareOath'),
  '#microsoft.graph.temporaryAccessPassAuthenticationMethod': i18n.t('graph.methods.temporaryAccessPass'),
  '#microsoft.graph.platformCredentialAuthenticationMethod': i18n.t('graph.methods.platformCredential'),
  '#microsoft.graph.externalAuthenticationMethod': i18n.t('graph.methods.external'),
  '#microsoft.graph.qrCodePinAuthenticationMethod': i18n.t('graph.methods.qrCodePin'),
};

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

export function methodLabel(odataType: string): string {
  return METHOD_LABELS[odataType] ?? i18n.t('graph.methods.other');
}

/** Device, key model or (masked) phone number when Graph gives one. */
function methodDetail(raw: Record<string, unknown>): string | null {
  const phone = str(raw.phoneNumber);
  if (phone) return [str(raw.phoneType), phone].filter(Boolean).join(' ');
  return str(raw.displayName) ?? str(raw.model) ?? str(raw.deviceTag) ?? str(raw.emailAddress) ?? null;
}

export function toMethodSummary(raw: Record<string, unknown>): AuthMethodSummary {
  const odataType = str(raw['@odata.type']) ?? '';
  return { id: String(raw.id ?? ''), odataType, label: methodLabel(odataType), detail: methodDetail(raw) };
}

export function toMethodSummaries(body: unknown): AuthMethodSummary[] {
  const value = (body as { value?: unknown } | null)?.value;
  return Array.isArray(value)
    ? value.filter((m) => m && typeof m === 'object').map((m) => toMethodSummary(m as Record<string, unknown>))
    : [];
}
