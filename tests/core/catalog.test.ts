import { describe, expect, it } from 'vitest';
import { Catalog } from '../../src/core/catalog';
import { readContent } from '../../src/core/content';

const file = (entries: Record<string, [string, string]>) => ({
  categories: { c: 'Cat' },
  entries: Object.fromEntries(Object.entries(entries).map(([id, [question, answer]]) => [id, { category: 'c', question, answer }])),
});
const lv = readContent(file({ pay: ['Kāda ir alga?', 'Aptuveni 14 dolāri stundā.'], only_lv: ['Tikai latviski?', 'Jā.'] }), 'lv', 'lv').content;
const en = readContent(file({ pay: ['What is the salary?', 'About $14 an hour.'], only_en: ['English only?', 'Yes, burnout.'] }), 'en', 'en').content;
const catalog = new Catalog({ lv, en });

describe('Catalog', () => {
  it('searches the requested language first', () => {
    expect(catalog.search('alga', 'lv')).toMatchObject({ hits: [{ entry: { id: 'pay', lang: 'lv' } }] });
    expect(catalog.search('alga', 'lv').fallbackLang).toBeUndefined();
  });

  it("falls back to the other language's hits, marked by their language, when the first has none", () => {
    const results = catalog.search('salary', 'lv');
    expect(results.fallbackLang).toBe('en');
    expect(results.hits.map((h) => `${h.entry.lang}/${h.entry.id}`)).toEqual(['en/pay']);
  });

  it('finds nothing when neither language matches', () => {
    expect(catalog.search('qqqqzz', 'lv')).toEqual({ hits: [] });
  });

  it('shows an entry missing in one language from the other, never nothing', () => {
    expect(catalog.entry('only_en', 'lv')?.lang).toBe('en');
    expect(catalog.entries('lv').map((e) => `${e.lang}/${e.id}`)).toEqual(['lv/pay', 'lv/only_lv', 'en/only_en']);
  });

  it('finds words of an answer that entries keep only as markup, and not the markup itself', () => {
    const marked = readContent(file({ link: ['Kur?', 'Skatiet **mūsu** [vietni](https://piemers.lv/palidziba).'] }), 'lv', 'lv').content;
    const small = new Catalog({ lv: marked });
    expect(marked.entries[0].answer).toBe('Skatiet **mūsu** [vietni](https://piemers.lv/palidziba).');
    expect(small.search('vietni', 'lv').hits.map((h) => h.entry.id)).toEqual(['link']);
    expect(small.search('palidziba', 'lv').hits).toEqual([]);
  });

  it("parses an entry's answer when it is shown, and gives the same one again while it is recent", () => {
    const entry = catalog.entry('pay', 'lv')!;
    const answer = catalog.answer(entry);
    expect(answer.text).toBe('Aptuveni 14 dolāri stundā.');
    expect(answer.blocks).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'Aptuveni 14 dolāri stundā.' }] }]);
    expect(catalog.answer(entry)).toBe(answer);
  });
});
