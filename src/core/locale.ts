import type { Lang } from '../types';

export const LANGS: readonly Lang[] = ['lv', 'en'];

/** `lv`, `lv-LV`, `EN_gb` → a supported language, or undefined. */
export function toLang(tag: string | null | undefined): Lang | undefined {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return LANGS.find((lang) => lang === base);
}

export interface LanguageSignals {
  saved?: string | null;
  htmlLang?: string | null;
  navigatorLanguages?: readonly string[];
}

/** SPEC §5: the visitor's saved choice → `<html lang>` → `navigator.languages` → `lv`. */
export function detectLanguage({ saved, htmlLang, navigatorLanguages = [] }: LanguageSignals): Lang {
  return [saved, htmlLang, ...navigatorLanguages].map(toLang).find(Boolean) ?? 'lv';
}

const STORAGE_KEY = 'faq-widget:lang';

/** The saved choice; private browsing and blocked storage simply mean "none". */
export function loadSavedLanguage(storage: () => Storage | undefined): Lang | undefined {
  try {
    return toLang(storage()?.getItem(STORAGE_KEY));
  } catch {
    return undefined;
  }
}

export function saveLanguage(storage: () => Storage | undefined, lang: Lang): void {
  try {
    storage()?.setItem(STORAGE_KEY, lang);
  } catch {
    // Storage full, blocked or absent: the choice holds for this page view only.
  }
}

/** The page's localStorage, or undefined where reaching it throws (sandboxed iframes, blocked cookies). */
export const safeStorage = (): Storage | undefined => {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
};
