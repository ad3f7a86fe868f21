import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkLocales, type LocaleFiles } from '../../src/core/check';
import { readContent } from '../../src/core/content';
import { createI18next, interfaceTexts } from '../../src/core/i18n';
import { forbiddenRanges, readGlossary, samples, uiKeys, type GlossaryTerm } from '../../src/core/uiContext';

/** The context the translator page gives each text, on the shipped files and on small fixtures. */
const read = (file: string) => readFileSync(`locales/${file}`, 'utf8');
const json = (file: string) => JSON.parse(read(file)) as Record<string, unknown>;
const schema = json('ui.schema.json');
const shipped = { lv: json('lv/ui.json'), en: json('en/ui.json') };
const keys = uiKeys(shipped, schema);
const key = (base: string) => keys.find((k) => k.base === base)!;
const i18n = createI18next('lv', { lv: interfaceTexts(shipped.lv), en: interfaceTexts(shipped.en) });
const values = { query: 'alga', category: 'Alga' };

describe('interface keys on the translator page', () => {
  it('has one row per key the widget asks for, plural forms together', () => {
    expect(key('resultCount').forms).toEqual({ lv: ['zero', 'one', 'other'], en: ['one', 'other'] });
    expect(keys.filter((k) => k.base.startsWith('resultCount'))).toHaveLength(1);
    expect(keys.map((k) => k.base)).not.toContain('$schema');
  });

  it('describes every shipped key from ui.schema.json', () => {
    for (const k of keys) expect(k.description, k.base).not.toMatch(/Not in ui.schema.json/);
    expect(key('clear').description).toMatch(/search box/);
  });

  it('marks the keys that only screen readers say, result counts included', () => {
    const spoken = keys.filter((k) => k.audience === 'screen-reader').map((k) => k.base);
    expect(spoken.sort()).toEqual(['browse', 'categoryCount', 'clear', 'close', 'fallbackCount', 'language', 'newTab', 'resultCount', 'resultsLabel', 'searchLabel', 'suggestions']);
    expect(key('searchPlaceholder').audience).toBe('visible');
  });

  it('gives every key in the schema an audience', () => {
    const properties = schema.properties as Record<string, Record<string, unknown>>;
    for (const [name, p] of Object.entries(properties)) {
      if (name === '$schema' || name === '_notes') continue;
      expect(['visible', 'screen-reader'], name).toContain(p['x-audience']);
    }
  });

  it('gathers the notes of each language under the key, a form\'s note named by its form', () => {
    const withNotes = uiKeys({ lv: { ...shipped.lv, _notes: { resultCount: 'Said aloud.', resultCount_zero: 'Genitive plural.' } }, en: shipped.en }, schema);
    const row = withNotes.find((k) => k.base === 'resultCount')!;
    expect(row.notes).toEqual({ lv: ['Said aloud.', 'zero: Genitive plural.'] });
    expect(withNotes.map((k) => k.base)).not.toContain('_notes');
  });
});

describe('samples through the widget\'s i18next set-up', () => {
  it.each([
    [0, '0 rezultātu', 'resultCount_zero'],
    [1, '1 rezultāts', 'resultCount_one'],
    [2, '2 rezultāti', 'resultCount_other'],
    [10, '10 rezultātu', 'resultCount_zero'],
    [11, '11 rezultātu', 'resultCount_zero'],
    [21, '21 rezultāts', 'resultCount_one'],
  ])('renders Latvian resultCount at %i as "%s", with the form i18next picked', (count, text, usedKey) => {
    expect(samples(i18n, key('resultCount'), 'lv', values).find((s) => s.count === count)).toEqual({ count, text, usedKey, usedLng: 'lv' });
  });

  it('renders English plurals at 0, 1, 2, 10, 11 and 21', () => {
    expect(samples(i18n, key('showMore'), 'en', values).map((s) => [s.count, s.text, s.usedKey])).toEqual([
      [0, 'Show 0 more questions', 'showMore_other'],
      [1, 'Show 1 more question', 'showMore_one'],
      [2, 'Show 2 more questions', 'showMore_other'],
      [10, 'Show 10 more questions', 'showMore_other'],
      [11, 'Show 11 more questions', 'showMore_other'],
      [21, 'Show 21 more questions', 'showMore_other'],
    ]);
  });

  it('fills placeholders with the sample values', () => {
    expect(samples(i18n, key('noResults'), 'lv', values)).toEqual([{ text: 'Pēc vaicājuma „alga” nekas netika atrasts.', usedKey: 'noResults', usedLng: 'lv' }]);
  });

  it('shows the form i18next really takes when the one the language needs is missing', () => {
    const { resultCount_zero: _, ...lv } = interfaceTexts(shipped.lv);
    const lacking = createI18next('lv', { lv, en: interfaceTexts(shipped.en) });
    const ten = samples(lacking, key('resultCount'), 'lv', values).find((s) => s.count === 10)!;
    expect(ten).toEqual({ count: 10, text: '10 rezultāti', usedKey: 'resultCount_other', usedLng: 'lv', wanted: 'resultCount_zero' });
  });

  it('says when a key is missing and i18next takes the other language', () => {
    const { back: _, ...lv } = interfaceTexts(shipped.lv);
    const lacking = createI18next('lv', { lv, en: interfaceTexts(shipped.en) });
    expect(samples(lacking, key('back'), 'lv', values)).toEqual([{ text: 'Back', usedKey: 'back', usedLng: 'en' }]);
  });
});

