import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkLocales, formatFinding, summary, type Finding, type LocaleFiles } from '../../src/core/check';

/** A small, valid set of locale files; each test breaks one thing in a copy. */
const valid = () => ({
  lv: {
    ui: { $schema: '../ui.schema.json', title: 'Palīdzība', noResults: 'Nekas netika atrasts pēc “{{query}}”.', resultCount_zero: '{{count}} rezultātu', resultCount_one: '{{count}} rezultāts', resultCount_other: '{{count}} rezultāti' } as Record<string, unknown>,
    faq: {
      $schema: '../faq.schema.json',
      categories: { work: 'Darbs' } as Record<string, unknown>,
      entries: {
        pay: { category: 'work', question: 'Kāda ir alga?', answer: 'Aptuveni **14 $** stundā.', keywords: ['alga'], related: ['hard'] },
        hard: { category: 'work', question: 'Vai darbs ir grūts?', answer: 'Reizēm. [Vairāk](#faq/pay).', keywords: [], related: [] },
      } as Record<string, Record<string, unknown>>,
    },
  },
  en: {
    ui: { $schema: '../ui.schema.json', title: 'Help', noResults: 'Nothing found for “{{query}}”.', resultCount_one: '{{count}} result', resultCount_other: '{{count}} results' } as Record<string, unknown>,
    faq: {
      $schema: '../faq.schema.json',
      categories: { work: 'Work' } as Record<string, unknown>,
      entries: {
        pay: { category: 'work', question: 'What is the pay?', answer: 'About **$14** an hour.', keywords: ['salary'], related: ['hard'] },
        hard: { category: 'work', question: 'Is the job hard?', answer: 'Sometimes. [More](#faq/pay).', keywords: [], related: [] },
      } as Record<string, Record<string, unknown>>,
    },
  },
});
type Data = ReturnType<typeof valid>;

const files = (d: Data, raw: Partial<LocaleFiles> = {}): LocaleFiles => ({
  'lv/ui.json': JSON.stringify(d.lv.ui, null, 2),
  'lv/faq.json': JSON.stringify(d.lv.faq, null, 2),
  'en/ui.json': JSON.stringify(d.en.ui, null, 2),
  'en/faq.json': JSON.stringify(d.en.faq, null, 2),
  ...raw,
});
/** A finding as the command prints it, without the rule's name (tests of rules name it themselves). */
const plain = (f: Finding) => formatFinding({ ...f, rule: undefined });
const check = (change: (d: Data) => void = () => undefined, raw: Partial<LocaleFiles> = {}) => {
  const d = valid();
  change(d);
  return checkLocales(files(d, raw)).map(plain);
};

