import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstOccurrences, fold, tokenize, words } from '../../src/core/fold';
import { stem } from '../../src/core/stem';

describe('fold', () => {
  it.each([
    ['Saņemt', 'sanemt'],
    ['ĀĒĢĪĶĻŅŠŪŽČ', 'aegiklnsuzc'],
    ['izdegšana', 'izdegsana'],
    ['izdegshana', 'izdegsana'],
    ['kļūt', 'klut'],
    ['kljuut', 'klut'],
    ['vadiitaajs', 'vaditajs'],
    ['žurnāls', 'zurnals'],
    ['zhurnaals', 'zurnals'],
    ['čats', 'cats'],
    ['chats', 'cats'],
  ])('folds "%s" to "%s"', (word, folded) => {
    expect(fold(word)).toBe(folded);
  });

  it('folds decomposed (NFD) input the same as composed', () => {
    expect(fold('sa\u006e\u0327emt')).toBe(fold('saņemt'));
  });
});

describe('tokenize', () => {
  it('keeps each word with its exact form and position in the original text', () => {
    const text = 'Cik maksā? 14 $ stundā — “labi”.';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.exact)).toEqual(['cik', 'maksā', '14', 'stundā', 'labi']);
    for (const t of tokens) expect(text.slice(t.start, t.end).toLowerCase()).toBe(t.exact);
  });

  it('treats emoji, regex characters and punctuation as separators', () => {
    expect(tokenize('alga🙂(.*)+?[zvani]').map((t) => t.folded)).toEqual(['alga', 'zvani']);
  });

  it.each([
    ['letters beyond the Basic Multilingual Plane', 'x𝒜𝒷 y', ['x𝒜𝒷', 'y']],
    ['a lone surrogate', 'ab\ud800cd\udc00ef', ['ab', 'cd', 'ef']],
    ['digits of other scripts', 'Nr. ٣٤ un 12', ['nr', '٣٤', 'un', '12']],
    ['combining marks left by an unnormalised word', 'a\u0301\u20dd b', ['á', 'b']],
  ])('reads words as letters and digits, with %s', (_, text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it('finds the same words, at the same places, as the Unicode letter and digit classes', () => {
    const WORD = /[\p{L}\p{N}]+/gu;
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 60 })), (text) => {
        const nfc = text.normalize('NFC');
        expect(words(text)).toEqual(nfc.toLowerCase().match(WORD) ?? []);
        expect(tokenize(text).map((t) => [t.start, t.end])).toEqual([...nfc.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length]));
        const first = new Map<string, number>();
        for (const m of nfc.matchAll(WORD)) if (!first.has(fold(m[0]))) first.set(fold(m[0]), m.index);
        expect(firstOccurrences(text)).toEqual(first);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('stem', () => {
  it.each([
    ['algas', 'alga', 'lv'],
    ['zvaniem', 'zvanu', 'lv'],
    ['prasmem', 'prasmes', 'lv'],
    ['vaditajam', 'vaditajs', 'lv'],
    ['promotions', 'promotion', 'en'],
    ['negotiating', 'negotiation', 'en'],
    ['calls', 'call', 'en'],
  ] as const)('gives "%s" and "%s" the same stem (%s)', (a, b, lang) => {
    expect(stem(a, lang)).toBe(stem(b, lang));
  });

  it('never cuts a word below three letters', () => {
    expect(stem('ir', 'lv')).toBe('ir');
    expect(stem('uses', 'en').length).toBeGreaterThanOrEqual(3);
  });
});