describe('notes for translators are never interface text', () => {
  it('leaves ui.json\'s _notes out of what i18next is given', () => {
    const texts = interfaceTexts({ title: 'Help', _notes: { title: 'The panel heading.' } });
    expect(texts).toEqual({ title: 'Help' });
    expect(createI18next('en', { lv: texts, en: texts }).exists('_notes')).toBe(false);
  });

  it('reads an entry\'s note and a category with a note, and the widget gets neither', () => {
    const data = {
      categories: { pay: { name: 'Pay', note: 'Salary and bonuses.' } },
      entries: { salary: { category: 'pay', question: 'How is pay set?', answer: 'By the contract.', note: 'Keep "contract" as in the glossary.' } },
    };
    const { content, problems } = readContent(data, 'en', 'en.json');
    expect(problems).toEqual([]);
    expect(content.categories).toEqual([{ id: 'pay', name: 'Pay' }]);
    expect(content.entries[0]).not.toHaveProperty('note');
  });

  it('i18n:check reports a note that is not text, and an unknown field in a category', () => {
    const files: LocaleFiles = { 'lv/ui.json': read('lv/ui.json'), 'en/ui.json': read('en/ui.json'), 'en/faq.json': read('en/faq.json') };
    const lv = json('lv/faq.json') as { categories: Record<string, unknown>; entries: Record<string, Record<string, unknown>> };
    const [cat] = Object.keys(lv.categories);
    lv.categories[cat] = { name: lv.categories[cat], colour: 'red' };
    lv.entries.salary.note = 3;
    files['lv/faq.json'] = JSON.stringify(lv, null, 2);
    // Each at the field itself.
    expect(checkLocales(files).map((f) => [f.key, f.message])).toEqual([
      [`categories.${cat}.colour`, 'unknown field "colour" in the category: a category is its name, or { "name": …, "note": … }'],
      ['entries.salary.note', 'the note must be a string (a remark for translators)'],
    ]);
  });

  it('i18n:check accepts notes in all four files and checks no rule against them', () => {
    const files: LocaleFiles = {};
    for (const lang of ['lv', 'en'] as const) {
      const ui = { ...json(`${lang}/ui.json`), _notes: { resultCount: 'Said by screen readers only. ' } };
      const faq = json(`${lang}/faq.json`) as { categories: Record<string, unknown>; entries: Record<string, Record<string, unknown>> };
      const [cat] = Object.keys(faq.categories);
      faq.categories[cat] = { name: faq.categories[cat], note: 'Same note in both.' };
      for (const entry of Object.values(faq.entries)) entry.note = 'Same note in both languages, not NFC: e\u0301';
      files[`${lang}/ui.json`] = JSON.stringify(ui, null, 2);
      files[`${lang}/faq.json`] = JSON.stringify(faq, null, 2);
    }
    expect(checkLocales(files)).toEqual([]);
  });

  it('i18n:check warns of a note about a key the file does not have', () => {
    const files: LocaleFiles = { 'lv/ui.json': JSON.stringify({ ...shipped.lv, _notes: { titel: 'typo' } }, null, 2), 'en/ui.json': read('en/ui.json'), 'lv/faq.json': read('lv/faq.json'), 'en/faq.json': read('en/faq.json') };
    expect(checkLocales(files)).toEqual([
      expect.objectContaining({ level: 'warning', file: 'locales/lv/ui.json', key: '_notes.titel', line: expect.any(Number), message: 'note about "titel", which is not a key of this file: renamed or misspelt?' }),
    ]);
  });
});

describe('glossary marks', () => {
  const escalation: GlossaryTerm = { id: 'escalation', en: 'escalation', lv: 'sarežģīta saruna, ko nodod vadītājam', forbidden: { lv: ['eskalēt', 'eskalācija'], en: [] } };

  it.each([
    ['Operators pārņem eskalētos zvanus.', ['eskalētos']],
    ['ESKALĒT nevajag', ['ESKALĒT']],
    ['eskalacija bez garumzīmēm', ['eskalacija']],
    ['deeskalēt ir cits vārds', []],
    ['Nekas te nav.', []],
  ])('in "%s" marks %j', (text, words) => {
    expect(forbiddenRanges(text, [escalation], 'lv').map((r) => text.slice(r.start, r.end))).toEqual(words);
  });

  it('marks only the language the variant is forbidden in', () => {
    expect(forbiddenRanges('eskalēt', [escalation], 'en')).toEqual([]);
  });

  it('reads a missing glossary as none, and a broken one with a message', () => {
    expect(readGlossary(undefined)).toEqual({ terms: [] });
    expect(readGlossary('{"terms": [').problem).toMatch(/^locales\/glossary.json is not valid JSON/);
    expect(readGlossary(JSON.stringify({ terms: [escalation] })).terms).toEqual([escalation]);
  });
});
