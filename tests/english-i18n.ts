/**
 * `#i18n` for the browser specs' own process (Node, no extension APIs): the English catalogue, compiled as the build
 * compiles it and read with i18n.t's rules, so a spec can import a product sentence and compare it with what the
 * browser shows in English.
 */
import { translate } from '../utils/i18n/chrome-messages';
import { compiledCatalogue } from './compiled-catalogue';

const english = compiledCatalogue('en');

export const i18n = {
  t: (key: string, ...args: Parameters<typeof translate> extends [unknown, unknown, ...infer Rest] ? Rest : never) =>
    translate(english, key, ...args),
};
