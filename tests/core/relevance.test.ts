import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../src/core/catalog';
import { builtInCatalog } from './builtin';
import { fnv1a, halfOf, SPLIT_SEED, type Half } from './split';
import lvFaq from '../../locales/lv/faq.json';
import enFaq from '../../locales/en/faq.json';
import queries from './relevance-queries.json';
import contentQueries from './relevance-queries-content.json';
import unseenQueries from './relevance-queries-unseen.json';
import type { Lang } from '../../src/types';

type QuerySet = Record<Lang, { q: string; expect: string[] }[]>;

/**
 * Realistic visitor queries (sloppy typing, no diacritics, digraphs, other word
 * endings, synonyms) written without looking at the content, with the entries
 * a support agent would point to. Prints MRR and top-3 accuracy per language.
 */
function evaluate(catalog: Catalog, set: QuerySet, lang: Lang, half?: Half) {
  const misses: string[] = [];
  let reciprocal = 0;
  let top3 = 0;
  const list = set[lang].filter(({ q }) => !half || halfOf(lang, q) === half);
  for (const { q, expect: ids } of list) {
    const ranked = catalog.search(q, lang, 10).hits.map((h) => h.entry.id);
    const rank = ranked.findIndex((id) => ids.includes(id));
    if (rank >= 0) reciprocal += 1 / (rank + 1);
    if (rank >= 0 && rank < 3) top3++;
    else misses.push(`"${q}" → [${ranked.slice(0, 3).join(', ')}], expected ${ids.join(' or ')}`);
  }
  const n = list.length;
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

/*
 * The protocol (issue "Search that wins on queries it was never tuned on"): every query of every set
 * is in the tuning half or the test half by the committed rule in ./split.ts (a seeded FNV-1a hash of
 * language and query text, independent of file order). Ranking work may look at the tuning half; a
 * change to ranking is accepted only if the test half does not get worse. Today's test-half figures
 * are committed in ./relevance-baseline.json, and the test-half MRR of every set and language must
 * stay within BASELINE_TOLERANCE of them, and its top-3 share at or above them, so a regression
 * fails `npm test`. When a change is
 * deliberately accepted (or a query set changes), rewrite the baseline on purpose with
 *   UPDATE_RELEVANCE_BASELINE=1 npx vitest run tests/core/relevance.test.ts
 * and commit it with the change. The unseen set (./relevance-queries-unseen.json, written without
 * looking at the content) has no pass threshold of its own beyond this baseline; only its
 * tuning-half misses are printed, so tuning never reads the test half.
 */
const SETS = { original: queries, content: contentQueries, unseen: unseenQueries } satisfies Record<string, QuerySet>;
type SetName = keyof typeof SETS;
const LANGS = ['lv', 'en'] as const;
const HALVES = ['tuning', 'test'] as const;
const BASELINE_TOLERANCE = 0.005;
const BASELINE_FILE = new URL('./relevance-baseline.json', import.meta.url);
const UPDATE_BASELINE = !!process.env.UPDATE_RELEVANCE_BASELINE;

type Figures = { n: number; mrr: number; top3: number };
type Baseline = Record<SetName, Record<Lang, Figures>>;
const round = (x: number) => Math.round(x * 10_000) / 10_000;

describe('search relevance per half (tuning / test), the protocol for ranking changes', () => {
  const catalog = builtInCatalog();
  const results = Object.fromEntries(
    (Object.keys(SETS) as SetName[]).map((set) => [
      set,
      Object.fromEntries(
        LANGS.map((lang) => [lang, Object.fromEntries(HALVES.map((half) => [half, evaluate(catalog, SETS[set], lang, half)]))]),
      ),
    ]),
  ) as Record<SetName, Record<Lang, Record<Half, ReturnType<typeof evaluate>>>>;

  it('prints MRR and top-3 per set, language and half', () => {
    const rows = [`relevance per half    ${'tuning'.padEnd(24)}test`, `set       lang  ${'   n  MRR    top-3   '.repeat(2)}`];
    for (const set of Object.keys(SETS) as SetName[]) {
      for (const lang of LANGS) {
        const cells = HALVES.map((half) => {
          const { n, mrr, top3 } = results[set][lang][half];
          return `${String(n).padStart(4)}  ${mrr.toFixed(3)}  ${(top3 * 100).toFixed(1).padStart(5)} %`;
        });
        rows.push(`${set.padEnd(9)} ${lang}    ${cells.join('   ')}`);
      }
    }
    // Each language's queries of all sets together: what "top-3 per language" means in the issue.
    for (const lang of LANGS) {
      const cells = HALVES.map((half) => {
        const all = (Object.keys(SETS) as SetName[]).map((set) => results[set][lang][half]);
        const n = all.reduce((sum, r) => sum + r.n, 0);
        const mrr = all.reduce((sum, r) => sum + r.mrr * r.n, 0) / n;
        const top3 = all.reduce((sum, r) => sum + r.top3 * r.n, 0) / n;
        return `${String(n).padStart(4)}  ${mrr.toFixed(3)}  ${(top3 * 100).toFixed(1).padStart(5)} %`;
      });
      rows.push(`all sets  ${lang}    ${cells.join('   ')}`);
    }
    console.log(rows.join('\n'));
    for (const lang of LANGS) {
      const { misses } = results.unseen[lang].tuning;
      if (misses.length) console.log(`relevance (unseen set) ${lang}, tuning-half misses:\n  ${misses.join('\n  ')}`);
    }
    for (const set of Object.keys(SETS) as SetName[]) {
      for (const lang of LANGS) expect(results[set][lang].test.n, `${set} ${lang} test half`).toBeGreaterThan(0);
    }
  });

  it('splits by the committed rule: seeded FNV-1a of language and query text, even → tuning', () => {
    expect([fnv1a('', 0), fnv1a('a', 0), fnv1a('foobar', 0)]).toEqual([0x811c9dc5, 0xe40c292c, 0xbf9cf968]); // FNV-1a test vectors
    expect(SPLIT_SEED).toBe(0x5eed_2026);
    expect(halfOf('en', 'salary')).toBe(fnv1a('en\u0000salary') % 2 ? 'test' : 'tuning');
  });

  it.each([['lv', lvFaq.entries], ['en', enFaq.entries]] as const)('expects only %s entries that exist', (lang, entries) => {
    const unknown = (Object.keys(SETS) as SetName[]).flatMap((set) =>
      SETS[set][lang].flatMap(({ q, expect: ids }) => ids.filter((id) => !(id in entries)).map((id) => `${set}: "${q}" → ${id}`)),
    );
    expect(unknown).toEqual([]);
  });

  it.runIf(UPDATE_BASELINE)('writes the test-half baseline (UPDATE_RELEVANCE_BASELINE=1)', () => {
    const baseline = Object.fromEntries(
      (Object.keys(SETS) as SetName[]).map((set) => [
        set,
        Object.fromEntries(
          LANGS.map((lang) => {
            const { n, mrr, top3 } = results[set][lang].test;
            return [lang, { n, mrr: round(mrr), top3: round(top3) }];
          }),
        ),
      ]),
    );
    writeFileSync(BASELINE_FILE, JSON.stringify(baseline, null, 2) + '\n');
  });

  it.skipIf(UPDATE_BASELINE).each(LANGS)('keeps the %s test-half MRR and top-3 of every set at the committed baseline', (lang) => {
    expect(existsSync(BASELINE_FILE), 'tests/core/relevance-baseline.json is missing: write it with UPDATE_RELEVANCE_BASELINE=1').toBe(true);
    const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as Baseline;
    for (const set of Object.keys(SETS) as SetName[]) {
      const now = results[set][lang].test;
      const then = baseline[set]?.[lang];
      expect(then, `no baseline for ${set} ${lang}: rewrite it deliberately with UPDATE_RELEVANCE_BASELINE=1`).toBeDefined();
      expect(now.n, `${set} ${lang}: the test half changed size, so the baseline no longer compares; rewrite it deliberately`).toBe(then.n);
      expect(now.mrr, `${set} ${lang}: test-half MRR fell below the baseline ${then.mrr} − ${BASELINE_TOLERANCE}`).toBeGreaterThanOrEqual(
        then.mrr - BASELINE_TOLERANCE,
      );
      // And no query leaves the top three: a better MRR must not hide a visitor who no longer sees the answer.
      expect(now.top3, `${set} ${lang}: test-half top-3 fell below the baseline ${then.top3}`).toBeGreaterThanOrEqual(then.top3 - 1e-4); // the baseline is rounded to 4 places
    }
  });
});
