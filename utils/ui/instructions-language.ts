import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { type ChromeMessages, translate } from '@/utils/i18n/chrome-messages';
import { type Language, type LanguageCode, languageOf } from '@/utils/i18n/languages';
import { ADMIN_LANGUAGE, type InstructionKey, type InstructionsLanguage } from './instructions';

/** Reads one shipped language's compiled catalogue. */
export type LoadMessages = (code: LanguageCode) => Promise<ChromeMessages>;

const INSTRUCTION_KEYS: readonly InstructionKey[] = [
  'pass.instructions.value',
  'pass.instructions.validity',
  'pass.instructions.validityNoZone',
  'pass.instructions.once',
  'pass.instructions.reusable',
  'pass.instructions.signIn',
];

/** The language the panel speaks: the browser's, or English when it isn't shipped (the catalogue's own tag says). */
export function adminLanguage(): Language {
  return languageOf(i18n.t('common.languageTag'));
}

/**
 * A loader of `_locales/<code>/messages.json` (the extension's own files, read with fetch), one request per language:
 * a failed one is forgotten, so a later choice asks again. A catalogue without every instruction key counts as missing.
 */
export function createMessagesLoader(
  fetchFile: (url: string) => Promise<Response> = (url) => fetch(url),
  urlOf: (code: LanguageCode) => string = (code) =>
    browser.runtime.getURL(`/_locales/${code}/messages.json` as Parameters<typeof browser.runtime.getURL>[0]),
): LoadMessages {
  const cache = new Map<LanguageCode, Promise<ChromeMessages>>();
  return (code) => {
    let messages = cache.get(code);
    if (!messages) {
      messages = fetchFile(urlOf(code)).then(async (response) => {
        if (!response.ok) throw new Error(`messages.json for ${code}: HTTP ${response.status}`);
        const catalogue = (await response.json()) as ChromeMessages;
        const missing = INSTRUCTION_KEYS.find((key) => !catalogue[key.replaceAll('.', '_')]?.message);
        if (missing) throw new Error(`messages.json for ${code} lacks ${missing}`);
        return catalogue;
      });
      messages.catch(() => cache.delete(code));
      cache.set(code, messages);
    }
    return messages;
  };
}

/** The instructions in a catalogue other than the browser's, with that language's dates. */
export function catalogueLanguage(messages: ChromeMessages, language: Language): InstructionsLanguage {
  return {
    t: (key, substitutions) => translate(messages, key, substitutions),
    locale: language.tag,
  };
}

/** The admin's own language when `code` is it (no request), else the loaded catalogue's. */
export async function instructionsLanguage(code: LanguageCode, load: LoadMessages): Promise<InstructionsLanguage> {
  if (code === adminLanguage().code) return ADMIN_LANGUAGE;
  return catalogueLanguage(await load(code), languageOf(code));
}

let shared: LoadMessages | undefined;
/** The page's one loader (its cache lives as long as the page). */
export function sharedMessagesLoader(): LoadMessages {
  shared ??= createMessagesLoader();
  return shared;
}
