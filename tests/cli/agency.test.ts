import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportItems, uiDescriptions } from '../../src/core/agency';
import { emptySidecar, readSidecar, staleTexts, type Sidecar } from '../../src/core/sources';
import { fromPo, fromXliff, toPo, toXliff } from '../../src/cli/agency-formats';
import { readLocaleFiles } from '../../src/cli/locale-files';
import { fixtureFiles } from '../core/localeFixture';

/**
 * The agency round trip as a translator's agency would go through it: the commands run on a copy
 * of the shipped locales, the exported file edited as a CAT tool would, then imported.
 */
const NAMES = ['lv/ui.json', 'lv/faq.json', 'en/ui.json', 'en/faq.json', 'lv/.sources.json'];

function copyOfLocales(): string {
  const dir = mkdtempSync(join(tmpdir(), 'faq-agency-'));
  cpSync('locales', join(dir, 'locales'), { recursive: true });
  return join(dir, 'locales');
}
const snapshot = (root: string) => Object.fromEntries(NAMES.map((n) => [n, readFileSync(join(root, n), 'utf8')]));

function run(script: 'export' | 'import' | 'check' | 'sources', ...args: string[]): { code: number | null; out: string; err: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/i18n-${script}.ts`, ...args], { encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

/** The lines of `after` that differ from `before` (same line count expected). */
function changedLines(before: string, after: string): string[] {
  const [a, b] = [before.split('\n'), after.split('\n')];
  expect(b).toHaveLength(a.length);
  return b.filter((line, i) => line !== a[i]);
}

/** The file with the English `ui.title` changed, as a writer would change it. */
function changeEnglishTitle(root: string, title: string) {
  const file = join(root, 'en/ui.json');
  const ui = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  ui.title = title;
  writeFileSync(file, `${JSON.stringify(ui, null, 2)}\n`);
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Sets the <target> of a unit, as a CAT tool saves a translation. */
function setTarget(xml: string, id: string, value: string): string {
  const unit = xml.indexOf(`<unit id="${id}"`);
  const start = xml.indexOf('<target>', unit) + '<target>'.length;
  return xml.slice(0, start) + xmlText(value) + xml.slice(xml.indexOf('</target>', start));
}
const poString = (s: string) => JSON.stringify(s);
/** Sets `msgstr` (or `msgstr[n]`) of the entry with context `context`. */
function setMsgstr(po: string, context: string, value: string, index?: number): string {
  const entry = po.indexOf(`msgctxt ${poString(context)}\n`);
  const tag = index === undefined ? 'msgstr ' : `msgstr[${index}] `;
  const start = po.indexOf(`\n${tag}`, entry) + 1;
  return po.slice(0, start) + tag + poString(value) + po.slice(po.indexOf('\n', start));
}

// Each test starts the commands (about a second each on a busy machine).
describe('npm run i18n:export / i18n:import', { timeout: 30_000 }, () => {
  it('XLIFF: export → edit two texts → import changes exactly those texts and records their English sources', () => {
    const root = copyOfLocales();
    changeEnglishTitle(root, 'Help center');
    const before = snapshot(root);
    const file = join(root, '..', 'texts.xlf');
    const exported = run('export', '--format', 'xliff', '--all', '--folder', root, '--out', file);
    expect(exported).toMatchObject({ code: 0 });
    expect(exported.err).toMatch(/^i18n:export: 146 texts \(0 new, 1 stale, 145 up to date\) written to /);
    let xml = readFileSync(file, 'utf8');
    xml = setTarget(xml, 'ui.title', 'Palīdzības centrs & atbalsts');
    xml = setTarget(xml, 'faq.entries.salary.question', 'Cik daudz var nopelnīt zvanu centrā?');
    writeFileSync(file, xml);

    const imported = run('import', file, '--folder', root);
    expect(imported.code).toBe(0);
    const after = snapshot(root);
    expect(changedLines(before['lv/ui.json'], after['lv/ui.json'])).toEqual(['  "title": "Palīdzības centrs & atbalsts",']);
    expect(changedLines(before['lv/faq.json'], after['lv/faq.json'])).toEqual(['      "question": "Cik daudz var nopelnīt zvanu centrā?",']);
    expect(after['en/ui.json']).toBe(before['en/ui.json']);
    expect(after['en/faq.json']).toBe(before['en/faq.json']);
    const sidecar = readSidecar(after['lv/.sources.json'], 'sidecar');
    expect(sidecar.sources['ui.title'].en).toBe('Help center');
    expect(staleTexts(readLocaleFiles(root), sidecar)).toEqual([]);
  });

  it('PO: export → edit plural forms → import puts msgstr[0] in _one and msgstr[2] in _zero, and nothing else changes', () => {
    const root = copyOfLocales();
    const before = snapshot(root);
    const file = join(root, '..', 'texts.po');
    expect(run('export', '--format', 'po', '--all', '--folder', root, '--out', file).code).toBe(0);
    let po = readFileSync(file, 'utf8');
    po = setMsgstr(po, 'ui.resultCount', '{{count}} atrasts rezultāts', 0);
    po = setMsgstr(po, 'ui.resultCount', '{{count}} atrastu rezultātu', 2);
    po = setMsgstr(po, 'faq.categories.work', 'Darbs un darba slodze');
    writeFileSync(file, po);

    expect(run('import', file, '--folder', root).code).toBe(0);
    const after = snapshot(root);
    expect(changedLines(before['lv/ui.json'], after['lv/ui.json'])).toEqual(['  "resultCount_zero": "{{count}} atrastu rezultātu",', '  "resultCount_one": "{{count}} atrasts rezultāts",']);
    expect(changedLines(before['lv/faq.json'], after['lv/faq.json'])).toEqual(['    "work": "Darbs un darba slodze",']);
    expect(after['lv/.sources.json']).toBe(before['lv/.sources.json']); // the English they were made from is the recorded one
  });

  it('rejects an import with an error, names the line in the imported file, and writes nothing', () => {
    const root = copyOfLocales();
    const before = snapshot(root);
    const file = join(root, '..', 'bad.po');
    expect(run('export', '--format', 'po', '--all', '--folder', root, '--out', file).code).toBe(0);
    let po = readFileSync(file, 'utf8');
    po = setMsgstr(po, 'ui.title', 'Jauns virsraksts'); // fine on its own
    po = setMsgstr(po, 'ui.noResults', 'Nekas netika atrasts.');
    writeFileSync(file, po);
    const line = po.slice(0, po.indexOf('msgctxt "ui.noResults"')).split('\n').length;

    const result = run('import', file, '--folder', root);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`${file}:${line} [ui.noResults]: has placeholders none; the English has {{query}}`);
    expect(result.err).toContain('nothing was written');
    expect(snapshot(root)).toEqual(before);
  });

  it('exports only new and stale texts by default, and says how many of each', () => {
    const root = copyOfLocales();
    changeEnglishTitle(root, 'Help center');
    const result = run('export', '--format', 'po', '--folder', root);
    expect(result.code).toBe(0);
    expect(result.out.match(/^msgctxt .*/gm)).toEqual(['msgctxt "ui.title"']);
    expect(result.out).toMatch(/#, fuzzy\nmsgctxt "ui.title"\nmsgid "Help center"\nmsgstr "Palīdzības centrs"/);
    expect(result.out).toContain('#. The English changed since the current Latvian was made: Help [-centre-]{+center+}');
    expect(result.err).toContain('i18n:export: 1 text (0 new, 1 stale)');
  });

  it('i18n:check warns of a stale text at its Latvian value with the English diff, and passes once it is accepted', () => {
    const root = copyOfLocales();
    changeEnglishTitle(root, 'Help center');
    const line = readFileSync(join(root, 'lv/ui.json'), 'utf8').split('\n').findIndex((l) => l.startsWith('  "title"')) + 1;
    const stale = run('check', root);
    expect(stale.code).toBe(0);
    expect(stale.out).toContain(`${root}/lv/ui.json:${line}:12 warning [ui.title]: the English changed since this was translated: Help [-centre-]{+center+}`);
    expect(stale.out).toContain('0 errors, 1 warning');
    expect(run('sources', '--folder', root, '--accept', 'ui.title').code).toBe(0);
    expect(run('check', root).out).toContain('0 errors, 0 warnings');
  });

  it('refuses an unknown --format with the usage', () => {
    const result = run('export', '--format', 'csv');
    expect(result.code).toBe(1);
    expect(result.err).toContain('--format must be xliff or po. usage: npm run i18n:export -- --format xliff|po');
  });
});

const descriptions = uiDescriptions(JSON.parse(readFileSync('locales/ui.schema.json', 'utf8')));
const allItems = (sidecar: Sidecar = emptySidecar()) => exportItems(fixtureFiles(), sidecar, descriptions, true);

describe('XLIFF', () => {
  it('carries the context as notes: the key, where the text appears, its plural form', async () => {
    const xml = await toXliff(allItems());
    expect(xml).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="lv">');
    const unit = xml.slice(xml.indexOf('<unit id="ui.resultCount_zero">'), xml.indexOf('</unit>', xml.indexOf('<unit id="ui.resultCount_zero">')));
    expect(unit).toContain('<note>Key: ui.resultCount_zero</note>');
    // ui.schema.json marks it "x-audience": "screen-reader".
    expect(unit).toContain('<note>Screen-reader only (never shown): Read to screen-reader users only. Never on screen: announced');
    expect(unit).toContain('<note>Plural form _zero: Latvian uses it for 0, 10–20, 30');
    expect(unit).toContain('<source>{{count}} results</source>');
  });

  it('reads back what it wrote, each text with the line of its unit', async () => {
    const xml = await toXliff(allItems());
    const texts = await fromXliff(xml, 'f.xlf');
    const title = texts.find((t) => t.key === 'ui.title')!;
    expect(title).toEqual({ key: 'ui.title', source: 'Help', target: 'Palīdzība', line: xml.slice(0, xml.indexOf('id="ui.title"')).split('\n').length });
    expect(texts.find((t) => t.key === 'faq.entries.pay.keywords')).toMatchObject({ source: 'salary\nwage', target: 'alga\natalgojums' });
  });

  it('refuses a file for another target language, at its line', async () => {
    const xml = (await toXliff(allItems())).replace('trgLang="lv"', 'trgLang="de"');
    await expect(fromXliff(xml, 'f.xlf')).rejects.toThrow('f.xlf:1: the target language is "de"; this import takes Latvian (trgLang="lv")');
  });
});

describe('PO', () => {
  const po = toPo(allItems());

  it('writes one plural entry with the GNU Latvian header, msgstr[0]=_one, [1]=_other, [2]=_zero', () => {
    expect(po).toContain('"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);\\n"');
    expect(po).toContain('msgctxt "ui.resultCount"\nmsgid "{{count}} result"\nmsgid_plural "{{count}} results"\nmsgstr[0] "{{count}} rezultāts"\nmsgstr[1] "{{count}} rezultāti"\nmsgstr[2] "{{count}} rezultātu"');
  });

  it('reads the GNU order back into the Latvian forms, each with the English form it follows', () => {
    const forms = fromPo(po, 'f.po').filter((t) => t.key.startsWith('ui.resultCount'));
    expect(forms.map((t) => [t.key, t.target, t.source])).toEqual([
      ['ui.resultCount_one', '{{count}} rezultāts', '{{count}} result'],
      ['ui.resultCount_other', '{{count}} rezultāti', '{{count}} results'],
      ['ui.resultCount_zero', '{{count}} rezultātu', '{{count}} results'],
    ]);
  });

  it('reads a file whose editor rewrote the header to the CLDR order (zero, one, other)', () => {
    const cldr = po.replace('nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);', 'nplurals=3; plural=(n % 10 == 0 || n % 100 >= 11 && n % 100 <= 19) ? 0 : ((n % 10 == 1 && n % 100 != 11) ? 1 : 2);');
    const forms = fromPo(cldr, 'f.po').filter((t) => t.key.startsWith('ui.resultCount'));
    expect(forms.map((t) => [t.key, t.target])).toEqual([
      ['ui.resultCount_zero', '{{count}} rezultāts'],
      ['ui.resultCount_one', '{{count}} rezultāti'],
      ['ui.resultCount_other', '{{count}} rezultātu'],
    ]);
  });

  it('refuses a Plural-Forms header it cannot map, at its line, rather than guess', () => {
    const odd = po.replace('n != 0 ? 1 : 2', 'n == 0 ? 2 : 1');
    expect(() => fromPo(odd, 'f.po')).toThrow(/^f\.po:\d+: unknown Plural-Forms .*keep the header i18n:export wrote/);
  });

  it('leaves out entries still flagged fuzzy (stale texts nobody confirmed)', () => {
    const stale = toPo(allItems({ version: 1, sources: { 'ui.title': { hash: 'old', en: 'Helpdesk' } } }));
    expect(stale).toContain('#, fuzzy\nmsgctxt "ui.title"');
    expect(fromPo(stale, 'f.po').some((t) => t.key === 'ui.title')).toBe(false);
  });

  it('names the line of a syntax error', () => {
    expect(() => fromPo('msgid "a\nmsgstr ""\n', 'f.po')).toThrow(/^f\.po:2: not a PO file the converter can read: End-of-line within string at line 2/);
  });
});
