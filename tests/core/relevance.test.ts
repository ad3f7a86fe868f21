import { describe, expect, it } from 'vitest';
import { Catalog } from '../../src/core/catalog';
import { builtInCatalog } from './builtin';
import queries from './relevance-queries.json';
import contentQueries from './relevance-queries-content.json';
import type { Lang } from '../../src/types';

type QuerySet = Record<Lang, { q: string; expect: string[] }[]>;

/**
 * Realistic visitor queries (sloppy typing, no diacritics, digraphs, other word
 * endings, synonyms) written without looking at the content, with the entries
 * a support agent would point to. Prints MRR and top-3 accuracy per language.
 */
function evaluate(catalog: Catalog, set: QuerySet, lang: Lang) {
  const misses: string[] = [];
  let reciprocal = 0;
  let top3 = 0;
  for (const { q, expect: ids } of set[lang]) {
    const ranked = catalog.search(q, lang, 10).hits.map((h) => h.entry.id);
    const rank = ranked.findIndex((id) => ids.includes(id));
    if (rank >= 0) reciprocal += 1 / (rank + 1);
    if (rank >= 0 && rank < 3) top3++;
    else misses.push(`"${q}" → [${ranked.slice(0, 3).join(', ')}], expected ${ids.join(' or ')}`);
  }
  const n = set[lang].length;
  return { n, mrr: reciprocal / n, top3: top3 / n, misses };
}

function report(name: string, lang: Lang, { n, mrr, top3, misses }: ReturnType<typeof evaluate>) {
  console.log(`relevance ${name} ${lang}: ${n} queries, MRR ${mrr.toFixed(3)}, top-3 ${(top3 * 100).toFixed(1)} %`);
  if (misses.length) console.log(`  misses:\n  ${misses.join('\n  ')}`);
}

describe('search relevance on the built-in content', () => {
  const catalog = builtInCatalog();
  it.each(['lv', 'en'] as const)('puts the right %s entry in the top 3 for at least 95 percent of visitor queries', (lang) => {
    const result = evaluate(catalog, queries, lang);
    report('(original set)', lang, result);
    expect(result.n).toBeGreaterThanOrEqual(40);
    expect(result.top3).toBeGreaterThanOrEqual(0.95);
  });

  // Written before the narrower entries they target (inbound vs outbound, each role, remote work,
  // interview preparation, getting promoted, each skill group, franchises, software, equipment):
  // measured on their own so the original set stays comparable with earlier releases.
  it.each(['lv', 'en'] as const)('finds the narrower %s entries the content queries ask for', (lang) => {
    const result = evaluate(catalog, contentQueries, lang);
    report('(content set)', lang, result);
    expect(result.n).toBeGreaterThanOrEqual(30);
    expect(result.top3).toBeGreaterThanOrEqual(0.9);
  });
});
