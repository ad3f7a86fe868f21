import { describe, expect, it } from 'vitest';
import { fold, tokenize } from '../../src/core/fold';
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
