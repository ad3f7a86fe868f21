import { describe, expect, it } from 'vitest';
import lvFaq from '../../locales/lv/faq.json';
import enFaq from '../../locales/en/faq.json';
import lvUi from '../../locales/lv/ui.json';
import enUi from '../../locales/en/ui.json';
import { readContent } from '../../src/core/content';
import { words } from '../../src/core/fold';
import { parseMarkup } from '../../src/core/markup';

/** Links and URL state use these ids: they stay. */
const STABLE_IDS = [
  'workload', 'roles', 'getting-hired', 'career-growth', 'skills', 'salary', 'difficulty',
  'contact-vs-call-center', 'supervisor-role', 'buying-a-call-center',
];
const IDS = Object.keys(lvFaq.entries);
const answerWords = (answer: string) => words(parseMarkup(answer).text).length;

describe('the built-in content', () => {
  it.each([['lv', lvFaq], ['en', enFaq]] as const)('%s: holds 25–35 valid entries, the ten stable ids among them', (lang, data) => {
    const { content, problems } = readContent(data, lang, `locales/${lang}/faq.json`);
    expect(problems).toEqual([]);
    expect(content.entries.length).toBeGreaterThanOrEqual(25);
    expect(content.entries.length).toBeLessThanOrEqual(35);
    expect(content.entries.map((e) => e.id)).toEqual(expect.arrayContaining(STABLE_IDS));
    expect(content.entries.map((e) => e.id).sort()).toEqual([...IDS].sort());
    for (const entry of content.entries) {
      expect(entry.keywords.length, entry.id).toBeGreaterThanOrEqual(4);
      expect(entry.related.length, entry.id).toBeGreaterThanOrEqual(2);
      expect(entry.related.length, entry.id).toBeLessThanOrEqual(4);
      expect(entry.related, entry.id).not.toContain(entry.id);
    }
  });

  it.each([['lv', lvFaq], ['en', enFaq]] as const)('%s: groups the entries in 4–6 categories, none empty', (_, data) => {
    const categories = Object.keys(data.categories);
    expect(categories.length).toBeGreaterThanOrEqual(4);
    expect(categories.length).toBeLessThanOrEqual(6);
    const used = new Set(Object.values(data.entries).map((e) => e.category));
    expect([...used].sort()).toEqual([...categories].sort());
  });

  it.each([['lv', lvFaq], ['en', enFaq]] as const)('%s: answers a question in about 40–250 words, a short direct answer first', (_, data) => {
    for (const [id, entry] of Object.entries(data.entries)) {
      const count = answerWords(entry.answer);
      expect(count, id).toBeGreaterThanOrEqual(40);
      expect(count, id).toBeLessThanOrEqual(250);
      // The first paragraph stands alone as a search snippet: a sentence or two of prose, not a list or a heading.
      const first = entry.answer.split('\n\n')[0];
      expect(first, id).not.toMatch(/^(- |\d+\. |### )/);
      expect(words(first).length, id).toBeLessThanOrEqual(60);
    }
  });

  it('has the same categories and related entries in both languages', () => {
    expect(Object.keys(lvFaq.categories)).toEqual(Object.keys(enFaq.categories));
    for (const id of IDS) {
      const [lv, en] = [lvFaq, enFaq].map((f) => (f.entries as Record<string, { category: string; related: string[] }>)[id]);
      expect(lv.category, id).toBe(en.category);
      expect(lv.related, id).toEqual(en.related);
    }
  });

  it('is written in Latvian with diacritics, in NFC', () => {
    const text = JSON.stringify(lvFaq);
    expect(text).toBe(text.normalize('NFC'));
    // Natural Latvian runs at about 7 % of letters with a diacritic; text typed without them would be near 0.
    const letters = text.match(/\p{L}/gu)!.length;
    expect(text.match(/[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]/g)!.length / letters).toBeGreaterThan(0.05);
  });

  it("carries the seed's figures in both languages", () => {
    for (const data of [lvFaq, enFaq]) {
      const text = JSON.stringify(data);
      for (const figure of ['50–80', '14', '0', '25', '2–3']) expect(text).toContain(figure);
    }
  });
});

describe('the interface strings', () => {
  it('have the same keys in both languages, apart from CLDR plural forms', () => {
    const base = (keys: string[]) => [...new Set(keys.map((k) => k.replace(/_(zero|one|other)$/, '')))].sort();
    expect(base(Object.keys(lvUi))).toEqual(base(Object.keys(enUi)));
  });

  it.each(['resultCount', 'fallbackCount', 'showAll', 'showMore', 'categoryCount'])('have every CLDR plural form of %s each language needs', (base) => {
    expect(Object.keys(lvUi).filter((k) => k.startsWith(`${base}_`)).sort()).toEqual([`${base}_one`, `${base}_other`, `${base}_zero`]);
    expect(Object.keys(enUi).filter((k) => k.startsWith(`${base}_`)).sort()).toEqual([`${base}_one`, `${base}_other`]);
  });
});
