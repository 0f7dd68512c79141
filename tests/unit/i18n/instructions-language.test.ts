import { describe, expect, it, vi } from 'vitest';
import { LANGUAGES, languageOf } from '@/utils/i18n/languages';
import { formatDateTime, passEnd } from '@/utils/ui/format-pass';
import { ADMIN_LANGUAGE, buildInstructions } from '@/utils/ui/instructions';
import { adminLanguage, catalogueLanguage, createMessagesLoader, instructionsLanguage } from '@/utils/ui/instructions-language';
import { issuedTap } from '../components/fixtures';
import { GERMAN_DATE, GERMAN_INSTRUCTIONS } from './german-instructions';

const json = (body: unknown, status = 200) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));

describe('the shipped languages', () => {
  it('lists each by its own name, English first', () => {
    expect(LANGUAGES.map((language) => [language.code, language.name])).toEqual([
      ['en', 'English'],
      ['de', 'Deutsch'],
      ['es', 'Español'],
      ['fr', 'Français'],
      ['ja', '日本語'],
      ['pt_BR', 'Português (Brasil)'],
    ]);
  });

  it('finds a language from a tag or a locale code, English when not shipped', () => {
    expect(languageOf('pt-BR').code).toBe('pt_BR');
    expect(languageOf('pt_BR').code).toBe('pt_BR');
    expect(languageOf('de-AT').code).toBe('de');
    expect(languageOf('it').code).toBe('en');
    expect(adminLanguage().code).toBe('en'); // the specs' catalogue is English
  });
});

describe('loading another language for the instructions', () => {
  it("reads the language's _locales file once and keeps it", async () => {
    const fetchFile = vi.fn((_url: string) => json(GERMAN_INSTRUCTIONS));
    const load = createMessagesLoader(fetchFile, (code) => `chrome-extension://id/_locales/${code}/messages.json`);
    expect(await load('de')).toEqual(GERMAN_INSTRUCTIONS);
    expect(await load('de')).toEqual(GERMAN_INSTRUCTIONS);
    expect(fetchFile).toHaveBeenCalledTimes(1);
    expect(fetchFile).toHaveBeenCalledWith('chrome-extension://id/_locales/de/messages.json');
  });

  it('a missing file or a catalogue without the instructions fails, and is asked for again next time', async () => {
    const fetchFile = vi
      .fn((_url: string) => json({}, 404))
      .mockImplementationOnce(() => json({}, 404))
      .mockImplementationOnce(() => json({ pass_instructions_value: { message: 'Pass: {pass}' } }))
      .mockImplementationOnce(() => json(GERMAN_INSTRUCTIONS));
    const load = createMessagesLoader(fetchFile, (code) => code);
    await expect(load('de')).rejects.toThrow('HTTP 404');
    await expect(load('de')).rejects.toThrow('lacks pass.instructions.validity');
    await expect(load('de')).resolves.toEqual(GERMAN_INSTRUCTIONS);
    expect(fetchFile).toHaveBeenCalledTimes(3);
  });

  it("the admin's own language needs no request", async () => {
    const load = vi.fn();
    expect(await instructionsLanguage('en', load)).toBe(ADMIN_LANGUAGE);
    expect(load).not.toHaveBeenCalled();
  });

  it("writes the instructions in the chosen catalogue, with that language's dates", async () => {
    const tap = issuedTap({ startDateTime: '2025-06-03T12:05:00Z', lifetimeInMinutes: 60, isUsableOnce: true });
    const german = await instructionsLanguage('de', async () => GERMAN_INSTRUCTIONS);
    const lines = buildInstructions(tap, 'AdeleV@contoso.onmicrosoft.com', german).split('\n');
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    expect(lines).toEqual([
      'Ihr befristeter Zugriffspass: Ab3dEf7hKm9p',
      `Gültig von ${GERMAN_DATE.format(new Date(tap.startDateTime))} bis ${GERMAN_DATE.format(
        passEnd(tap.startDateTime, 60),
      )} (${zone}).`,
      'Er gilt nur für eine Anmeldung.',
      'Öffnen Sie https://aka.ms/mysecurityinfo, melden Sie sich als AdeleV@contoso.onmicrosoft.com an, geben Sie den Pass ein, wenn Sie danach gefragt werden, und richten Sie dann Ihre Anmeldemethoden ein.',
    ]);
    // The admin's language keeps the reader's date format and today's English.
    expect(buildInstructions(tap, 'a@b.c').split('\n')[1]).toBe(
      `Valid from ${formatDateTime(tap.startDateTime)} until ${formatDateTime(passEnd(tap.startDateTime, 60))} (${zone}).`,
    );
    expect(catalogueLanguage(GERMAN_INSTRUCTIONS, languageOf('de')).locale).toBe('de');
  });
});
