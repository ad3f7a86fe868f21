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
});
