/// <reference types="chrome" />
/**
 * The panel's main path in German and in Japanese, as Chromium started with --lang shows it: the user eligible, Issue,
 * the pass shown, and one refusal's sentence. Button names are looked up in the built catalogue by their English
 * text; the words asserted (Microsoft's own terms) are written here, so a catalogue that fell back to English fails.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMINS, APP, TARGETS } from '../tenant/seed';
import { startTenant, type Tenant } from '../tenant/server';
import { EXTENSION_DIR, type ExtensionBrowser, launchExtensionBrowser } from './harness/extension-browser';
import { completeSignIn, configureExtension, panel, portalUserUrl } from './harness/session';

const DEMO_OUTPUT = join(import.meta.dirname, '../../demo-output');

type Catalogue = Record<string, { message: string }>;
const catalogues = new Map<string, Catalogue>();
/** The built catalogue, read once per language. */
function catalogue(code: string): Catalogue {
  let read = catalogues.get(code);
  if (!read) {
    read = JSON.parse(readFileSync(join(EXTENSION_DIR, '_locales', code, 'messages.json'), 'utf8')) as Catalogue;
    catalogues.set(code, read);
  }
  return read;
}

/** The words `english` reads as in `code`: every key whose English is exactly that text, as one pattern. */
function inLanguage(code: string, english: string): RegExp {
  const en = catalogue('en');
  const translated = catalogue(code);
  const words = Object.keys(en)
    .filter((key) => en[key]?.message === english)
    .map((key) => translated[key]?.message)
    .filter((text): text is string => Boolean(text));
  if (words.length === 0) throw new Error(`No catalogue key reads "${english}" in English.`);
  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^(?:${[...new Set(words)].map(escapeRegExp).join('|')})$`);
}

const LANGUAGES = [
  // Microsoft Learn de-de: "befristeter Zugriffspass"; a guest is a "Gast".
  {
    code: 'de',
    flag: '--lang=de',
    tapTerm: /[Bb]efristete[nr]? Zugriffspass/,
    guestWord: /Gast/,
    english: /Temporary Access Pass|external guest/,
  },
  // Microsoft Learn ja-jp: "一時アクセス パス"; a guest is "ゲスト".
  {
    code: 'ja',
    flag: '--lang=ja',
    tapTerm: /一時アクセス パス/,
    guestWord: /ゲスト/,
    english: /Temporary Access Pass|external guest/,
  },
] as const;

describe.each(LANGUAGES)('the panel in $code (Chromium $flag)', ({ code, flag, tapTerm, guestWord, english }) => {
  let tenant: Tenant;
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    tenant = await startTenant({ port: 0 });
    browser = await launchExtensionBrowser({ args: [...tenant.chromiumArgs, flag] });
    await configureExtension(browser, { clientId: APP.clientId, tenantId: APP.tenantDomain });
  });
  afterAll(async () => {
    await browser?.close();
    await tenant?.close();
  });

  it('signs in, shows an eligible user, issues, shows the pass, in the language', async () => {
    const page = await browser.context.newPage();
    await page.goto(portalUserUrl(TARGETS.adele.id));
    const frame = panel(page);
    const signIn = frame.getByRole('button', { name: inLanguage(code, 'Sign in') });
    await signIn.waitFor();
    await completeSignIn(browser, () => signIn.click(), ADMINS.megan.displayName);

    const issue = frame.getByRole('button', { name: inLanguage(code, 'Issue TAP') });
    await issue.waitFor();
    await frame.getByText(TARGETS.adele.userPrincipalName).first().waitFor();
    expect(await frame.locator('html').getAttribute('lang')).toBe(code);
    await expect.poll(() => frame.locator('body').textContent()).toMatch(tapTerm);

    await issue.click();
    await frame.getByTestId('pass-value').waitFor();
    await frame.getByRole('button', { name: inLanguage(code, 'Copy pass') }).waitFor();
    const shown = await frame.locator('body').textContent();
    expect(shown).toMatch(tapTerm);
    expect(shown).not.toMatch(english);
    mkdirSync(DEMO_OUTPUT, { recursive: true });
    await page.locator('entra-tap-panel').screenshot({ path: join(DEMO_OUTPUT, `panel-${code}.png`) });
    await page.close();
  });

  it('says why an external guest gets no pass, in the language', async () => {
    const page = await browser.context.newPage();
    await page.goto(portalUserUrl(TARGETS.chris.id));
    const frame = panel(page);
    const alert = frame.getByText(TARGETS.chris.displayName).first();
    await alert.waitFor();
    await expect.poll(() => frame.locator('body').textContent()).toMatch(guestWord);
    expect(await frame.locator('body').textContent()).not.toMatch(english);
    await page.close();
  });
});
