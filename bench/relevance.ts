import { readFileSync } from 'node:fs';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import uFuzzy from '@leeoniya/ufuzzy';
import { Catalog } from '../src/core/catalog';
import { readContent, type Entry } from '../src/core/content';
import { parseMarkup } from '../src/core/markup';
import type { Lang } from '../src/types';

/**
 * MRR and top-3 on the project's visitor queries (tests/core/relevance-queries.json) for the
 * shipped search and, on the same built-in content, for the obvious alternatives.
 */
type Ranker = (query: string) => string[];
const queries = JSON.parse(readFileSync('tests/core/relevance-queries.json', 'utf8')) as Record<Lang, { q: string; expect: string[] }[]>;

const content = (lang: Lang) => readContent(JSON.parse(readFileSync(`locales/${lang}/faq.json`, 'utf8')), lang, lang).content;
const docs = (entries: Entry[]) => entries.map((e) => ({ id: e.id, question: e.question, keywords: e.keywords.join(' '), answer: parseMarkup(e.answer).text }));

const ENGINES: Record<string, (lang: Lang, entries: Entry[]) => Ranker> = {
  'faq-widget': (lang) => {
    const catalog = new Catalog({ [lang]: content(lang) });
    return (q) => catalog.search(q, lang, 10).hits.map((h) => h.entry.id);
  },
  'Fuse.js, default options': (_, entries) => {
    const fuse = new Fuse(docs(entries), { keys: ['question', 'keywords', 'answer'] });
    return (q) => fuse.search(q).map((r) => r.item.id);
  },
  'MiniSearch, prefix + fuzzy 0.2': (_, entries) => {
    const mini = new MiniSearch({ fields: ['question', 'keywords', 'answer'], storeFields: ['id'] });
    mini.addAll(docs(entries));
    return (q) => mini.search(q, { prefix: true, fuzzy: 0.2 }).map((r) => String(r.id));
  },
  'uFuzzy, default options': (_, entries) => {
    const uf = new uFuzzy();
    const list = docs(entries);
    const haystack = list.map((d) => `${d.question} ${d.keywords} ${d.answer}`);
    return (q) => {
      const [idxs, info, order] = uf.search(haystack, q, 1);
      if (!idxs) return [];
      const ranked = info && order ? order.map((i) => info.idx[i]) : idxs;
      return ranked.map((i) => list[i].id);
    };
  },
};

export function relevance(): { engine: string; mrr: number; top3: number; queries: number }[] {
  return Object.entries(ENGINES).map(([engine, make]) => {
    let reciprocal = 0;
    let top3 = 0;
    let n = 0;
    for (const lang of ['lv', 'en'] as const) {
      const rank = make(lang, content(lang).entries);
      for (const { q, expect } of queries[lang]) {
        const at = rank(q).findIndex((id) => expect.includes(id));
        if (at >= 0) reciprocal += 1 / (at + 1);
        if (at >= 0 && at < 3) top3++;
        n++;
      }
    }
    return { engine, mrr: reciprocal / n, top3: top3 / n, queries: n };
  });
}
