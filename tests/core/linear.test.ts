import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { snippet } from '../../src/core/highlight';
import { scanJson } from '../../src/core/jsonmap';
import { parseMarkup, unsupportedMarkup } from '../../src/core/markup';
import { createSearchIndex, type Searchable } from '../../src/core/search';
import { checkContent } from '../../src/core/ownercheck';

/**
 * Answers come from the owner's server and may be huge or hostile: the work on them must grow in
 * step with their length. Times are CPU time of this process, so other work on a busy machine
 * counts little; the garbage of one measurement is cleared before the next.
 */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** CPU milliseconds per call of `run`, over a batch of at least 5 ms. */
function cpuPerCall(run: () => unknown): number {
  collectGarbage();
  const start = process.cpuUsage();
  let calls = 0;
  let used = 0;
  do {
    run();
    calls++;
    const { user, system } = process.cpuUsage(start);
    used = (user + system) / 1000;
  } while (used < 5);
  return used / calls;
}

/**
 * How much longer parsing `large` takes than parsing `small`, a tenth of it: the best of three
 * turns each, taken in turn so that a busy spell slows both. The tenth is parsed ten times over
 * with all ten trees kept, so both sides leave V8 the same live heap (its cost per object grows
 * with the heap, which is not the parser's doing). Under 20 ms the large parse passes whatever the
 * ratio: no quadratic work on 1 MB fits in it, and at that scale caches decide.
 */
function growth(small: string, large: string, parse: (text: string) => unknown = parseMarkup): number {
  let tenth = Infinity;
  let whole = Infinity;
  for (let turn = 0; turn < 3; turn++) {
    tenth = Math.min(tenth, cpuPerCall(() => Array.from({ length: 10 }, () => parse(small))) / 10);
    whole = Math.min(whole, cpuPerCall(() => parse(large)));
  }
  return whole < 20 ? 1 : whole / tenth;
}

/** First a cheap look from 10 kB to 100 kB, so quadratic code fails in a second, not an hour; then 1 MB. */
function expectLinear(make: (size: number) => string, parse: (text: string) => unknown) {
  expect(growth(make(10_000), make(100_000), parse), '10 kB to 100 kB').toBeLessThanOrEqual(50);
  // Linear work comes out at 10 to 17 here (a 1 MB tree meets V8's heap growth); with other test
  // files running beside it, CI has seen 21 and 25 for work measured at 11 alone. Quadratic work
  // would be a hundred.
  expect(growth(make(100_000), make(1_000_000), parse), '100 kB to 1 MB').toBeLessThanOrEqual(30);
}

/** `unit` repeated to `size` characters. */
const fill = (unit: string) => (size: number) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

const PIECES = ['[', ']', '(', ')', '](', '**', '*', '`', '> ', '>', '### ', '- ', '1. ', '2. ', '2025. ', '\n', '\n\n', 'a', ' ', 'https://x.lv', '\\', '#faq/'];

describe('parseMarkup takes time in proportion to the answer', () => {
  it.each([
    ['"[" repeated', fill('[')],
    ['"](" repeated', fill('](')],
    ['"**" repeated', fill('**')],
    ['"[a](" repeated', fill('[a](')],
    ['"[](" before "[]x" repeated', (n: number) => '[](' + fill('[]x')(n)],
    ['bullet lines', fill('- x\n')],
    ['numbered lines', fill('1. x\n')],
    ['bold words', fill('**a** ')],
    ['"*" repeated', fill('*')],
    ['"* " repeated', fill('* ')],
    ['"*a" repeated', fill('*a')],
    ['"**a *b" repeated (italic left open inside bold)', fill('**a *b')],
    ['"`" repeated', fill('`')],
    ['"`a" repeated after one "`" that is never closed', (n: number) => 'x`' + fill('a*[')(n)],
    ['"> " repeated on one line', fill('> ')],
    ['quote lines', fill('> x\n')],
    ['">" lines', fill('>\n')],
    ['"###" repeated', fill('###')],
    ['sub-heading lines', fill('### x\n')],
    ['single newlines (line breaks)', fill('a\n')],
    [
      'a random mix of markup characters',
      (size: number) => {
        let seed = 7; // the same mix at every size: a small linear congruential generator
        let out = '';
        while (out.length < size) out += PIECES[(seed = (seed * 48271) % 2147483647) % PIECES.length];
        return out;
      },
    ],
  ])('%s: ten times the text takes at most thirty times as long', { timeout: 60_000 }, (_, make) => {
    expectLinear(make, parseMarkup);
  });

  // 1 MB runs are too slow to repeat for many patterns; at 10 kB to 100 kB V8's cost per node varies
  // more, so this asks only for no blow-up: quadratic work would take a hundred times as long.
  it('never blows up on any repeated pattern of markup characters (property-based, 10 kB to 100 kB)', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 6 }), (unit) => {
        const make = fill(unit.join(''));
        expect(growth(make(10_000), make(100_000))).toBeLessThanOrEqual(50);
      }),
      { numRuns: 12 },
    );
  });
});

describe('the checker of unsupported markup takes time in proportion to the answer', () => {
  it.each([
    ['"<a" repeated', fill('<a')],
    ['"<a " then no ">"', (n: number) => '<a ' + fill('b ')(n)],
    ['"![" repeated', fill('![')],
    ['"![a](" repeated', fill('![a](')],
    ['"`" then no other', (n: number) => '`' + fill('<b')(n)],
    ['"|" lines', fill('| a |\n')],
    ['"#" repeated', fill('#')],
  ])('%s: ten times the text takes at most thirty times as long', { timeout: 60_000 }, (_, make) => {
    expectLinear(make, unsupportedMarkup);
  });
});

