import { describe, expect, it } from 'vitest';
import { WordTable } from '../../src/core/intern';
import { words } from '../../src/core/fold';

/** The words of `texts` as the table hands them out: each distinct word's value, in order. */
function read(texts: string[]) {
  const table = new WordTable<{ word: string }>();
  const made: string[] = [];
  const seen: { word: string }[] = [];
  const counts = texts.map((text) => table.read(text, (word) => (made.push(word), { word }), (value) => seen.push(value)));
  return { made, seen, counts };
}

describe('WordTable', () => {
  it('hands out the words of each text in order, with how many there were', () => {
    const { seen, counts } = read(['alga un alga', 'darbs, alga!']);
    expect(seen.map((v) => v.word)).toEqual(['alga', 'un', 'alga', 'darbs', 'alga']);
    expect(counts).toEqual([3, 2]);
  });

  it('makes a value once per distinct word and hands the same one out again', () => {
    const { made, seen } = read(['alga un alga', 'alga']);
    expect(made).toEqual(['alga', 'un']);
    expect(seen[0]).toBe(seen[2]);
    expect(seen[0]).toBe(seen[3]);
  });

  it('tells apart words whose hashes are the same ("Aa" and "BB")', () => {
    const { made, seen } = read(['Aa BB Aa BB']);
    expect(made).toEqual(['Aa', 'BB']);
    expect(seen.map((v) => v.word)).toEqual(['Aa', 'BB', 'Aa', 'BB']);
  });

  it('tells apart a word from its prefixes and longer words', () => {
    const { made } = read(['alg alga algas alga alg']);
    expect(made).toEqual(['alg', 'alga', 'algas']);
  });

  it('reads the same words as `words`, surrogate pairs and digits included, as the table grows past its first size', () => {
    const text = Array.from({ length: 5000 }, (_, i) => `vārds${i} 𝒜${i % 7}`).join(' — ');
    const { made, seen } = read([text]);
    expect(seen.map((v) => v.word)).toEqual(words(text));
    expect(made.length).toBe(5007);
  });
});
