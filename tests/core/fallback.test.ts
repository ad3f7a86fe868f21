import { describe, expect, it } from 'vitest';
import { Catalog } from '../../src/core/catalog';
import { readContent } from '../../src/core/content';
import { builtInCatalog } from './builtin';

/**
 * A search that finds nothing in the visitor's language shows the other language's hits only
 * when they are real matches there: a whole word or its stem, after folding, for at least half
 * of the query's meaningful words. Otherwise the no-results view, with its suggestions and contact.
 */
const file = (entries: Record<string, [string, string]>) => ({
  categories: { c: 'Veikals' },
  entries: Object.fromEntries(Object.entries(entries).map(([id, [question, answer]]) => [id, { category: 'c', question, answer }])),
});
// A small shop: the Latvian side shares no word, prefix or near-spelling with the queries below.
const lv = readContent(
  file({ returns: ['Kā atgriezt preci?', 'Preci var atgriezt 14 dienu laikā.'], price: ['Cik maksā piegāde?', 'Piegāde maksā 3 eiro.'] }),
  'lv',
  'lv',
).content;
const en = readContent(
  file({
    hours: ['What are your opening hours?', 'Monday to Saturday 9–18; closed on Sunday.'],
    delivery: ['How long does delivery take?', 'Two working days.'],
  }),
  'en',
  'en',
).content;
const shop = new Catalog({ lv, en });
const shown = (query: string) => {
  const { hits, fallbackLang } = shop.search(query, 'lv');
  return { fallbackLang, ids: hits.map((h) => `${h.entry.lang}/${h.entry.id}`) };
};

describe('falling back to the other language', () => {
  it('shows no results for "suņu barība" rather than the opening hours because "sunu" looks like "Sunday"', () => {
    expect(shop.search('suņu barība', 'en').hits.map((h) => h.entry.id)).toEqual(['hours']); // what the English side alone finds
    expect(shop.search('suņu barība', 'lv')).toEqual({ hits: [] });
  });

  it('falls back for an English word typed whole in the Latvian widget', () => {
    expect(shown('opening')).toEqual({ fallbackLang: 'en', ids: ['en/hours'] });
    expect(shown('Sunday')).toEqual({ fallbackLang: 'en', ids: ['en/hours'] });
  });

  it('falls back for "salary" in the Latvian widget of the built-in content', () => {
    const results = builtInCatalog().search('salary', 'lv');
    expect(results.fallbackLang).toBe('en');
    expect(results.hits[0]?.entry.lang).toBe('en');
  });

  it('falls back for another form of a word (its stem): "deliveries" finds "delivery"', () => {
    expect(shown('deliveries')).toEqual({ fallbackLang: 'en', ids: ['en/delivery'] });
  });

  it.each([
    ['a prefix only', 'sund'],
    ['a prefix only, folded', 'ŠATUR'],
    ['a typo only', 'sundya'],
    ['a typo only, of a longer word', 'deliwery'],
  ])('shows no results where the other language matches by %s ("%s")', (_, query) => {
    expect(shop.search(query, 'en').hits.map((h) => h.entry.lang)).not.toEqual([]); // found there, but weakly
    expect(shop.search(query, 'lv')).toEqual({ hits: [] });
  });

  it.each([
    ['one of three meaningful words', 'opening stundas rītos', []],
    ['two of three', 'opening hours rīgā', ['en/hours']],
    ['one of two, the other a function word in either language', 'kā deliveries', ['en/delivery']],
    ['one of two', 'delivery cena', ['en/delivery']],
  ])('asks a fallback hit to meet at least half of the meaningful words: %s', (_, query, ids) => {
    expect(shown(query).ids).toEqual(ids);
  });

  it('shows no results for a query of function words only', () => {
    expect(shop.search('what are', 'en').hits).not.toEqual([]);
    expect(shown('what are').ids).toEqual([]);
  });

  it('keeps the visitor\'s own language searched by prefix and typo as before', () => {
    expect(shown('atgr').ids).toEqual(['lv/returns']);
    expect(shown('piegdae').ids).toEqual(['lv/price']);
  });
});
