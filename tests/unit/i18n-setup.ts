/**
 * WXT's fake browser has no i18n: answer getMessage from the English catalogue, compiled as the build compiles it, with
 * Chrome's substitution rules. Unit specs then read the same sentences the English build shows.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { substitute } from '../../utils/i18n/chrome-messages';
import { compiledCatalogue } from '../compiled-catalogue';

const english = compiledCatalogue('en');

Object.assign(fakeBrowser.i18n, {
  getMessage: (name: string, substitutions?: string | string[]) =>
    substitute(english[name]?.message ?? '', typeof substitutions === 'string' ? [substitutions] : substitutions),
  getUILanguage: () => 'en-US',
});
