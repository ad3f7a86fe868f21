import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  acceptSources,
  DIFF_LIMIT,
  diffWords,
  emptySidecar,
  formatDiff,
  readSidecar,
  sourceFindings,
  sourceHash,
  staleTexts,
  translationUnits,
  unrecordedTexts,
} from '../../src/core/sources';
import { fixtureData, fixtureFiles } from './localeFixture';

/** The fixture with every Latvian text accepted as translated from the English it has now. */
const accepted = () => acceptSources(fixtureFiles(), emptySidecar()).sidecar;
const joined = (segments: ReturnType<typeof diffWords>, drop: 'added' | 'removed') =>
  segments
    .filter((s) => s.type !== drop)
    .map((s) => s.text)
    .join('');

describe('sourceHash', () => {
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
  ])('is FNV-1a 64 of the UTF-8 text (%j → %s, the published test vectors)', (text, hash) => {
    expect(sourceHash(text)).toBe(hash);
  });

  it('hashes a text and its NFC form alike, so a re-saved file is not "changed"', () => {
    expect(sourceHash('Palīdzība'.normalize('NFD'))).toBe(sourceHash('Palīdzība'));
  });
});

describe('translationUnits', () => {
  it('lists every translatable text with its key, English source and Latvian text', () => {
    const d = fixtureData();
    const units = translationUnits(d.en, d.lv);
    expect(units.map((u) => u.key)).toEqual([
      'ui.title',
      'ui.noResults',
      'ui.resultCount_zero',
      'ui.resultCount_one',
      'ui.resultCount_other',
      'faq.categories.work',
      'faq.entries.pay.question',
      'faq.entries.pay.answer',
      'faq.entries.pay.keywords',
      'faq.entries.hard.question',
      'faq.entries.hard.answer',
    ]);
    expect(units.find((u) => u.key === 'faq.entries.pay.keywords')).toMatchObject({ en: 'salary\nwage', lv: 'alga\natalgojums', path: ['entries', 'pay', 'keywords'] });
  });

  it("gives Latvian _zero the English _other as its source, and each other form the English form of its name", () => {
    const d = fixtureData();
    const forms = translationUnits(d.en, d.lv).filter((u) => u.plural);
    expect(forms.map((u) => [u.key, u.en])).toEqual([
      ['ui.resultCount_zero', '{{count}} results'],
      ['ui.resultCount_one', '{{count}} result'],
      ['ui.resultCount_other', '{{count}} results'],
    ]);
  });
});

describe('staleTexts', () => {
  it('finds nothing when every source is as recorded', () => {
    expect(staleTexts(fixtureFiles(), accepted())).toEqual([]);
  });

  it('reports a Latvian text whose English changed, with both English texts and the place of the Latvian value', () => {
    const sidecar = accepted();
    const d = fixtureData();
    d.en.faq.entries.pay.answer = 'About **$15** an hour.';
    const files = fixtureFiles(d);
    const [stale, ...rest] = staleTexts(files, sidecar);
    expect(rest).toEqual([]);
    const text = files['lv/faq.json']!;
    const at = text.indexOf('"Aptuveni');
    const before = text.slice(0, at).split('\n');
    expect(stale).toEqual({
      key: 'faq.entries.pay.answer',
      lang: 'lv',
      recordedSource: 'About **$14** an hour.',
      currentSource: 'About **$15** an hour.',
      text: 'Aptuveni **14 USD** stundā.',
      file: 'locales/lv/faq.json',
      line: before.length,
      column: before[before.length - 1].length + 1,
    });
  });

  it('marks every Latvian plural form that follows a changed English form', () => {
    const sidecar = accepted();
    const d = fixtureData();
    d.en.ui.resultCount_other = '{{count}} matches';
    expect(staleTexts(fixtureFiles(d), sidecar).map((s) => s.key)).toEqual(['ui.resultCount_zero', 'ui.resultCount_other']);
  });

  it('does not call an untranslated (missing) Latvian text stale: it is new', () => {
    const sidecar = accepted();
    const d = fixtureData();
    delete d.lv.ui.title;
    d.en.ui.title = 'Help centre';
    expect(staleTexts(fixtureFiles(d), sidecar)).toEqual([]);
  });

  it('still reports stale texts in one file when another is broken', () => {
    const sidecar = accepted();
    const d = fixtureData();
    d.en.ui.title = 'Help centre';
    const files = { ...fixtureFiles(d), 'lv/faq.json': '{ broken' };
    expect(staleTexts(files, sidecar).map((s) => [s.key, s.line])).toEqual([['ui.title', 3]]);
  });
});

describe('acceptSources', () => {
  it('records the current English of the named keys only', () => {
    const d = fixtureData();
    d.en.ui.title = 'Help centre';
    d.en.faq.categories.work = 'Jobs';
    const { sidecar, unknown } = acceptSources(fixtureFiles(d), accepted(), ['ui.title']);
    expect(unknown).toEqual([]);
    expect(sidecar.sources['ui.title'].en).toBe('Help centre');
    expect(sidecar.sources['faq.categories.work'].en).toBe('Work');
  });

  it('accepts all forms of a plural named by its key without the form', () => {
    const d = fixtureData();
    d.en.ui.resultCount_other = '{{count}} matches';
    d.en.ui.resultCount_one = '{{count}} match';
    const { sidecar } = acceptSources(fixtureFiles(d), accepted(), ['ui.resultCount']);
    expect(staleTexts(fixtureFiles(d), sidecar)).toEqual([]);
  });

  it('names keys that match no text, so a typo is not silently ignored', () => {
    expect(acceptSources(fixtureFiles(), emptySidecar(), ['ui.titel']).unknown).toEqual(['ui.titel']);
  });

  it('drops records of texts that no longer exist', () => {
    const d = fixtureData();
    delete d.en.faq.entries.hard;
    delete d.lv.faq.entries.hard;
    const { sidecar } = acceptSources(fixtureFiles(d), accepted());
    expect(Object.keys(sidecar.sources).filter((k) => k.includes('hard'))).toEqual([]);
  });

  it('leaves untranslated texts unrecorded', () => {
    const d = fixtureData();
    d.lv.ui.title = ' ';
    expect(acceptSources(fixtureFiles(d), emptySidecar()).sidecar.sources['ui.title']).toBeUndefined();
  });
});

