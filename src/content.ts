import lvFaq from '../locales/lv/faq.json';
import enFaq from '../locales/en/faq.json';
import { readFiles, type LoadedContent } from './core/content';

/**
 * The bilingual call-centre FAQ, for the ESM build: a module of its own, so an app with its
 * own content never carries it. (The script-tag build fetches it as per-language chunks.)
 */
export const builtInLoaded = (): LoadedContent => readFiles({ lv: lvFaq, en: enFaq }, (lang) => `locales/${lang}/faq.json`);
