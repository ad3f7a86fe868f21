import { describe, expect, it } from 'vitest';
import lvFaq from '../../locales/lv/faq.json';
import enFaq from '../../locales/en/faq.json';
import lvUi from '../../locales/lv/ui.json';
import enUi from '../../locales/en/ui.json';
import { readContent } from '../../src/core/content';

const IDS = [
  'workload', 'roles', 'getting-hired', 'career-growth', 'skills', 'salary', 'difficulty',
  'contact-vs-call-center', 'supervisor-role', 'buying-a-call-center',
];

describe('the built-in content', () => {
  it.each([['lv', lvFaq], ['en', enFaq]] as const)('%s: holds the ten entries, valid and without problems', (lang, data) => {
    const { content, problems } = readContent(data, lang, `locales/${lang}/faq.json`);
    expect(problems).toEqual([]);
    expect(content.entries.map((e) => e.id).sort()).toEqual([...IDS].sort());
    for (const entry of content.entries) {
      expect(entry.keywords.length, entry.id).toBeGreaterThan(0);
      expect(entry.related.length, entry.id).toBeGreaterThan(0);
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
