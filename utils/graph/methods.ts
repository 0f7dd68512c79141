import type { AuthMethodSummary } from './types';

/** Labels as the Entra admin center names each @odata.type. */
export const METHOD_LABELS: Readonly<Record<string, string>> = {
  '#microsoft.graph.passwordAuthenticationMethod': 'Password',
  '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod': 'Microsoft Authenticator',
  '#microsoft.graph.fido2AuthenticationMethod': 'FIDO2 security key',
  '#microsoft.graph.phoneAuthenticationMethod': 'Phone',
  '#microsoft.graph.windowsHelloForBusinessAuthenticationMethod': 'Windows Hello for Business',
  '#microsoft.graph.emailAuthenticationMethod': 'Email',
  '#microsoft.graph.softwareOathAuthenticationMethod': 'Software OATH token',
  '#microsoft.graph.hardwareOathAuthenticationMethod': 'Hardware OATH token',
  '#microsoft.graph.temporaryAccessPassAuthenticationMethod': 'Temporary Access Pass',
  '#microsoft.graph.platformCredentialAuthenticationMethod': 'Platform Credential for macOS',
  '#microsoft.graph.externalAuthenticationMethod': 'External authentication method',
  '#microsoft.graph.qrCodePinAuthenticationMethod': 'QR code',
};

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

export function methodLabel(odataType: string): string {
  return METHOD_LABELS[odataType] ?? 'Other method';
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
