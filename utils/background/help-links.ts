import { i18n } from '#i18n';
import { type Cloud, cloudOf } from '../clouds';
import { type GraphAction, ROLE_ACTIVATION_ACTIONS } from '../graph/error-info';
import type { ErrorInfo } from '../messages';
import type { EntraSettings } from '../storage';

/**
 * The tenant-wide admin-consent URL for the app registration (entra-docs grant-admin-consent.md "Construct the URL for
 * granting tenant-wide admin consent"): an admin who opens it grants every permission configured on the registration.
 */
export function adminConsentUrl(settings: Pick<EntraSettings, 'clientId' | 'tenantId' | 'cloud'>): string {
  return `https://${cloudOf(settings).loginHost}/${encodeURIComponent(settings.tenantId)}/adminconsent?client_id=${encodeURIComponent(settings.clientId)}`;
}

/** Privileged Identity Management › My roles › Microsoft Entra roles, where an eligible role is activated. */
export function pimMyRolesUrl(cloud: Cloud): string {
  return `https://${cloud.portalHost}/#view/Microsoft_Azure_PIMCommon/ActivationMenuBlade/~/aadmigratedroles`;
}

/** The label of the link to PIM's My roles. */
export const pimMyRolesLabel = (): string => i18n.t('background.links.pimMyRoles');

/** The link that goes with a sentence: where to grant consent, or where to activate a role. */
export function withHelpLink(error: ErrorInfo, settings: EntraSettings | null, action: GraphAction | undefined): ErrorInfo {
  if (error.link) return error;
  if (error.kind === 'consentRequired' && settings?.clientId && settings.tenantId) {
    return { ...error, link: { href: adminConsentUrl(settings), label: i18n.t('background.links.adminConsent'), showUrl: true } };
  }
  if (error.kind === 'forbidden' && action && ROLE_ACTIVATION_ACTIONS.has(action)) {
    return {
      ...error,
      link: { href: pimMyRolesUrl(cloudOf(settings)), label: pimMyRolesLabel() },
    };
  }
  return error;
}

/** Failures that need nobody's help: the admin cancelled, or only has to sign in again. */
const NO_SUPPORT_LINE = new Set<ErrorInfo['kind']>(['cancelled', 'signedOut']);

/** The organisation's support line (managed supportContact) under an error sentence. */
export function withSupportLine(error: ErrorInfo, supportContact: string | undefined): ErrorInfo {
  if (!supportContact || error.support || NO_SUPPORT_LINE.has(error.kind)) return error;
  return { ...error, support: supportContact };
}
