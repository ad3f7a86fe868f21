/**
 * The search engine alone, in node, at 10,000 entries of generated content per language: how long
 * the index takes to build (from the content as `data-content` delivers it, read as the widget
 * reads it: every field tokenized and folded) and what one query costs, for every prefix a visitor
 * types and for the same words with a typo anywhere in them.
 */
import { readContent } from '../src/core/content';
import { searchable } from '../src/core/catalog';
import { createSearchIndex } from '../src/core/search';
import type { Lang } from '../src/types';
import { generate, TYPED } from './generate';
import { median, p95 } from './stats';

export interface EngineFigures {
  entries: number;
  /** Index build per language, ms, median of `builds`: wall clock, and CPU time of this process (less moved by other work on a shared machine). */
  build: number;
  buildCpu: number;
  builds: number;
  /** search() per query, ms. */
  searchMedian: number;
  searchP95: number;
  samples: number;
}

/** Every word of five letters or more with two neighbouring letters swapped, one variant per position: typos in any place. */
export function typos(query: string): string[] {
  const out: string[] = [];
  const words = query.split(' ');
  words.forEach((word, w) => {
    if (word.length < 5) return;
    for (let i = 0; i + 1 < word.length; i++) {
      const typo = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
      out.push([...words.slice(0, w), typo, ...words.slice(w + 1)].join(' '));
    }
  });
  return out;
}

export function engine(count = 10_000, builds = 5): EngineFigures {
  const buildTimes: number[] = [];
  const buildCpu: number[] = [];
  const times: number[] = [];
  for (const lang of ['lv', 'en'] as Lang[]) {
    const { content } = readContent(generate(count, lang), lang, lang);
    let index = createSearchIndex(searchable(content), lang); // warm-up: the first build also compiles the code
    for (let b = 0; b < builds; b++) {
      const t = performance.now();
      const cpu = process.cpuUsage();
      index = createSearchIndex(searchable(content), lang);
      buildTimes.push(performance.now() - t);
      const { user, system } = process.cpuUsage(cpu);
      buildCpu.push((user + system) / 1000);
    }
    const queries = TYPED[lang].flatMap((q) => [...Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)), ...typos(q)]);
    for (const q of queries) index.search(q, 30); // warm-up
    for (let round = 0; round < 3; round++) {
      for (const q of queries) {
        const t = performance.now();
        index.search(q, 30);
        times.push(performance.now() - t);
      }
    }
  }
  return { entries: count, build: median(buildTimes), buildCpu: median(buildCpu), builds: buildTimes.length, searchMedian: median(times), searchP95: p95(times), samples: times.length };
}