describe('readSidecar', () => {
  it('names the file and what to do when it is broken', () => {
    expect(() => readSidecar('{"version": 1', 'locales/lv/.sources.json')).toThrow(/^locales\/lv\/\.sources\.json: not valid JSON .*npm run i18n:sources -- --accept/);
    expect(() => readSidecar('{"version": 1, "sources": {"ui.title": {"hash": "x"}}}', 'f')).toThrow('the record of "ui.title" needs "hash" and "en"');
  });
});

describe('diffWords', () => {
  it.each([
    ['The quick brown fox jumps', 'The quick red fox leaps high', 'The quick [-brown-]{+red+} fox [-jumps-]{+leaps high+}'],
    ['', 'new text', '{+new text+}'],
    ['old text', '', '[-old text-]'],
    ['same words', 'same words', 'same words'],
    ['About **$14** an hour.', 'About **$15** an hour.', 'About [-**$14**-]{+**$15**+} an hour.'],
  ])('diffs %j → %j as %j', (before, after, plain) => {
    expect(formatDiff(diffWords(before, after))).toBe(plain);
  });

  it('gives back both texts: equal + removed is the old one, equal + added the new one', () => {
    const before = 'Ienākošo zvanu aģents 8 stundu maiņā parasti apkalpo 50–80 zvanu.\n\nTas ir daudz.';
    const after = 'Aģents 8 stundu maiņā apkalpo aptuveni 50–80 zvanu.\n\nTas ir ļoti daudz!';
    const segments = diffWords(before, after);
    expect(joined(segments, 'added')).toBe(before);
    expect(joined(segments, 'removed')).toBe(after);
  });

  it('finds the shortest word diff: one changed word in a long text is one removal and one addition', () => {
    const words = Array.from({ length: 500 }, (_, i) => `w${i}`);
    const changed = [...words];
    changed[250] = 'CHANGED';
    const segments = diffWords(words.join(' '), changed.join(' '));
    expect(segments.filter((s) => s.type !== 'equal')).toEqual([
      { type: 'removed', text: 'w250' },
      { type: 'added', text: 'CHANGED' },
    ]);
  });

  it(`gives up past ${DIFF_LIMIT} edits and shows the changed middle removed and added whole, in linear-ish time`, () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
    const started = performance.now();
    const segments = diffWords(`same ${a} end`, `same ${b} end`);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(segments.map((s) => s.type)).toEqual(['equal', 'removed', 'added', 'equal']);
    expect(joined(segments, 'added')).toBe(`same ${a} end`);
  });

  it('cuts long unchanged stretches in the plain text, keeping a few words either side', () => {
    const long = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
    const plain = formatDiff(diffWords(`${long} old ${long}`, `${long} new ${long}`), 3);
    expect(plain).toBe('…w37 w38 w39 [-old-]{+new+} w0 w1 w2…');
  });
});

describe('sourceFindings', () => {
  it('warns at the Latvian value of a stale text, with the English diff and the command to run', () => {
    const sidecar = accepted();
    const d = fixtureData();
    d.en.ui.title = 'Help centre';
    expect(sourceFindings(fixtureFiles(d), sidecar)).toEqual([
      {
        level: 'warning',
        file: 'locales/lv/ui.json',
        key: 'ui.title',
        line: 3,
        column: 12,
        message: 'the English changed since this was translated: Help{+ centre+}; update the Latvian, then run npm run i18n:sources -- --accept ui.title',
      },
    ]);
  });

  it('warns once, naming the sidecar, when texts have no recorded source', () => {
    const findings = sourceFindings(fixtureFiles(), emptySidecar());
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ level: 'warning', file: 'locales/lv/.sources.json' });
    expect(findings[0].message).toMatch(/^not yet recorded which English texts ui\.title, ui\.noResults, ui\.resultCount_zero and 8 more were translated from: .*npm run i18n:sources -- --accept$/);
  });

  it('finds the shipped Latvian texts all recorded and up to date', () => {
    const read = (name: string) => readFileSync(`locales/${name}`, 'utf8');
    const files = { 'lv/ui.json': read('lv/ui.json'), 'lv/faq.json': read('lv/faq.json'), 'en/ui.json': read('en/ui.json'), 'en/faq.json': read('en/faq.json') };
    const sidecar = readSidecar(read('lv/.sources.json'), 'locales/lv/.sources.json');
    expect(unrecordedTexts(files, sidecar)).toEqual([]);
    expect(sourceFindings(files, sidecar)).toEqual([]);
  });
});

describe('a category that carries a note', () => {
  it('is translated by its name; the note is not a text to translate', () => {
    const en = { faq: { categories: { pay: { name: 'Pay', note: 'Short: a tab label.' } }, entries: {} } };
    const lv = { faq: { categories: { pay: { name: 'Alga', note: 'Īsi.' } }, entries: {} } };
    expect(translationUnits(en, lv)).toEqual([expect.objectContaining({ key: 'faq.categories.pay', en: 'Pay', lv: 'Alga' })]);
  });
});
