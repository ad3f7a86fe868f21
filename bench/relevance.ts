import { readFileSync } from 'node:fs';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import uFuzzy from '@leeoniya/ufuzzy';
import { Catalog } from '../src/core/catalog';
import { readContent, type Content, type Entry } from '../src/core/content';
import { parseMarkup } from '../src/core/markup';
import type { Lang } from '../src/types';

/**
 * MRR and top-3 on the project's visitor queries (tests/core/relevance-queries.json) for the
 * shipped search and, on the same built-in content, for the obvious alternatives.
 */
export type Ranker = (query: string) => string[];
/** The fields the other engines index; faq-widget always indexes what the shipped search does. */
export type Field = 'question' | 'keywords' | 'answer';
const ALL_FIELDS: Field[] = ['question', 'keywords', 'answer'];

const queries = JSON.parse(readFileSync('tests/core/relevance-queries.json', 'utf8')) as Record<Lang, { q: string; expect: string[] }[]>;

const content = (lang: Lang) => readContent(JSON.parse(readFileSync(`locales/${lang}/faq.json`, 'utf8')), lang, lang).content;
const docs = (entries: Entry[]) => entries.map((e) => ({ id: e.id, question: e.question, keywords: e.keywords.join(' '), answer: parseMarkup(e.answer).text }));

const ENGINES = {
  'faq-widget': (content: Content) => {
    const catalog = new Catalog({ [content.lang]: content });
    return (q) => catalog.search(q, content.lang, 10).hits.map((h) => h.entry.id);
  },
  'Fuse.js, default options': (content, fields) => {
    const fuse = new Fuse(docs(content.entries), { keys: fields });
    return (q) => fuse.search(q).map((r) => r.item.id);
  },
  'MiniSearch, BM25, exact terms': (content, fields) => {
    const mini = new MiniSearch({ fields, storeFields: ['id'] });
    mini.addAll(docs(content.entries));
    return (q) => mini.search(q).map((r) => String(r.id));
  },
  'MiniSearch, prefix + fuzzy 0.2': (content, fields) => {
    const mini = new MiniSearch({ fields, storeFields: ['id'] });
    mini.addAll(docs(content.entries));
    return (q) => mini.search(q, { prefix: true, fuzzy: 0.2 }).map((r) => String(r.id));
  },
  'uFuzzy, default options': (content, fields) => {
    const uf = new uFuzzy();
    const list = docs(content.entries);
    const haystack = list.map((d) => fields.map((f) => d[f]).join(' '));
    return (q) => {
      const [idxs, info, order] = uf.search(haystack, q, 1);
      if (!idxs) return [];
      const ranked = info && order ? order.map((i) => info.idx[i]) : idxs;
      return ranked.map((i) => list[i].id);
    };
  },
} satisfies Record<string, (content: Content, fields: Field[]) => Ranker>;
export type Engine = keyof typeof ENGINES;

/**
 * The named engines built over one language's content, in the order asked: faq-widget through
 * `Catalog` (its top 10), the others over `fields` with the answers' markup as plain text.
 */
export function rankers(content: Content, engines: Engine[], fields: Field[] = ALL_FIELDS): { engine: Engine; rank: Ranker }[] {
  return engines.map((engine) => ({ engine, rank: ENGINES[engine](content, fields) }));
}

const COMPARED: Engine[] = ['faq-widget', 'Fuse.js, default options', 'MiniSearch, prefix + fuzzy 0.2', 'uFuzzy, default options'];

export function relevance(): { engine: string; mrr: number; top3: number; queries: number }[] {
  const totals = COMPARED.map((engine) => ({ engine, reciprocal: 0, top3: 0, n: 0 }));
  for (const lang of ['lv', 'en'] as const) {
    rankers(content(lang), COMPARED).forEach(({ rank }, i) => {
      const total = totals[i];
      for (const { q, expect } of queries[lang]) {
        const at = rank(q).findIndex((id) => expect.includes(id));
        if (at >= 0) total.reciprocal += 1 / (at + 1);
        if (at >= 0 && at < 3) total.top3++;
        total.n++;
      }
    });
  }
  return totals.map(({ engine, reciprocal, top3, n }) => ({ engine, mrr: reciprocal / n, top3: top3 / n, queries: n }));
}
