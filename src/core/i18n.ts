import i18next, { type TOptions } from 'i18next';
import lvUi from '../../locales/lv/ui.json';
import enUi from '../../locales/en/ui.json';
import type { Lang } from '../types';

export type Translate = (key: string, options?: TOptions) => string;

export interface Translator {
  t: Translate;
  setLanguage(lang: Lang): void;
}

/**
 * One private i18next instance per widget: a host page with its own i18next,
 * or a second widget in another language, never shares state with this one.
 * A key missing in one language shows the other language's text (never the raw
 * key) and is reported once in the console, so translators notice.
 */
export function createTranslator(lang: Lang, warn: (message: string) => void = console.warn): Translator {
  const instance = i18next.createInstance();
  instance.init({
    lng: lang,
    fallbackLng: { lv: ['en'], en: ['lv'], default: ['lv'] },
    resources: { lv: { translation: lvUi }, en: { translation: enUi } },
    initAsync: false,
    interpolation: { escapeValue: false }, // the view renders text nodes, never HTML
    returnEmptyString: false,
  });
  const checked = new Set<string>();
  const t: Translate = (key, options) => {
    const lng = instance.language as Lang;
    const id = `${lng}:${key}`;
    if (!checked.has(id)) {
      checked.add(id);
      if (!instance.exists(key, { ...options, lng, fallbackLng: false })) {
        warn(`faq-widget: locales/${lng}/ui.json has no "${key}"; showing the other language's text instead`);
      }
    }
    return (instance.t as (k: string, o?: TOptions) => string)(key, options);
  };
  return { t, setLanguage: (next) => void instance.changeLanguage(next) };
}
