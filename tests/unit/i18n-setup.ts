/**
 * WXT's fake browser has no i18n: answer getMessage from the English catalogue, compiled as the build compiles it, with
 * Chrome's substitution rules. Unit specs then read the same sentences the English build shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { substitute } from '../../utils/i18n/chrome-messages';

// A path, not a URL: happy-dom's URL replaces Node's in the DOM suites, and readFileSync refuses it.
const english = generateChromeMessages(
  parseMessagesText(readFileSync(join(import.meta.dirname, '../../locales/en.yml'), 'utf8'), 'YAML'),
);

Object.assign(fakeBrowser.i18n, {
  getMessage: (name: string, substitutions?: string | string[]) =>
    substitute(english[name]?.message ?? '', typeof substitutions === 'string' ? [substitutions] : substitutions),
  getUILanguage: () => 'en-US',
});
