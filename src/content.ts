import lvFaq from '../locales/lv/faq.json';
import enFaq from '../locales/en/faq.json';
import { readFiles, type LoadedContent } from './core/content';
import { LANGS } from './core/locale';
import type { Lang } from './types';

/**
 * The bilingual call-centre FAQ, for the ESM build: a module of its own, so an app with its
 * own content never carries it. (The script-tag build fetches it as per-language chunks.)
 */
export function builtInLoaded(langs: readonly Lang[] = LANGS): LoadedContent {
  const files = { lv: lvFaq, en: enFaq };
  return readFiles(Object.fromEntries(langs.map((lang) => [lang, files[lang]])), (lang) => `locales/${lang}/faq.json`);
}
