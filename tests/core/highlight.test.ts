import { describe, expect, it } from 'vitest';
import { matchRanges, snippet, toSegments } from '../../src/core/highlight';

describe('toSegments', () => {
  it.each([
    ['no ranges', 'abc', [], [{ text: 'abc', match: false }]],
    ['one range', 'abcdef', [[2, 4]], [{ text: 'ab', match: false }, { text: 'cd', match: true }, { text: 'ef', match: false }]],
    ['overlapping and unsorted ranges', 'abcdef', [[3, 5], [1, 4]], [{ text: 'a', match: false }, { text: 'bcde', match: true }, { text: 'f', match: false }]],
    ['touching ranges', 'abcd', [[0, 2], [2, 4]], [{ text: 'abcd', match: true }]],
    ['ranges out of bounds', 'abc', [[-5, 1], [2, 99]], [{ text: 'a', match: true }, { text: 'b', match: false }, { text: 'c', match: true }]],
    ['empty ranges', 'abc', [[1, 1]], [{ text: 'abc', match: false }]],
  ] as const)('cuts %s', (_, text, ranges, segments) => {
    expect(toSegments(text, ranges as unknown as [number, number][])).toEqual(segments);
  });
});

describe('matchRanges', () => {
  it('marks every word whose folded form matched, whatever its diacritics', () => {
    const text = 'Izdegšana un IZDEGSANA';
    expect(matchRanges(text, new Set(['izdegsana']))).toEqual([[0, 9], [13, 22]]);
  });
});

describe('snippet', () => {
  const long = `${'Ievads par darbu. '.repeat(12)}Šeit ir runa par izdegšanu un stresu. ${'Noslēgums. '.repeat(12)}`;

  it('shows the part of a long answer around the first match, with ellipses', () => {
    const segments = snippet(long, new Set(['izdegsanu']), 100);
    const text = segments.map((s) => s.text).join('');
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(102);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['izdegšanu']);
  });

  it('shows the start of the answer when nothing in it matched', () => {
    const text = snippet(long, new Set(['nav']), 60).map((s) => s.text).join('');
    expect(text.startsWith('Ievads par darbu.')).toBe(true);
  });

  it('returns a short answer whole', () => {
    expect(snippet('Īsa atbilde.', new Set())).toEqual([{ text: 'Īsa atbilde.', match: false }]);
  });
});
