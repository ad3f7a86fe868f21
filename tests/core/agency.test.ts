import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportItems, mergeImport, uiDescriptions, type ImportedText } from '../../src/core/agency';
import { acceptSources, emptySidecar, staleTexts } from '../../src/core/sources';
import { fixtureData, fixtureFiles, json } from './localeFixture';

const descriptions = uiDescriptions(JSON.parse(readFileSync('locales/ui.schema.json', 'utf8')));
const accepted = () => acceptSources(fixtureFiles(), emptySidecar()).sidecar;
/** An imported text on `line` whose source is the fixture's current English. */
const text = (key: string, target: string, line = 1, source = ''): ImportedText => ({ key, source, target, line });

describe('exportItems', () => {
  it('sends only new and stale texts, each with its status', () => {
    const sidecar = accepted();
    const d = fixtureData();
    delete d.lv.ui.title;
    d.en.faq.entries.pay.answer = 'About **$15** an hour.';
    const items = exportItems(fixtureFiles(d), sidecar, descriptions);
    expect(items.map((i) => [i.key, i.status])).toEqual([
      ['ui.title', 'new'],
      ['faq.entries.pay.answer', 'stale'],
    ]);
  });

  it('sends every text with --all, up-to-date ones with their Latvian', () => {
    const items = exportItems(fixtureFiles(), accepted(), descriptions, true);
    expect(items).toHaveLength(11);
    expect(items.find((i) => i.key === 'ui.title')).toMatchObject({ status: 'current', source: 'Help', target: 'Palīdzība' });
  });

  it('gives a stale text the English it was made from, what changed, and the current Latvian', () => {
    const sidecar = accepted();
    const d = fixtureData();
    d.en.faq.entries.pay.answer = 'About **$15** an hour.';
    const [item] = exportItems(fixtureFiles(d), sidecar, descriptions);
    expect(item).toMatchObject({ previousSource: 'About **$14** an hour.', target: 'Aptuveni **14 USD** stundā.' });
    expect(item.notes).toContain('The English changed since the current Latvian was made: About [-**$14**-]{+**$15**+} an hour.');
    expect(item.notes).toContain('Current Latvian: Aptuveni **14 USD** stundā.');
  });

  it('says where an interface text appears: visible, or screen-reader only, with the schema description', () => {
    const items = exportItems(fixtureFiles(), emptySidecar(), { title: 'Heading of the help panel.', noResults: 'Accessible name of nothing.' }, true);
    expect(items.find((i) => i.key === 'ui.title')!.notes).toContain('Visible: Heading of the help panel.');
    expect(items.find((i) => i.key === 'ui.noResults')!.notes).toContain('Screen-reader only (never shown): Accessible name of nothing.');
  });

  it('names each plural form and the numbers Latvian uses it for', () => {
    const items = exportItems(fixtureFiles(), emptySidecar(), descriptions, true).filter((i) => i.plural);
    expect(items.map((i) => i.notes.find((n) => n.startsWith('Plural form')))).toEqual([
      expect.stringMatching(/^Plural form _zero: Latvian uses it for 0, 10–20, 30/),
      expect.stringMatching(/^Plural form _one: Latvian uses it for 1, 21, 31, …, 101, … but not 11/),
      expect.stringMatching(/^Plural form _other: Latvian uses it for 2–9, 22–29/),
    ]);
  });

  it("passes on the writer's note of an entry, and leaves it out where there is none", () => {
    const d = fixtureData();
    d.en.faq.entries.pay.note = 'US figures; do not convert the currency.';
    const items = exportItems(fixtureFiles(d), emptySidecar(), descriptions, true);
    expect(items.find((i) => i.key === 'faq.entries.pay.answer')!.notes[0]).toBe('Note: US figures; do not convert the currency.');
    expect(items.find((i) => i.key === 'faq.entries.hard.answer')!.notes.some((n) => n.startsWith('Note:'))).toBe(false);
  });
});