describe('snippet', () => {
  const sentence = 'Zvanu centra operatora alga ir atkarīga no pieredzes, valodām un maiņām. ';
  const short = parseMarkup(sentence.repeat(8));
  // About 1 MB: one paragraph (so its lead is the whole of it), then a sub-heading and a second one.
  const long = parseMarkup(sentence + 'Darba laiks un atalgojums. '.repeat(38_000) + '\n\n### Maiņas\n\nNakts maiņa beidzas septiņos.');

  /**
   * Per keystroke the view asks again for the snippet of an answer it has shown: with the answer's
   * `Markup` the one-time preparation (whitespace, where each word first occurs) is kept for it, and
   * the Catalog keeps the last 100 parsed answers, more than the panel lists. Any pass over 1 MB takes
   * a millisecond or more, so a call under 0.05 ms passes whatever the ratio.
   */
  it.each([
    ['a match at the start', ['alga']],
    ['a match at the very end', ['septinos']],
    ['a match only in the question: the lead', ['nekas']],
    ['no words at all: the lead', []],
  ])('costs about the same for a 100-word answer and a 1 MB one, once each has been shown (%s)', (_, words) => {
    expect(long.text.length).toBeGreaterThan(1_000_000);
    const terms = new Set(words);
    snippet(short, terms);
    snippet(long, terms);
    let shortTime = Infinity;
    let longTime = Infinity;
    for (let turn = 0; turn < 3; turn++) {
      shortTime = Math.min(shortTime, cpuPerCall(() => snippet(short, terms)));
      longTime = Math.min(longTime, cpuPerCall(() => snippet(long, terms)));
    }
    expect(longTime).toBeLessThanOrEqual(Math.max(5 * shortTime, 0.05));
  });
});

describe('faq-widget check takes time in proportion to the content file', () => {
  /** A content file of about `size` characters: `entry(i)` repeated, each entry's JSON written by it. */
  const file = (entry: (i: number) => string) => (size: number) => {
    const parts: string[] = [];
    for (let i = 0, length = 0; length < size; i++) length += parts[parts.push(entry(i)) - 1].length;
    return `{"categories": {"c": "C"}, "entries": {${parts.join(',\n')}}}`;
  };
  const answer = (i: number, text: string) => `"e${i}": {"category": "c", "question": "Q${i}?", "answer": ${JSON.stringify(text)}}`;
  const one = (text: (size: number) => string) => (size: number) => `{"categories": {"c": "C"}, "entries": {"e": {"category": "c", "question": "Q?", "answer": ${JSON.stringify(text(size))}}}}`;
  const check = (text: string) => checkContent([{ file: 'lv.json', lang: 'lv', text }]);

  it.each([
    ['entries with every kind of mistake', file((i) => answer(i, `## H\n<b>x</b> [a](www.x.lv) [b](rel.html) [c](#faq/none) [d](javascript:x) ![i](p.png)\n| a |`))],
    ['the same id again and again', file(() => answer(0, 'A.'))],
    ['the same key again and again in one entry', (n: number) => `{"entries": {"e": {${fill('"question": "Q", ')(n)}"answer": "A"}}}`],
    ['dangling related ids', file((i) => `"e${i}": {"category": "c", "question": "Q", "answer": "A", "related": ["x${i}", "y${i}"]}`)],
    ['one answer of refused links', one(fill('[a](javascript:x) '))],
    ['one answer of www links', one(fill('[a](www.x.lv) '))],
    ['one answer of HTML tags on one line', one(fill('<b>x</b> '))],
    ['one answer of table lines', one(fill('| a |\n'))],
    ['one string of escapes', one(fill('\u00e9\n"'))],
  ])('%s: ten times the file takes at most thirty times as long', { timeout: 60_000 }, (_, make) => {
    expectLinear(make, check);
  });

  it('scans a list nested as deep as allowed in time in proportion to its length', { timeout: 60_000 }, () => {
    expectLinear(fill('[1,'), (text) => {
      try {
        return scanJson(text);
      } catch (e) {
        return e;
      }
    });
  });
});

describe('a typo costs what its word makes it cost', () => {
  // Letters of other scripts in the content (a few Chinese names, a Greek quote) must not make
  // every typo dearer: a slip's variants use only letters that can follow the letters before it.
  it('the same with 3,000 more distinct letters in the content, in words of their own or one word', () => {
    const entries: Searchable[] = Array.from({ length: 2000 }, (_, i) => ({
      id: `e${i}`,
      question: `Jautājums par algu un slodzi ${i}`,
      answer: 'Zvanu centra darbinieks atbild uz klientu jautājumiem un pieraksta sarunas.',
      keywords: ['darbs'],
      category: 'Darbs',
    }));
    const cjk = Array.from({ length: 3000 }, (_, i) => String.fromCodePoint(0x4e00 + i));
    const plain = createSearchIndex(entries, 'lv');
    const oneWord = createSearchIndex([...entries, { id: 'x', question: cjk.join(''), answer: '', keywords: [], category: '' }], 'lv');
    const manyWords = createSearchIndex([...entries, { id: 'x', question: 'x', answer: cjk.join(' '), keywords: [], category: '' }], 'lv');
    const query = 'darbinieksx jautjāumiem';
    const base = Math.min(...[0, 1, 2].map(() => cpuPerCall(() => plain.search(query))));
    for (const index of [oneWord, manyWords]) {
      expect(index.search(query).map((m) => m.id)[0]).toMatch(/^e/);
      const cost = Math.min(...[0, 1, 2].map(() => cpuPerCall(() => index.search(query))));
      // The first letter of a word may be any letter: 3,000 words of their own add that many
      // variants there, once; a cost per letter of the content at every position would be 40 times that.
      expect(cost / base).toBeLessThan(index === oneWord ? 3 : 20);
    }
  });
});