describe('i18n:check', () => {
  it('passes valid files with a one-line summary', () => {
    const findings = checkLocales(files(valid()));
    expect(findings).toEqual([]);
    expect(summary(findings, 4)).toBe('i18n:check: 4 files checked, 0 errors, 0 warnings — ok');
  });

  it('names the file, line and column of invalid JSON, without a cascade of follow-on errors', () => {
    expect(check(undefined, { 'en/ui.json': '{\n  "title": "Help",\n  "noResults" "x"\n}' })).toEqual([
      'locales/en/ui.json:3:15 error: not valid JSON: expected ":" after the key "noResults" but found "\\"". Nothing else in this file is checked, nor compared with locales/lv/ui.json, until it is fixed.',
    ]);
  });

  it('finds a key written twice, with both lines: JSON.parse would keep only the later one', () => {
    const d = valid();
    const text = JSON.stringify(d.en.faq, null, 2).replace('"hard": {', '"pay": {');
    const lines = text.split('\n').flatMap((l, i) => (l.includes('"pay": {') ? [i + 1] : []));
    expect(lines).toHaveLength(2);
    expect(check(undefined, { 'en/faq.json': text })).toContainEqual(
      `locales/en/faq.json:${lines[1]}:5 error [entries.pay]: entry id "pay" is used twice, on lines ${lines[0]} and ${lines[1]}: the widget keeps only the one on line ${lines[1]}, and the entry on line ${lines[0]} is lost. Give one of them another id.`,
    );
  });

  it('finds a ui key that exists in one language only', () => {
    expect(check((d) => delete d.en.ui.title)).toEqual([expect.stringMatching(/^locales\/lv\/ui\.json:3:3 error \[title\]: "title" is missing from locales\/en\/ui\.json$/)]);
  });

  it('finds an FAQ entry that exists in one language only', () => {
    expect(check((d) => (d.lv.faq.entries.extra = { category: 'work', question: 'Q?', answer: 'A.' }))).toEqual([
      expect.stringMatching(/^locales\/lv\/faq\.json:25:5 error \[entries\.extra\]: entry "extra" is missing from locales\/en\/faq\.json$/),
    ]);
  });

  it('finds a category that exists in one language only', () => {
    expect(check((d) => (d.en.faq.categories.career = 'Career'))).toEqual([
      expect.stringContaining('locales/en/faq.json:5:5 error [categories.career]: category "career" is missing from locales/lv/faq.json'),
    ]);
  });

  it('finds placeholders that differ between languages', () => {
    expect(check((d) => (d.lv.ui.noResults = 'Nekas netika atrasts pēc “{{vaicājums}}”.'))).toEqual([
      expect.stringContaining('error [noResults]: placeholders differ: lv has none, en has {{query}}'),
    ]);
    expect(check((d) => (d.lv.ui.resultCount_one = '{{skaits}} rezultāts'))).toContainEqual(
      expect.stringContaining('locales/lv/ui.json:5:23 error [resultCount]: placeholders differ: lv has {{count}} {{skaits}}, en has {{count}}'),
    );
  });

  it('finds a plural key without every CLDR form of its language', () => {
    expect(check((d) => delete d.lv.ui.resultCount_zero)).toEqual([
      expect.stringContaining('locales/lv/ui.json:5:3 error [resultCount]: plural "resultCount" lacks the Latvian form _zero'),
    ]);
    expect(check((d) => delete d.en.ui.resultCount_other)).toEqual([
      expect.stringContaining('error [resultCount]: plural "resultCount" lacks the English form _other'),
    ]);
  });

  describe('on the shipped interface strings', () => {
    const shipped = () => Object.fromEntries(['lv/ui.json', 'en/ui.json', 'lv/faq.json', 'en/faq.json'].map((f) => [f, readFileSync(`locales/${f}`, 'utf8')])) as LocaleFiles;
    const ui = (lang: 'lv' | 'en') => JSON.parse(shipped()[`${lang}/ui.json`]!) as Record<string, string>;
    const without = (lang: 'lv' | 'en', key: string, change: (d: Record<string, string>) => void = (d) => delete d[key]) => {
      const data = ui(lang);
      change(data);
      return checkLocales({ ...shipped(), [`${lang}/ui.json`]: JSON.stringify(data, null, 2) }).map(plain);
    };
    const PLURALS = [...new Set(Object.keys(ui('lv')).filter((k) => k.endsWith('_zero')).map((k) => k.slice(0, -5)))];

    it('holds the plural keys of counts, "Show all" and "Show more"', () => {
      expect(PLURALS.sort()).toEqual(['categoryCount', 'fallbackCount', 'resultCount', 'showAll', 'showMore']);
    });

    it.each(PLURALS.flatMap((base) => [['lv', base, 'zero'], ['lv', base, 'one'], ['lv', base, 'other'], ['en', base, 'one'], ['en', base, 'other']] as const))(
      'reports %s %s without its _%s form',
      (lang, base, form) => {
        expect(without(lang, `${base}_${form}`)).toEqual([
          expect.stringContaining(`error [${base}]: plural "${base}" lacks the ${lang === 'lv' ? 'Latvian' : 'English'} form _${form}`),
        ]);
      },
    );

    it.each([
      ['lv', 'categoryCount_one', '{{count}} jautājums.', '{{category}}'],
      ['en', 'categoryCount_other', 'All {{count}} questions.', '{{category}}'],
    ] as const)('reports a plural form (%s %s) that drops a placeholder its other forms keep', (lang, key, text, lacks) => {
      expect(without(lang, key, (d) => (d[key] = text))).toEqual([
        expect.stringContaining(`error [${key}]: plural form _${key.split('_')[1]} lacks ${lacks}, which the other forms have`),
      ]);
    });

    it('lets a plural form leave out {{count}} ("One question")', () => {
      expect(without('en', '', (d) => (d.showMore_one = 'Show one more question'))).toEqual([]);
    });
  });

  it('finds empty strings, questions and answers', () => {
    expect(check((d) => (d.en.ui.title = '  '))).toEqual([expect.stringContaining('locales/en/ui.json:3:12 error [title]: empty text')]);
    expect(check((d) => (d.lv.faq.entries.pay.question = ''))).toEqual([
      expect.stringContaining('error [entries.pay.question]: question must be a non-empty string'),
    ]);
    expect(check((d) => (d.en.faq.entries.hard.answer = ''))).toEqual([
      expect.stringContaining('error [entries.hard.answer]: answer must be a non-empty string'),
    ]);
  });

  it('finds related and category ids that do not exist', () => {
    expect(check((d) => (d.lv.faq.entries.pay.related = ['hard', 'gone']))).toEqual([
      expect.stringContaining('locales/lv/faq.json:16:9 error [entries.pay.related[1]]: related entry "gone" does not exist'),
    ]);
    expect(check((d) => (d.en.faq.entries.hard.category = 'nope'))).toEqual([
      expect.stringContaining('error [entries.hard.category]: category "nope" is not one of: work'),
    ]);
  });

  it('finds broken answer markup: an unclosed ** and a link with a forbidden scheme', () => {
    expect(check((d) => (d.lv.faq.entries.pay.answer = 'Aptuveni **14 $ stundā.'))).toEqual([
      expect.stringContaining('error [entries.pay.answer]: unclosed "**"'),
    ]);
    expect(check((d) => (d.en.faq.entries.pay.answer = 'See [this](javascript:alert(1)) or [that](ftp://x.example).'))).toEqual([
      expect.stringContaining('[entries.pay.answer]: link "javascript:alert(1)" uses a scheme other than https, http, mailto or tel'),
      expect.stringContaining('[entries.pay.answer]: link "ftp://x.example" uses a scheme other than https, http, mailto or tel'),
    ]);
  });

  it.each([
    ['an image', 'Karte:\n![Birojs](https://x.lv/map.png)', 'answer line 2: images are not supported ("![Birojs](…)"); write [Birojs](https://x.lv/map.png) without the "!" to link to the picture'],
    ['a table row', '| Maiņa | Alga |', 'answer line 1: tables are not supported; write each row as a "- " list item, or as sentences'],
    ['bold in HTML', 'Alga ir <b>14 $</b>.', 'answer line 1: HTML such as "<b>" is not supported and shows as typed; write **bold** instead'],
    ['an HTML image', '<img src="map.png" alt="Karte">', 'answer line 1: HTML such as "<img>" is not supported and shows as typed; write a link to the picture: [what it shows](address) instead'],
    ['a tag nobody maps', '<span class="x">Teksts</span>', 'answer line 1: HTML such as "<span>" is not supported and shows as typed; write the text without it'],
    ['a "## " heading', '## Alga', 'answer line 1: "##" headings are not supported; start the line with "### " for a sub-heading'],
    ['a sub-heading without text', 'Ievads.\n###\nAlga', 'answer line 2: a "### " sub-heading needs its text on the same line: "### Title"'],
    ['a "* " list', 'Prasmes:\n* pacietība', 'answer line 2: lists with "*" are not supported; start each item with "- "'],
    ['a quote in a quote', '> > citāts', 'answer line 1: a quote inside a quote is not supported; one "> " at the start of the line is enough'],
    ['a code block', '```\nA-123\n```', 'answer line 1: code blocks ("```") are not supported; put ` around each piece of code, e.g. `A-123`'],
  ])('reports, with the entry, its line and what to write instead, %s: shown as typed, not supported', (_, answer, message) => {
    const d = valid();
    d.en.faq.entries.hard.answer = answer;
    const findings = checkLocales(files(d)).filter((f) => f.rule === 'markup');
    expect(findings.map(plain)).toEqual([expect.stringMatching(/^locales\/en\/faq\.json:21:\d+ error \[entries\.hard\.answer\]: /)]);
    expect(findings[0].message).toContain(message.replace(/^answer line \d+: /, ''));
  });

  it('does not warn about what the markup supports, or about HTML written inside `code`', () => {
    const d = valid();
    d.en.faq.entries.hard.answer = '### Short\nYes, *sometimes* **hard** at `<b>` and `| a |`.\n\n> A quote\n> - with a list\n\n- item\n1. one\n2. two\n\n3 < 5 and 5 > 3; Rīga | Tallina; # 5; [map](https://x.lv/a.png)!';
    expect(checkLocales(files(d)).filter((f) => f.rule !== 'length-ratio')).toEqual([]);
  });

  it('finds text that is not NFC', () => {
    expect(check((d) => (d.lv.ui.title = 'Pali\u0304dzi\u0304ba'))).toEqual([expect.stringContaining('error [title]: text is not Unicode NFC')]);
    expect(check((d) => (d.lv.faq.entries.hard.question = 'Vai darbs ir gru\u0304ts?'))).toEqual([
      expect.stringContaining('error [entries.hard.question]: text is not Unicode NFC'),
    ]);
  });

  it('warns, without failing, where the Latvian text equals the English one', () => {
    const d = valid();
    d.lv.ui.title = 'Help';
    d.lv.faq.entries.pay.question = 'What is the pay?';
    const findings = checkLocales(files(d));
    expect(findings.map(plain)).toEqual([
      expect.stringContaining('locales/lv/ui.json:3:12 warning [title]: the Latvian text is identical to the English one'),
      expect.stringContaining('warning [entries.pay.question]: the Latvian text is identical to the English one'),
    ]);
    expect(summary(findings, 4)).toBe('i18n:check: 4 files checked, 0 errors, 2 warnings — ok');
  });

  it('finds unknown fields in an entry', () => {
    expect(check((d) => (d.en.faq.entries.pay.colour = 'red'))).toEqual([expect.stringContaining('error [entries.pay.colour]: unknown field "colour"')]);
  });

  it('finds a missing file', () => {
    const all = files(valid());
    delete all['en/faq.json'];
    expect(checkLocales(all).map(plain)).toEqual(['locales/en/faq.json error: file is missing']);
  });

  it('passes the shipped locale files', () => {
    expect(execFileSync('npx', ['tsx', 'src/cli/i18n-check.ts'], { encoding: 'utf8' })).toContain('0 errors');
  }, 30_000); // spawns npx tsx: seconds on a busy two-core machine

  it('exits non-zero from the command line and prints where each error is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'i18n-'));
    const d = valid();
    delete d.lv.ui.resultCount_zero;
    for (const [name, text] of Object.entries(files(d, { 'en/ui.json': '{ "title": "Help", }' }))) {
      mkdirSync(join(dir, name.split('/')[0]), { recursive: true });
      writeFileSync(join(dir, name), text!);
    }
    let status = 0;
    let output = '';
    try {
      execFileSync('npx', ['tsx', 'src/cli/i18n-check.ts', dir], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      ({ status } = e as { status: number });
      output = `${(e as { stderr: string }).stderr}${(e as { stdout: string }).stdout}`;
    }
    expect(status).toBe(1);
    expect(output).toContain(`${dir}/en/ui.json:1:18 error: not valid JSON: a comma before "}"`);
    expect(output).toContain(`${dir}/lv/ui.json:5:3 error [resultCount]: plural "resultCount" lacks the Latvian form _zero`);
    expect(output).toMatch(/i18n:check: 4 files checked, \d+ errors, 0 warnings$/m);
  }, 30_000);
});

