import { browser } from 'wxt/browser';
import type { GeneratedI18nStructure } from '#i18n';

/** A catalogue key as Chrome names its message: `panel.tab.show` is `panel_tab_show`. */
type MessageName<K extends string> = K extends `${infer Head}.${infer Rest}` ? `${Head}_${MessageName<Rest>}` : K;

/** The catalogue keys the content script reads: its few words, each with at most the `{shortcut}` placeholder. */
type ContentKey = Extract<
  'manifest.name' | 'panel.frame.title' | 'panel.tab.show' | 'common.languageTag',
  keyof GeneratedI18nStructure
>;

/**
 * i18n.t for the content script, without the library: @wxt-dev/i18n adds ~0.9 KB to a bundle whose 14 KB budget has
 * ~0.1 KB left, and these words need only getMessage and one named placeholder. Called with Chrome's message name,
 * which the type checks against the catalogue's generated keys (a renamed or missing key fails tsc).
 */
export function contentWord(name: MessageName<ContentKey>, shortcut = ''): string {
  // WXT types getMessage for public/_locales names only; the catalogue's are the generated keys above.
  return (browser.i18n as { getMessage(name: string): string }).getMessage(name).replace('{shortcut}', shortcut);
}

/** The extension's name: the panel's landmark on the portal page and the collapsed panel's tab. */
// Pure: the panel page, which imports panel-tab.ts for its shortcut hint only, carries none of this.
export const EXTENSION_NAME = /* @__PURE__ */ contentWord('manifest_name');
