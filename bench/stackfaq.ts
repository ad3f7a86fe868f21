import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readContent } from '../src/core/content';
import { firstRelevant, mulberry32, score, sloppy, type Scores } from './metrics';
import { rankers, type Engine } from './relevance';

/**
 * StackFAQ (webapps.stackexchange.com threads and annotators' paraphrases of them): a public,
 * labelled set nobody here wrote or tunes on, read from outside the repository at bench time
 * and never copied into it (/work/shared/bench-data/stackfaq/README.md says where it comes from).
 */
export const STACKFAQ_DIR = process.env.FAQ_STACKFAQ_DIR ?? fileURLToPath(new URL('../../shared/bench-data/stackfaq', import.meta.url));
/** The seed of the sloppy variant: change it and every figure on sloppy queries changes with it. */
const SEED = 1;
/** Queries of more words than this are "long"; the issue wants them searched as well as the short ones. */
export const LONG = 12;
const ENGINES: Engine[] = ['faq-widget', 'Fuse.js, default options', 'MiniSearch, BM25, exact terms', 'MiniSearch, prefix + fuzzy 0.2'];
/**
 * Plain Fuse.js takes about 22 ms a query here (long paraphrases over long answers), so all
 * 2 × 1,249 take most of a minute. `--quick` asks it a seeded tenth of the queries (the same every
 * run); its figures then move by several hundredths, too little to change who is ahead.
 */
const QUICK_SAMPLE: Partial<Record<Engine, number>> = { 'Fuse.js, default options': 0.1 };
/** Words as the set's README counts them: runs of letters and digits. */
const words = (text: string) => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

export interface StackFaqScores {
  engine: Engine;
  clean: Scores;
  sloppy: Scores;
  /** Clean queries of more than `LONG` words, and of `LONG` or fewer. */
  long: Scores;
  short: Scores;
}

export interface StackFaq {
  dir: string;
  entries: number;
  queries: number;
  engines: StackFaqScores[];
}

/** The figures of each engine on StackFAQ, or undefined when `dir` has not got the set. */
export function stackfaq(quick = false, dir = STACKFAQ_DIR): StackFaq | undefined {
  const files = ['en.json', 'queries.json'].map((file) => join(dir, file));
  if (!files.every((file) => existsSync(file))) return undefined;
  const [data, queries] = files.map((file) => JSON.parse(readFileSync(file, 'utf8'))) as [unknown, { q: string; relevant: string[] }[]];
  // There is no Latvian side: the set is English content.
  const { content, problems } = readContent(data, 'en', 'StackFAQ en.json');
  if (problems.length) throw new Error(`StackFAQ en.json: ${problems.length} entries the widget would skip, e.g. ${problems[0].id}: ${problems[0].message}`);
  const sloppyQueries = queries.map(({ q }) => sloppy(q, SEED));
  const isLong = queries.map(({ q }) => words(q) > LONG);
  // Engines over question + answer: the set has no keywords.
  const engines = rankers(content, ENGINES, ['question', 'answer']).map(({ engine, rank }) => {
    const share = quick ? QUICK_SAMPLE[engine] : undefined;
    const random = mulberry32(SEED);
    const asked = queries.map((_, i) => i).filter(() => share === undefined || random() < share);
    const clean = asked.map((i) => firstRelevant(rank(queries[i].q), queries[i].relevant));
    const slop = asked.map((i) => firstRelevant(rank(sloppyQueries[i]), queries[i].relevant));
    return {
      engine,
      clean: score(clean),
      sloppy: score(slop),
      long: score(clean.filter((_, k) => isLong[asked[k]])),
      short: score(clean.filter((_, k) => !isLong[asked[k]])),
    };
  });
  return { dir, entries: content.entries.length, queries: queries.length, engines };
}
