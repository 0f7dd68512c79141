import type { ChromeMessages } from '@/utils/i18n/chrome-messages';

/** A German catalogue's instruction keys, as _locales/de/messages.json would hold them (only what the specs need). */
export const GERMAN_INSTRUCTIONS: ChromeMessages = {
  pass_instructions_value: { message: 'Ihr befristeter Zugriffspass: {pass}' },
  pass_instructions_validity: { message: 'Gültig von {start} bis {end} ({zone}).' },
  pass_instructions_validityNoZone: { message: 'Gültig von {start} bis {end}.' },
  pass_instructions_once: { message: 'Er gilt nur für eine Anmeldung.' },
  pass_instructions_reusable: { message: 'Sie können ihn bis zum Ablauf mehrmals verwenden.' },
  pass_instructions_signIn: {
    message:
      'Öffnen Sie {url}, melden Sie sich als {user} an, geben Sie den Pass ein, wenn Sie danach gefragt werden, und richten Sie dann Ihre Anmeldemethoden ein.',
  },
};

export const GERMAN_DATE = new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeStyle: 'short' });