describe('mergeImport', () => {
  it('replaces the imported values in place and leaves every other byte as it was', () => {
    const files = fixtureFiles();
    const result = mergeImport(files, accepted(), [text('ui.title', 'Palīdzības centrs', 3, 'Help'), text('faq.entries.pay.keywords', 'alga\nienākumi', 9, 'salary\nwage')], 'agency.po');
    expect(result.errors).toEqual([]);
    const d = fixtureData();
    d.lv.ui.title = 'Palīdzības centrs';
    d.lv.faq.entries.pay.keywords = ['alga', 'ienākumi'];
    expect(result.write['lv/ui.json']).toBe(json(d.lv.ui));
    expect(result.write['lv/faq.json']).toBe(json(d.lv.faq));
    expect(result.imported).toEqual(['ui.title', 'faq.entries.pay.keywords']);
  });

  it('records the English each imported text was translated from', () => {
    const d = fixtureData();
    d.en.ui.title = 'Help centre';
    const result = mergeImport(fixtureFiles(d), accepted(), [text('ui.title', 'Palīdzības centrs', 3, 'Help centre')], 'agency.xlf');
    expect(result.write.sidecar!.sources['ui.title'].en).toBe('Help centre');
    expect(staleTexts({ ...fixtureFiles(d), 'lv/ui.json': result.write['lv/ui.json'] }, result.write.sidecar!)).toEqual([]);
  });

  it('imports a text made from an older English, says so, and records that older English (so it shows as stale)', () => {
    const d = fixtureData();
    d.en.ui.title = 'Help centre';
    const result = mergeImport(fixtureFiles(d), emptySidecar(), [text('ui.title', 'Palīdzība!', 3, 'Help')], 'agency.xlf');
    expect(result.notices).toEqual(['agency.xlf:3 [ui.title]: was translated from an older English text; it is imported and will show as stale (npm run i18n:sources) until updated']);
    expect(result.write.sidecar!.sources['ui.title'].en).toBe('Help');
  });

  it('leaves texts with an empty target as they are', () => {
    const result = mergeImport(fixtureFiles(), accepted(), [text('ui.title', '  ', 3, 'Help')], 'a.po');
    expect(result).toMatchObject({ errors: [], write: {}, imported: [] });
  });

  it('adds a Latvian entry that was missing, with the English category and related ids', () => {
    const d = fixtureData();
    delete d.lv.faq.entries.hard;
    const result = mergeImport(fixtureFiles(d), accepted(), [text('faq.entries.hard.question', 'Vai ir grūti?', 4), text('faq.entries.hard.answer', 'Dažreiz.', 8)], 'a.po');
    expect(result.errors).toEqual([]);
    expect(JSON.parse(result.write['lv/faq.json']!).entries.hard).toEqual({ category: 'work', question: 'Vai ir grūti?', answer: 'Dažreiz.', related: [] });
  });

  it.each([
    ['a placeholder dropped', [text('ui.noResults', 'Nekas netika atrasts.', 12)], 'a.po:12 [ui.noResults]: has placeholders none; the English has {{query}}: keep them exactly'],
    ['a placeholder renamed', [text('ui.noResults', 'Nekas pēc {{vaicajums}}.', 12)], 'a.po:12 [ui.noResults]: has placeholders {{vaicajums}}; the English has {{query}}'],
    [
      'a plural form without {{count}} ("Viens rezultāts" would be shown for 21)',
      [text('ui.resultCount_zero', '{{count}} rezultātu', 20), text('ui.resultCount_one', 'Viens rezultāts', 20), text('ui.resultCount_other', '{{count}} rezultāti', 20)],
      'a.po:20 [ui.resultCount_one]: has placeholders none; the English has {{count}}',
    ],
    ['a plural with a form missing', [text('ui.resultCount_one', '{{count}} rezultāts', 20)], 'a.po:20 [ui.resultCount]: gives _one but not _zero, _other; translate every Latvian form'],
    ['a zero-width space', [text('faq.entries.pay.keywords', 'al\u200bga', 30)], 'a.po:30 [faq.entries.pay.keywords]: contains an invisible character (U+200B)'],
    ['an unknown key', [text('ui.titel', 'X', 5)], 'a.po:5 [ui.titel]: no English text has this key'],
    ['a key given twice', [text('ui.title', 'A', 5), text('ui.title', 'B', 9)], 'a.po:9 [ui.title]: given twice (also on line 5); keep one'],
    ['a new entry without an answer (found by i18n:check on the merged files)', [text('faq.entries.new.question', 'Jautājums?', 7)], 'a.po:7 [faq.entries.new.question]: entries.new.answer: answer must be a non-empty string'],
  ])('rejects the whole import, writing nothing, for %s', (_, texts, message) => {
    const d = fixtureData();
    d.en.faq.entries.new = { category: 'work', question: 'Question?', answer: 'Answer.' };
    const result = mergeImport(fixtureFiles(d), accepted(), [text('faq.categories.work', 'Darbs un slodze', 2), ...texts], 'a.po');
    expect(result.errors).toContainEqual(expect.stringMatching(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)));
    expect(result.write).toEqual({});
  });

  it('refuses to merge into a Latvian file that is broken, naming it', () => {
    const result = mergeImport({ ...fixtureFiles(), 'lv/faq.json': '{ "entries": ' }, accepted(), [text('ui.title', 'X', 2)], 'a.po');
    expect(result.errors).toEqual(['locales/lv/faq.json: cannot be read as a JSON object; fix it (npm run i18n:check says where) before importing']);
  });
});
