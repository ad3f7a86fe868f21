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
 * A ui.json file's texts as i18next should read them: translators' `_notes` are not interface
 * text (no key may resolve to them). For files read as they are saved (the translator page); the
 * widget's own import has them removed by the build.
 */
export function interfaceTexts(file: Record<string, unknown>): Record<string, string> {
  const { _notes: _, ...texts } = file;
  return texts as Record<string, string>;
}

/**
 * The i18next instance the widget translates with, on `ui` (language → key → text): the
 * translator page renders its samples through this very set-up, plurals and fallbacks included.
 */
export function createI18next(lng: Lang, ui: Record<Lang, Record<string, string>>): i18n {
  const instance = i18next.createInstance();
  instance.init({
    lng,
    fallbackLng: { lv: ['en'], en: ['lv'], default: ['lv'] },
    resources: { lv: { translation: ui.lv }, en: { translation: ui.en } },
    initAsync: false,
    interpolation: { escapeValue: false }, // the view renders text nodes, never HTML
    returnEmptyString: false,
  });
  return instance;
}

/**
 * One private i18next instance per widget: a host page with its own i18next,
 * or a second widget in another language, never shares state with this one.
 * A key missing in one language shows the other language's text (never the raw
 * key) and is reported once in the console, so translators notice.
 */
export function createTranslator(lang: Lang, warn: (message: string) => void = console.warn): Translator {
  // The build leaves ui.json's "_notes" out (vite.config.ts, stripSchemaKeys): texts only.
  const own = { lv: lvUi, en: enUi } as Record<Lang, Record<string, string>>;
  const ui = { ...own };
  let current = lang;
  let instance: i18n | undefined;
  // i18next starts on first need: a page that never opens the panel only ever shows plain labels.
  const i18n = () => (instance ??= createI18next(current, ui));
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
