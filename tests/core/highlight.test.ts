import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../../src/core/fold';
import { matchRanges, snippet, toSegments } from '../../src/core/highlight';
import { parseMarkup } from '../../src/core/markup';

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

describe('snippet of a structured answer', () => {
  const answer = parseMarkup(
    [
      'Parasti **50–80 zvanu** maiņā: tas ir īsais atbildes teikums, kas stāv viens pats.',
      '',
      '### Kas to nosaka',
      '- zvanu garums',
      '- klientu noskaņojums',
      '',
      `> ${'Vadītāja piezīme par slodzi un pauzēm. '.repeat(4)}`,
      '',
      `Sīkāk: ${'slodze mainās pa sezonām un dienām. '.repeat(4)}`,
    ].join('\n'),
  );
  const text = (terms: string[]) => snippet(answer, new Set(terms)).map((s) => s.text).join('');

  it("shows the lead, the answer's first paragraph, when only the question or keywords matched", () => {
    expect(text(['slodze_nav'])).toBe('Parasti 50–80 zvanu maiņā: tas ir īsais atbildes teikums, kas stāv viens pats.');
  });

  it('keeps sub-headings and list items apart with " · " where no punctuation ends them', () => {
    expect(text(['noskanojums'])).toContain('Kas to nosaka · zvanu garums · klientu noskaņojums · Vadītāja');
  });

  it('shows the text around a match in a quote', () => {
    const segments = snippet(answer, new Set(['pauzem']));
    const marked = segments.filter((s) => s.match).map((s) => s.text);
    expect(marked.length).toBeGreaterThan(0);
    expect(new Set(marked)).toEqual(new Set(['pauzēm']));
    expect(segments[0].text.startsWith('…')).toBe(true);
  });

  it('cuts a long lead at a word, with an ellipsis', () => {
    const long = parseMarkup(`${'Ļoti gara pirmā rindkopa. '.repeat(10)}\n\n${'Cits. '.repeat(30)}`);
    const cut = snippet(long, new Set(['nekas']), 60).map((s) => s.text).join('');
    expect(cut).toMatch(/^Ļoti gara pirmā rindkopa\. .*\S…$/);
    expect(cut.length).toBeLessThanOrEqual(61);
  });

  it('sets the ellipsis apart after a full stop', () => {
    const text = snippet(parseMarkup(`Pirmais teikums. ${'Otrais teikums ir daudz garāks par pirmo. '.repeat(5)}`), new Set(['x']), 20)
      .map((s) => s.text)
      .join('');
    expect(text).toMatch(/\. …$/);
    expect(text).not.toMatch(/\.…/);
  });

  it('shows a short answer whole, lead and all', () => {
    expect(snippet(parseMarkup('Jā.\n\n- a\n- b'), new Set(['x'])).map((s) => s.text).join('')).toBe('Jā. a · b');
  });
});

describe('snippet of a long answer', () => {
  /**
   * The first algorithm, kept as the specification: lines with whitespace collapsed, joined by
   * " · " after a line that ends without punctuation; find the first match in the whole text, cut.
   */
  function readWhole(text: string, terms: ReadonlySet<string>, length = 140) {
    const lines = text.split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean);
    let cut = lines.reduce((joined, line) => (joined ? joined + (/[.!?:;…]$/.test(joined) ? ' ' : ' · ') + line : line), '');
    if (cut.length > length) {
      const first = matchRanges(cut, terms)[0]?.[0] ?? 0;
      const start = Math.max(0, Math.min(first - Math.floor(length / 3), cut.length - length));
      const end = start + length;
      const whole = cut;
      cut = whole.slice(start, end);
      if (start > 0) cut = '…' + cut.replace(/^\S*\s/, '');
      if (end < whole.length) cut = cut.replace(/\s\S*$/, '');
      if (end < whole.length) cut += /[.!?]$/.test(cut) ? ' …' : '…';
    }
    return toSegments(cut, matchRanges(cut, terms));
  }
  const WORDS = ['Alga', 'izdegšana', 'IZDEGSANA', 'darbs', 'vadītājs', 'zvanu', 'centrs', 'salary', 'Shift', '2025', 'ģimene', 'ķermenis'];
  const answer = fc
    .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', '  ', '\n', '\n\n', ', ', '. ', '\t', ' — ')), { maxLength: 80 })
    .map((parts) => parts.flat().join(''));
  const terms = fc.uniqueArray(fc.constantFrom(...WORDS.map(fold), 'nav'), { maxLength: 3 }).map((t) => new Set(t));

  it('gives the same segments as reading the whole answer, for its text or its parsed markup', () => {
    fc.assert(
      fc.property(answer, terms, fc.integer({ min: 20, max: 200 }), (text, words, length) => {
        const expected = readWhole(text, words, length);
        expect(snippet(text, words, length)).toEqual(expected);
        const markup = { text };
        expect(snippet(markup, words, length)).toEqual(expected);
        expect(snippet(markup, words, length)).toEqual(expected); // and again, from what the first call kept
      }),
      { numRuns: 1000 },
    );
  });
});
