/**
 * A catalogue of locales/, compiled as the build compiles it (@wxt-dev/i18n's build step): what the browser reads as
 * _locales/<code>/messages.json. Read by path, not by URL: happy-dom's URL replaces Node's in the DOM suites.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import type { ChromeMessages } from '../utils/i18n/chrome-messages';

export function compiledCatalogue(code: string): ChromeMessages {
  return generateChromeMessages(
    parseMessagesText(readFileSync(join(import.meta.dirname, `../locales/${code}.yml`), 'utf8'), 'YAML'),
  );
}
