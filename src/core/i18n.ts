import i18next, { type i18n, type TOptions } from 'i18next';
import lvUi from '../../locales/lv/ui.json';
import enUi from '../../locales/en/ui.json';
import type { Lang } from '../types';
import { checkOverrides, type OverrideProblem } from './overrides';

export type Translate = (key: string, options?: TOptions) => string;

export interface Translator {
  t: Translate;
  setLanguage(lang: Lang): void;
  /**
   * The owner's interface text for `lang` (a content file's `ui` block), in place of the earlier
   * one: what passes `checkOverrides` is used, the rest is returned for the console.
   */
  override(lang: Lang, given: Record<string, string>): OverrideProblem[];
}

/**
 * One private i18next instance per widget: a host page with its own i18next,
 * or a second widget in another language, never shares state with this one.
 * A key missing in one language shows the other language's text (never the raw
 * key) and is reported once in the console, so translators notice.
 */
export function createTranslator(lang: Lang, warn: (message: string) => void = console.warn): Translator {
  const own: Record<Lang, Record<string, string>> = { lv: lvUi, en: enUi };
  const ui = { ...own };
  let current = lang;
  let instance: i18n | undefined;
  // i18next starts on first need: a page that never opens the panel only ever shows plain labels.
  const i18n = () => {
    if (!instance) {
      instance = i18next.createInstance();
      instance.init({
        lng: current,
        fallbackLng: { lv: ['en'], en: ['lv'], default: ['lv'] },
        resources: { lv: { translation: ui.lv }, en: { translation: ui.en } },
        initAsync: false,
        interpolation: { escapeValue: false }, // the view renders text nodes, never HTML
        returnEmptyString: false,
      });
    }
    return instance;
  };
  const checked = new Set<string>();
  const t: Translate = (key, options) => {
    // A label without plural or placeholder, present in this language, needs no i18next.
    if (!options && ui[current][key]?.trim()) return ui[current][key];
    const id = `${current}:${key}`;
    if (!checked.has(id)) {
      checked.add(id);
      if (!i18n().exists(key, { ...options, lng: current, fallbackLng: false })) {
        warn(`faq-widget: locales/${current}/ui.json has no "${key}"; using the other language`);
      }
    }
    return i18n().t(key, options ?? {});
  };
  return {
    t,
    setLanguage(next) {
      current = next;
      void instance?.changeLanguage(next);
    },
    override(lang, given) {
      const { valid, problems } = checkOverrides(given, own[lang], lang);
      ui[lang] = { ...own[lang], ...valid };
      instance = undefined; // made again, with the owner's words, when next needed
      return problems;
    },
  };
}
