import { describe, expect, it } from 'vitest';
import { firstRelevant, plain, score, sloppy } from '../../bench/metrics';

/** The bench's own helpers (bench/metrics.ts): what its relevance figures mean. */
describe('bench metrics', () => {
  // Four queries, each with its one relevant entry at rank 1, 3, 11 and nowhere.
  const rankings = [
    { ranking: ['a', 'b', 'c'], relevant: ['a'] },
    { ranking: ['a', 'b', 'c'], relevant: ['c'] },
    { ranking: [...'bcdefghijk', 'a'], relevant: ['a'] },
    { ranking: ['b', 'c'], relevant: ['a'] },
  ];
  const ranks = rankings.map(({ ranking, relevant }) => firstRelevant(ranking, relevant));

  it('finds the first relevant result, 0-based, or -1', () => {
    expect(ranks).toEqual([0, 2, 10, -1]);
    expect(firstRelevant(['x', 'b', 'a'], ['a', 'b'])).toBe(1);
  });

  it('gives MRR@10 (a hit below the top 10 counts nothing), P@1 and hit@3', () => {
    const s = score(ranks);
    expect(s.mrr10).toBeCloseTo((1 + 1 / 3) / 4, 12);
    expect(s.p1).toBe(1 / 4);
    expect(s.hit3).toBe(2 / 4);
    expect(s.queries).toBe(4);
  });

  it('counts a hit at rank 10 in MRR@10 but not one at 11', () => {
    expect(score([9]).mrr10).toBe(0.1);
    expect(score([10]).mrr10).toBe(0);
  });
});

describe('sloppy queries', () => {
  const swapsOneAdjacentPair = (before: string, after: string) => {
    const diff = [...before].flatMap((c, i) => (c === after[i] ? [] : [i]));
    return diff.length === 2 && diff[1] === diff[0] + 1 && before[diff[0]] === after[diff[1]] && before[diff[1]] === after[diff[0]];
  };

  it('is lower case without diacritics', () => {
    expect(plain('Ēdienkarte Ça Ñandú')).toBe('edienkarte ca nandu');
    expect(sloppy('Ēdienkarte')).not.toMatch(/[A-ZĒ\p{M}]/u);
  });

  it.each([
    'How do I delete my Facebook account?',
    'Making the text on github crossed out.',
    'Kā saņemt rēķinu par zvanu centra pakalpojumiem?',
  ])('swaps two adjacent letters in one word of five letters or more: %s', (query) => {
    const before = plain(query);
    const after = sloppy(query);
    expect(after).toHaveLength(before.length);
    expect(swapsOneAdjacentPair(before, after)).toBe(true);
    const changed = before.split(' ').filter((word, i) => word !== after.split(' ')[i]);
    expect(changed).toHaveLength(1);
    expect(changed[0].replace(/\P{L}/gu, '').length).toBeGreaterThanOrEqual(5);
  });

  it('is the same on every run for the same seed, and can differ for another', () => {
    const query = 'Is it possible to get strikethrough letter formatting on github markdown';
    expect(sloppy(query, 7)).toBe(sloppy(query, 7));
    const seeds = new Set(Array.from({ length: 20 }, (_, seed) => sloppy(query, seed)));
    expect(seeds.size).toBeGreaterThan(1);
  });

  it('leaves a query without a word of five letters as it is, apart from case and diacritics', () => {
    expect(sloppy('Où is my GIF?')).toBe('ou is my gif?');
    expect(sloppy('aaaaa')).toBe('aaaaa');
  });
});
