/** Ranking figures for labelled query sets, and the sloppy variant of a query that a hurried visitor types. */

export interface Scores {
  /** Mean reciprocal rank of the first relevant result, counting only the top 10. */
  mrr10: number;
  /** Share of queries whose first result is relevant. */
  p1: number;
  /** Share of queries with a relevant result in the top 3. */
  hit3: number;
  queries: number;
}

/** Where the first relevant id stands in a ranking, 0-based; -1 when it is not there. */
export const firstRelevant = (ranking: string[], relevant: string[]) => ranking.findIndex((id) => relevant.includes(id));

/** The figures over a set of queries, given each query's `firstRelevant` rank. */
export function score(ranks: number[]): Scores {
  const n = ranks.length;
  const share = (count: number) => (n ? count / n : NaN);
  const found = (within: number) => ranks.filter((r) => r >= 0 && r < within);
  return {
    mrr10: share(found(10).reduce((sum, r) => sum + 1 / (r + 1), 0)),
    p1: share(found(1).length),
    hit3: share(found(3).length),
    queries: n,
  };
}

/** A small seeded PRNG (mulberry32): the same seed gives the same numbers in [0, 1) on every run. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of the text: seeds each query's own stream, so its variant does not depend on the others. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Lower case, with diacritics stripped through NFD (Unicode, not an accent table). */
export const plain = (text: string) => text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

/**
 * The query as typed in a hurry: `plain`, and two adjacent, different letters swapped in one word
 * of five letters or more, both picked by a PRNG seeded from `seed` and the query itself. A query
 * without such a word is only made `plain`.
 */
export function sloppy(query: string, seed = 1): string {
  const text = plain(query);
  const words = [...text.matchAll(/\p{L}{5,}/gu)];
  const random = mulberry32(seed ^ hash(query));
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)];
  const word = pick(words);
  if (!word) return text;
  const letters = Array.from(word[0]);
  const spots = letters.slice(1).flatMap((letter, i) => (letter === letters[i] ? [] : [i]));
  if (!spots.length) return text;
  const i = pick(spots);
  [letters[i], letters[i + 1]] = [letters[i + 1], letters[i]];
  return text.slice(0, word.index) + letters.join('') + text.slice(word.index + word[0].length);
}
