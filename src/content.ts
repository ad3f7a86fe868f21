import lvFaq from '../locales/lv/faq.json';
import enFaq from '../locales/en/faq.json';
import { Catalog } from './core/catalog';
import { readContent, type Content } from './core/content';

/** The bilingual call-centre FAQ that ships inside the script: no request needed. */
export function builtInContent(): { lv: Content; en: Content } {
  return {
    lv: readContent(lvFaq, 'lv', 'locales/lv/faq.json').content,
    en: readContent(enFaq, 'en', 'locales/en/faq.json').content,
  };
}

export const builtInCatalog = () => new Catalog(builtInContent);
