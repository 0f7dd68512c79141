import { i18n } from '#i18n';

/** In a module of its own: the popup and the background need it, the panel (which shares chunks with the popup) not. */
/**
 * Said where "Turn on Temporary Access Pass" would be when the organisation's managed configuration says
 * allowEnablePolicy: false, and by the background if it is asked anyway.
 */
export const ENABLE_POLICY_OFF_SENTENCE = i18n.t('popup.enable.managedOff');