describe("i18n:check and a content file's own parts", () => {
  const faq = (d: Data) => d.en.faq as Record<string, unknown>;

  it('passes interface text in the owner\'s words, featured entries and declared languages', () => {
    expect(check((d) => Object.assign(faq(d), { ui: { title: 'Shop help', noResults: 'No answer for “{{query}}”.' }, featured: ['hard'], languages: ['en', 'lv'] }))).toEqual([]);
  });

  it.each([
    [{ titel: 'Help' }, /^locales\/en\/faq\.json:27:5 error \[ui\.titel\]: "titel" is not an interface text of the widget \(see ui\.json for the keys\); the widget ignores it$/],
    [{ noResults: 'Nothing found.' }, /^locales\/en\/faq\.json:27:5 error \[ui\.noResults\]: "noResults" has placeholders none; it needs \{\{query\}\}, as in ui\.json; the widget ignores it$/],
    [{ resultCount_one: 'One result' }, /^locales\/en\/faq\.json:27:5 error \[ui\.resultCount_one\]: plural "resultCount" lacks the form resultCount_other; give every form or none; the widget ignores it$/],
  ])('finds what the widget would ignore in a "ui" block: %j', (ui, said) => {
    expect(check((d) => (faq(d).ui = ui))).toEqual([expect.stringMatching(said)]);
  });

  it('points at the line of the key in the "ui" block, not at an equal key elsewhere', () => {
    const d = valid();
    faq(d).ui = { title: 'Help', titel: 'Help' }; // "title" also names the ui.json key above it
    const text = JSON.stringify(d.en.faq, null, 2);
    const line = text.split('\n').findIndex((l) => l.includes('"titel"')) + 1;
    expect(checkLocales(files(d))[0]).toMatchObject({ file: 'locales/en/faq.json', key: 'ui.titel', line });
  });

  it('finds a featured entry that does not exist, at the line of "featured"', () => {
    expect(check((d) => (faq(d).featured = ['ghost']))).toEqual([expect.stringMatching(/^locales\/en\/faq\.json:26:15 error \[featured\]: featured entry "ghost" does not exist$/)]);
  });
});
